package org.coreloss.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Number of native (OpenMP) threads ND4J uses inside each operation of training and inference, settable at
 * run time (e.g. from a notebook, whose kernel cannot change {@code OMP_NUM_THREADS} after start). On a
 * small machine shared with other work one thread is faster: measured on the 2-core build machine at load
 * ~17, a 160 -> 64 -> 64 -> 6 regressor with full batches ran 60 epochs in 7 s with 1 thread and 18-25 s
 * with the default 2 (the threads of one operation wait for each other under contention).
 */
public final class ComputeThreads {
    private ComputeThreads() {}

    /** Sets ND4J's maximum operation threads and master threads to {@code threads} (>= 1) for this JVM. */
    public static void set(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads = " + threads + ", expected >= 1");
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
    }
}
