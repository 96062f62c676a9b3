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
 *
 * <p>Self-test: OpenBLAS 0.3.19's SkylakeX (AVX-512) kernels return wrong real symmetric
 * eigenvectors for n &gt; ~128 on some CPUs (dsytrd/dorgtr; measured on this project's machines;
 * complex zheevd is fine). At load, dsyevd and the factored path are checked on a 200 x 200
 * matrix; if they fail, {@link #realLapackHealthy()} returns false, the engine diagonalises final
 * blocks with zheevd (correct, ~4x slower) and {@link #symmetricEigen} uses Hipparchus' pure-Java
 * solver above n = 64. Start the JVM with {@code OPENBLAS_CORETYPE=Haswell}
 * to get correct and fast native kernels on such machines.
 */
final class Lapack {
    static final int COL_MAJOR = 102, NO_TRANS = 111, TRANS = 112;

    static {
        int threads = Integer.getInteger("coreloss.multiplet.blasThreads", 1);
        org.bytedeco.javacpp.Loader.load(openblas.class);
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
    }

    private static final boolean REAL_OK = selfTest();

    private Lapack() {}

    /** Loads the native library and applies the thread setting (idempotent). */
    static void init() {}

    /** Tests only: pretend the native real kernels failed the self-test, to exercise the fallbacks. */
    static volatile boolean simulateBrokenRealKernels = false;

    /** Whether native real symmetric eigen-solutions passed the load-time self-test. */
    static boolean realLapackHealthy() {
        return REAL_OK && !simulateBrokenRealKernels;
    }

    private static boolean selfTest() {
        int n = 200;
        java.util.SplittableRandom r = new java.util.SplittableRandom(12345);
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = r.nextDouble(-1, 1);
                m[i + j * n] = v;
                m[j + i * n] = v;
            }
        }
        double[] u = m.clone();
        double[] w;
        try {
            w = dsyevd(u, n, true);
        } catch (RuntimeException e) {
            return false;
        }
        double err = 0;
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += m[i + j * n] * u[j + k * n];
                err = Math.max(err, Math.abs(s - w[k] * u[i + k * n]));
            }
        }
        if (err >= 1e-9) return false;
        // factored path: for a vector v, sum_f |u_f.v|^2 = |v|^2 and sum_f w_f |u_f.v|^2 = v.A.v
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble(-1, 1);
        Factored f = factoredEigen(m.clone(), n);
        double[] amp = f.projectT(v, 1);
        double s0 = 0, s1 = 0, n2 = 0, vav = 0;
        for (int k = 0; k < n; k++) {
            s0 += amp[k] * amp[k];
            s1 += f.values()[k] * amp[k] * amp[k];
            n2 += v[k] * v[k];
            double av = 0;
            for (int j = 0; j < n; j++) av += m[k + j * n] * v[j];
            vav += v[k] * av;
        }
        for (int k = 0; k < n; k++) if (Math.abs(f.values()[k] - w[k]) > 1e-9) return false;
        return Math.abs(s0 - n2) < 1e-9 * n2 && Math.abs(s1 - vav) < 1e-9 * n2 * 20;
    }

    /**
     * Real symmetric eigen-decomposition with vectors: native dsyevd when healthy, otherwise
     * Hipparchus. {@code a} (n x n column-major) is overwritten by the eigenvectors; returns the
     * eigenvalues ascending.
     */
    static double[] symmetricEigen(double[] a, int n) {
        if (realLapackHealthy() || n <= 64) return dsyevd(a, n, true);
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) rows[i][j] = a[i + j * n];
        var ed = new org.hipparchus.linear.EigenDecompositionSymmetric(
                new org.hipparchus.linear.Array2DRowRealMatrix(rows, false), 1e-12, false);
        double[] ev = ed.getEigenvalues();
        Integer[] ord = new Integer[n];
        for (int i = 0; i < n; i++) ord[i] = i;
        java.util.Arrays.sort(ord, (x, y) -> Double.compare(ev[x], ev[y]));
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = ev[ord[k]];
            var v = ed.getEigenvector(ord[k]);
            for (int i = 0; i < n; i++) a[i + k * n] = v.getEntry(i);
        }
        return w;
    }

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

    /**
     * Eigen-decomposition kept in factored form, A = Q Z diag(w) Z^T Q^T: Q from the Householder
     * tridiagonalisation (dsytrd; reflectors in {@code qr}, {@code tau}), Z the eigenvectors of the
     * tridiagonal matrix (dstedc). Projections U^T V = Z^T (Q^T V) then cost O(n^2 m) for m vectors
     * instead of forming U = Q Z (an O(n^3) back-transformation dsyevd would do).
     */
    record Factored(int n, double[] values, double[] qr, double[] tau, double[] z) {
        /** U^T V for V n x m column-major (not modified); returns n x m. */
        double[] projectT(double[] v, int m) {
            if (n == 0 || m == 0) return new double[n * m];
            double[] c = v.clone();
            if (n > 1) {
                int lwork = Math.max(1, m * 64);
                int[] info = new int[1];
                openblas.LAPACK_dormtr("L", "L", "T", new int[]{n}, new int[]{m}, qr, new int[]{n}, tau, c,
                        new int[]{n}, new double[lwork], new int[]{lwork}, info);
                if (info[0] != 0) throw new ArithmeticException("LAPACK dormtr failed, info = " + info[0]);
            }
            return atb(z, n, n, c, m);
        }
    }

    /** Factored real symmetric eigen-decomposition (dsytrd + dstedc); {@code a} is consumed. */
    static Factored factoredEigen(double[] a, int n) {
        if (n == 0) return new Factored(0, new double[0], a, new double[0], new double[0]);
        double[] d = new double[n], e = new double[Math.max(1, n - 1)], tau = new double[Math.max(1, n - 1)];
        int[] info = new int[1];
        int lwork = Math.max(1, n * 64);
        openblas.LAPACK_dsytrd("L", new int[]{n}, a, new int[]{n}, d, e, tau, new double[lwork], new int[]{lwork}, info);
        if (info[0] != 0) throw new ArithmeticException("LAPACK dsytrd failed, info = " + info[0]);
        double[] z = new double[n * n];
        int lw = 1 + 4 * n + n * n, liw = 3 + 5 * n;
        openblas.LAPACK_dstedc("I", new int[]{n}, d, e, z, new int[]{n}, new double[lw], new int[]{lw},
                new int[liw], new int[]{liw}, info);
        if (info[0] != 0) throw new ArithmeticException("LAPACK dstedc failed, info = " + info[0]);
        return new Factored(n, d, a, tau, z);
    }

    /** C (k x m) = A^T B with A n x k and B n x m, all column-major. */
    static double[] atb(double[] a, int n, int k, double[] b, int m) {
        double[] c = new double[k * m];
        if (n == 0 || k == 0 || m == 0) return c;
        openblas.cblas_dgemm(COL_MAJOR, TRANS, NO_TRANS, k, m, n, 1.0, a, n, b, n, 0.0, c, k);
        return c;
    }
}
