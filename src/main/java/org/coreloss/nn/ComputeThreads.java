package org.coreloss.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Number of native (OpenMP) threads ND4J uses inside each operation of training and inference, settable at
 * run time (e.g. from a notebook, whose kernel cannot change {@code OMP_NUM_THREADS} after start).
 *
 * <p><b>Automatic choice during training</b> ({@link #forTraining}, used by {@link Trainer}): unless the thread
 * count was set explicitly ({@link #set}, or the system property {@code coreloss.nn.threads}), a training step
 * whose dense work is below {@link #SMALL_STEP_MULTIPLY_ADDS} multiply-adds (batch x sum of nIn x nOut over the
 * layers) runs with one thread, and the previous setting is restored afterwards. Reason, measured (docs/nn.md,
 * "Threads and batch size"): for such steps the threads of one operation spend longer waiting for each other than
 * computing, most of all on a shared machine; e.g. issue 14's 226 -> 128 -> 64 -> 2 regressor at batch 32 (1.2 M
 * multiply-adds per step). Larger steps keep ND4J's default (all cores).
 */
public final class ComputeThreads {
    private ComputeThreads() {}

    /** Steps below this many multiply-adds train with one thread unless the count was set explicitly. */
    public static final long SMALL_STEP_MULTIPLY_ADDS = 20_000_000L;

    private static volatile Integer explicit = Integer.getInteger("coreloss.nn.threads");

    /** Sets ND4J's maximum operation threads and master threads to {@code threads} (>= 1) for this JVM; the trainer then keeps it. */
    public static void set(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads = " + threads + ", expected >= 1");
        explicit = threads;
        apply(threads);
    }

    /** Forgets an explicit {@link #set}: training chooses again by {@link #forTraining}. */
    public static void auto() { explicit = null; }

    /** The explicitly set thread count, or null when the trainer chooses. */
    public static Integer explicitThreads() { return explicit; }

    /**
     * Sets the four knobs: the OpenMP thread count of the native library ({@code omp_set_num_threads}, what
     * {@code OMP_NUM_THREADS} sets at start), libnd4j's master threads (its own thread pool for element-wise and reduction ops),
     * its max-threads setting (a no-op in libnd4j 1.0.0-M2.1, kept for later versions) and the BLAS library's
     * threads (OpenBLAS {@code openblas_set_num_threads} for matrix products).
     */
    static void apply(int threads) {
        Nd4j.getEnvironment().setMaxMasterThreads(threads);   // first: loads the backend
        try { org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads); } catch (RuntimeException | UnsatisfiedLinkError e) { /* not a native backend */ }
        Nd4j.getEnvironment().setMaxThreads(threads);
        try { Nd4j.factory().blas().setMaxThreads(threads); } catch (RuntimeException | UnsatisfiedLinkError e) { /* backend without BLAS control */ }
    }

    /** The thread count operations currently use (libnd4j master threads). */
    public static int current() { return Nd4j.getEnvironment().maxMasterThreads(); }

    /** Multiply-adds of one dense forward pass over a batch: batch x sum of nIn x nOut. */
    public static long stepMultiplyAdds(int batch, int[] layerSizes) {
        long s = 0;
        for (int i = 1; i < layerSizes.length; i++) s += (long) layerSizes[i - 1] * layerSizes[i];
        return s * batch;
    }

    /** Thread count the trainer uses for a step of {@code multiplyAdds}: the explicit setting, else 1 for small steps, else 0 (= leave ND4J's default). */
    public static int forTraining(long multiplyAdds) {
        Integer e = explicit;
        if (e != null) return e;
        return multiplyAdds < SMALL_STEP_MULTIPLY_ADDS ? 1 : 0;
    }

    /** Applies {@link #forTraining} and returns a handle that restores the previous setting. */
    static AutoCloseable scopeForTraining(long multiplyAdds) {
        int t = forTraining(multiplyAdds);
        if (t == 0) return () -> {};
        int beforeMaster = Nd4j.getEnvironment().maxMasterThreads();
        int beforeOmp;
        try { beforeOmp = org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(); } catch (RuntimeException | UnsatisfiedLinkError e) { beforeOmp = -1; }
        int beforeBlas;
        try { beforeBlas = Nd4j.factory().blas().getMaxThreads(); } catch (RuntimeException | UnsatisfiedLinkError e) { beforeBlas = beforeMaster; }
        if (beforeMaster == t && beforeBlas == t && (beforeOmp == t || beforeOmp < 0)) return () -> {};
        apply(t);
        int blas = beforeBlas, omp = beforeOmp;
        return () -> {
            if (omp > 0) try { org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(omp); } catch (RuntimeException | UnsatisfiedLinkError e) { /* as above */ }
            Nd4j.getEnvironment().setMaxMasterThreads(beforeMaster);
            try { Nd4j.factory().blas().setMaxThreads(blas); } catch (RuntimeException | UnsatisfiedLinkError e) { /* as above */ }
        };
    }
}
