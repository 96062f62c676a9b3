package org.coreloss.data;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.coreloss.spectrum.SpectrumMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Exact k-nearest training spectra by Euclidean distance (seed 001, figure 3: the training spectra
 * closest to a badly predicted test spectrum).
 *
 * <p>Method: candidates are screened with {@code |a - b|^2 = |a|^2 + |b|^2 - 2 a.b}, the dot
 * products computed in float32 as a blocked matrix product: the training spectra are stored
 * transposed in blocks of {@value #TRAIN_BLOCK} rows (channel-major, one array per channel), and
 * for four queries at a time each channel contributes one multiply-add over the block, an
 * element-wise loop that the JIT turns into SIMD instructions. The best {@code k + }{@value #SPARE}
 * candidates of each query are then re-checked with exact double-precision distances and sorted
 * (ties: lower training index first). Query chunks run in parallel on the common fork-join pool.
 * A true neighbour can only be missed if more than {@value #SPARE} other candidates beat it by less
 * than the float32 rounding of the dot products (about 1e-6 of |a||b|).
 *
 * <p>Where OpenBLAS (bundled through the JavaCPP preset) loads, the dot products of a chunk of queries
 * against {@value #GEMM_BLOCK} training rows at a time come from one {@code cblas_sgemm} call on an
 * off-heap copy of the training spectra instead (same float32 screening, same exact re-check, so the
 * same answer): about 4x faster on the 2-core build machine. OpenBLAS runs one thread per call
 * (process-wide setting, as in the multiplet engine); the parallelism is over query chunks.
 *
 * <p>Memory: one extra float32 copy of the training spectra (off-heap for the BLAS path, a transposed
 * on-heap copy otherwise).
 */
public final class NearestSpectra {
    static final int TRAIN_BLOCK = 256;
    static final int SPARE = 16;

    private final SpectrumMatrix train;
    private final double[] norms;
    static final int GEMM_BLOCK = 4096;
    private static final boolean BLAS = loadBlas();

    private final float[][][] blocks; // [block][channel][row in block], rows beyond n are zero (fallback path)
    private final FloatPointer trainNative; // row-major n x c (BLAS path)

    private static boolean loadBlas() {
        if (Boolean.getBoolean("coreloss.knn.noBlas")) return false;
        try {
            Loader.load(openblas.class);
            org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    /** Whether the OpenBLAS path is in use (false: the pure-Java blocked path). */
    public static boolean usesBlas() { return BLAS; }

    private final int gemmBlock;

    private NearestSpectra(SpectrumMatrix train) { this(train, BLAS, GEMM_BLOCK); }

    /** Tests: choose the screening path and the BLAS block size. */
    NearestSpectra(SpectrumMatrix train, boolean blas, int gemmBlock) {
        if (blas && !BLAS) throw new IllegalStateException("OpenBLAS did not load");
        this.gemmBlock = gemmBlock;
        this.train = train;
        int c = train.channels(), n = train.rows();
        float[] d = train.rawData();
        norms = new double[n];
        if (blas) {
            IntStream.range(0, n).parallel().forEach(r -> {
                double s = 0;
                for (int j = 0; j < c; j++) { float v = d[r * c + j]; s += (double) v * v; }
                norms[r] = s;
            });
            trainNative = new FloatPointer((long) n * c);
            trainNative.put(d, 0, n * c);
            blocks = null;
            return;
        }
        trainNative = null;
        int nb = (n + TRAIN_BLOCK - 1) / TRAIN_BLOCK;
        blocks = new float[nb][c][TRAIN_BLOCK];
        IntStream.range(0, nb).parallel().forEach(b -> {
            float[][] blk = blocks[b];
            for (int r = b * TRAIN_BLOCK; r < Math.min(n, (b + 1) * TRAIN_BLOCK); r++) {
                double s = 0;
                int rr = r - b * TRAIN_BLOCK;
                for (int j = 0; j < c; j++) { float v = d[r * c + j]; blk[j][rr] = v; s += (double) v * v; }
                norms[r] = s;
            }
        });
    }

    /** Indexes the training spectra (norms and a transposed copy are computed once). */
    public static NearestSpectra fit(SpectrumMatrix train) { return new NearestSpectra(train); }

    public static NearestSpectra fit(SpectraDataset train) { return new NearestSpectra(train.spectra()); }

    public int trainingRows() { return train.rows(); }

    /**
     * For each query row: indices of the k nearest training rows (nearest first) and their
     * Euclidean distances (intensity units).
     */
    public record Result(int[][] indices, double[][] distances) {}

    public Result query(SpectraDataset queries, int k) { return query(queries.spectra(), k); }

    public Result query(SpectrumMatrix queries, int k) {
        if (queries.channels() != train.channels()) {
            throw new IllegalArgumentException("nearest spectra: queries have " + queries.channels() + " channels, training spectra " + train.channels() + " (resample to the training grid)");
        }
        if (k < 1 || k > train.rows()) throw new IllegalArgumentException("k = " + k + ", expected 1 <= k <= " + train.rows() + " (training rows)");
        int nq = queries.rows();
        int[][] idx = new int[nq][];
        double[][] dist = new double[nq][];
        int par = Math.max(1, ForkJoinPool.getCommonPoolParallelism());
        int chunk = Math.max(2, (nq + 4 * par - 1) / (4 * par));
        chunk += chunk % 2;
        List<int[]> ranges = new ArrayList<>();
        for (int q0 = 0; q0 < nq; q0 += chunk) ranges.add(new int[]{q0, Math.min(nq, q0 + chunk)});
        ranges.parallelStream().forEach(rg -> chunk(queries, rg[0], rg[1], k, idx, dist));
        return new Result(idx, dist);
    }

    private void chunk(SpectrumMatrix queries, int q0, int q1, int k, int[][] idxOut, double[][] distOut) {
        int c = train.channels(), n = train.rows(), nqc = q1 - q0;
        float[] q = queries.rawData(), t = train.rawData();
        double[] qn = new double[nqc];
        for (int i = 0; i < nqc; i++) {
            double s = 0;
            for (int j = 0; j < c; j++) { double v = q[(q0 + i) * c + j]; s += v * v; }
            qn[i] = s;
        }
        int m = Math.min(n, k + SPARE);
        double[][] candD = new double[nqc][m];
        int[][] candI = new int[nqc][m];
        int[] count = new int[nqc], worst = new int[nqc];
        if (trainNative != null) {
            gemmScreen(q, q0, nqc, qn, m, candD, candI, count, worst);
        } else {
            javaScreen(q, q0, nqc, qn, m, candD, candI, count, worst);
        }
        exactRecheck(q, t, q0, nqc, k, candD, candI, count, idxOut, distOut);
    }

    /** Float32 screening with one sgemm per block of training rows. */
    private void gemmScreen(float[] q, int q0, int nqc, double[] qn, int m, double[][] candD, int[][] candI, int[] count, int[] worst) {
        int c = train.channels(), n = train.rows();
        FloatPointer tp = new FloatPointer(trainNative); // a view of the shared copy (owns no memory)
        try (FloatPointer qp = new FloatPointer((long) nqc * c);
             FloatPointer cp = new FloatPointer((long) nqc * gemmBlock)) {
            qp.put(q, q0 * c, nqc * c);
            float[] dots = new float[nqc * gemmBlock];
            for (int r0 = 0; r0 < n; r0 += gemmBlock) {
                int rows = Math.min(gemmBlock, n - r0);
                tp.position((long) r0 * c);
                // C (nqc x rows) = Q (nqc x c) * T_block^T, row-major
                openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans,
                        nqc, rows, c, 1f, qp, c, tp, c, 0f, cp, rows);
                cp.position(0).get(dots, 0, nqc * rows);
                for (int i = 0; i < nqc; i++) {
                    int base = i * rows;
                    for (int r = 0; r < rows; r++) {
                        offer(candD[i], candI[i], count, worst, i, m, qn[i] + norms[r0 + r] - 2.0 * dots[base + r], r0 + r);
                    }
                }
            }
        }
    }

    /** Float32 screening in pure Java over the transposed blocks. */
    private void javaScreen(float[] q, int q0, int nqc, double[] qn, int m, double[][] candD, int[][] candI, int[] count, int[] worst) {
        int c = train.channels(), n = train.rows();
        float[][] acc = new float[4][TRAIN_BLOCK];
        int[] off = new int[4];
        for (int b = 0; b < blocks.length; b++) {
            float[][] blk = blocks[b];
            int r0 = b * TRAIN_BLOCK, rows = Math.min(TRAIN_BLOCK, n - r0);
            for (int i = 0; i < nqc; i += 4) {
                int g = Math.min(4, nqc - i); // queries in this group; missing ones repeat the last
                for (int a = 0; a < 4; a++) { off[a] = (q0 + i + Math.min(a, g - 1)) * c; Arrays.fill(acc[a], 0f); }
                for (int j = 0; j < c; j++) {
                    axpy4(acc[0], acc[1], acc[2], acc[3], blk[j], q[off[0] + j], q[off[1] + j], q[off[2] + j], q[off[3] + j]);
                }
                for (int a = 0; a < g; a++) {
                    float[] da = acc[a];
                    int qi = i + a;
                    for (int r = 0; r < rows; r++) {
                        offer(candD[qi], candI[qi], count, worst, qi, m, qn[qi] + norms[r0 + r] - 2.0 * da[r], r0 + r);
                    }
                }
            }
        }
    }

    /** Exact double-precision distances of the candidates, sorted (ties: lower training index). */
    private void exactRecheck(float[] q, float[] t, int q0, int nqc, int k, double[][] candD, int[][] candI, int[] count,
                              int[][] idxOut, double[][] distOut) {
        int c = train.channels();
        for (int i = 0; i < nqc; i++) {
            int cnt = count[i];
            double[] exact = new double[cnt];
            Integer[] order = new Integer[cnt];
            int qo = (q0 + i) * c;
            for (int a = 0; a < cnt; a++) {
                int to = candI[i][a] * c;
                double s = 0;
                for (int j = 0; j < c; j++) { double dl = (double) q[qo + j] - t[to + j]; s += dl * dl; }
                exact[a] = s;
                order[a] = a;
            }
            final int row = i;
            Arrays.sort(order, (x, y) -> {
                int cmp = Double.compare(exact[x], exact[y]);
                return cmp != 0 ? cmp : Integer.compare(candI[row][x], candI[row][y]);
            });
            int kk = Math.min(k, cnt);
            idxOut[q0 + i] = new int[kk];
            distOut[q0 + i] = new double[kk];
            for (int a = 0; a < kk; a++) {
                idxOut[q0 + i][a] = candI[i][order[a]];
                distOut[q0 + i][a] = Math.sqrt(exact[order[a]]);
            }
        }
    }

    /** d_a += row * s_a for four queries over the whole block (vectorised by the JIT). */
    private static void axpy4(float[] d0, float[] d1, float[] d2, float[] d3, float[] row, float s0, float s1, float s2, float s3) {
        for (int r = 0; r < d0.length; r++) {
            float v = row[r];
            d0[r] += v * s0;
            d1[r] += v * s1;
            d2[r] += v * s2;
            d3[r] += v * s3;
        }
    }

    /** Keeps the m smallest values (unordered), worst[i] = position of the largest. */
    private static void offer(double[] d, int[] ix, int[] count, int[] worst, int i, int m, double v, int r) {
        int cnt = count[i];
        if (cnt < m) {
            d[cnt] = v; ix[cnt] = r; count[i] = cnt + 1;
            if (cnt == 0 || v > d[worst[i]]) worst[i] = cnt;
            return;
        }
        int w = worst[i];
        if (v >= d[w]) return;
        d[w] = v; ix[w] = r;
        int nw = 0;
        for (int a = 1; a < m; a++) if (d[a] > d[nw]) nw = a;
        worst[i] = nw;
    }
}
