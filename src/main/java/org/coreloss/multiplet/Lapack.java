package org.coreloss.multiplet;

import org.bytedeco.openblas.global.openblas;

/**
 * Thin wrapper over LAPACK/BLAS from the OpenBLAS JavaCPP preset (org.bytedeco:openblas, the build
 * nd4j-native already ships; this is not ND4J). Matrices are column-major {@code double[]}.
 *
 * <p>Threads: the engine parallelises over spectra, so OpenBLAS' own threading is switched to one
 * thread when this class loads ({@code blas_set_num_threads(1)}; OpenBLAS' setting is process-wide).
 * Set the system property {@code coreloss.multiplet.blasThreads} to another count to override.
 * The calls themselves are re-entrant: every call gets its own work arrays.
 */
final class Lapack {
    static final int COL_MAJOR = 102, NO_TRANS = 111, TRANS = 112;

    static {
        int threads = Integer.getInteger("coreloss.multiplet.blasThreads", 1);
        org.bytedeco.javacpp.Loader.load(openblas.class);
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
    }

    private Lapack() {}

    /** Loads the native library and applies the thread setting (idempotent). */
    static void init() {}

    /**
     * Real symmetric eigen-decomposition (dsyevd). {@code a} (n x n, column-major, lower triangle used)
     * is overwritten by the orthonormal eigenvectors (column j = vector j) when {@code vectors};
     * returns eigenvalues ascending.
     */
    static double[] dsyevd(double[] a, int n, boolean vectors) {
        double[] w = new double[n];
        if (n == 0) return w;
        int lwork = vectors ? 1 + 6 * n + 2 * n * n : 2 * n + 1;
        int liwork = vectors ? 3 + 5 * n : 1;
        double[] work = new double[lwork];
        int[] iwork = new int[liwork];
        int[] info = new int[1];
        openblas.LAPACK_dsyevd(vectors ? "V" : "N", "L", new int[]{n}, a, new int[]{n}, w, work,
                new int[]{lwork}, iwork, new int[]{liwork}, info);
        if (info[0] != 0) throw new ArithmeticException("LAPACK dsyevd failed, info = " + info[0] + " (n = " + n + ")");
        return w;
    }

    /**
     * Complex Hermitian eigen-decomposition (zheevd). {@code a} is n x n column-major with interleaved
     * (re, im) pairs, overwritten by the eigenvectors; returns eigenvalues ascending.
     */
    static double[] zheevd(double[] a, int n, boolean vectors) {
        double[] w = new double[n];
        if (n == 0) return w;
        int lwork = vectors ? 2 * n + n * n : n + 1;
        int lrwork = vectors ? 1 + 5 * n + 2 * n * n : n;
        int liwork = vectors ? 3 + 5 * n : 1;
        double[] work = new double[2 * lwork];
        double[] rwork = new double[lrwork];
        int[] iwork = new int[liwork];
        int[] info = new int[1];
        openblas.LAPACK_zheevd(vectors ? "V" : "N", "L", new int[]{n}, a, new int[]{n}, w, work,
                new int[]{lwork}, rwork, new int[]{lrwork}, iwork, new int[]{liwork}, info);
        if (info[0] != 0) throw new ArithmeticException("LAPACK zheevd failed, info = " + info[0] + " (n = " + n + ")");
        return w;
    }

    /** C (k x m) = A^T B with A n x k and B n x m, all column-major. */
    static double[] atb(double[] a, int n, int k, double[] b, int m) {
        double[] c = new double[k * m];
        if (n == 0 || k == 0 || m == 0) return c;
        openblas.cblas_dgemm(COL_MAJOR, TRANS, NO_TRANS, k, m, n, 1.0, a, n, b, n, 0.0, c, k);
        return c;
    }
}
