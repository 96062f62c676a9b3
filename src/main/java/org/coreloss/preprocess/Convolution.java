package org.coreloss.preprocess;

import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;

import java.util.function.DoubleBinaryOperator;

/**
 * Area-preserving convolution on a (possibly non-uniform) grid. Each input sample j stands for the
 * area {@code y_j w_j} ({@code w_j}: trapezoid weight of channel j); it is spread over the output
 * channels with the kernel {@code K(E_i - E_j; E_j)}, normalised so that its trapezoid integral on
 * the grid is exactly 1. Hence the trapezoid area of every spectrum is preserved exactly, also near
 * the grid ends (where the truncated kernel is renormalised) and for energy-dependent widths.
 * Cost: one C x C kernel per grid (banded for short-range kernels), then C x band per spectrum.
 */
final class Convolution {
    private Convolution() {}

    /** Kernel entries kept in memory at most (beyond this, columns are recomputed per spectrum). */
    static final long MAX_STORED = 1L << 24;

    private static double[] column(DoubleBinaryOperator kernel, double[] e, int j, int a, int b, double norm) {
        double[] col = new double[b - a + 1];
        if (Double.isNaN(norm)) { col[j - a] = 1; return col; }
        for (int i = a; i <= b; i++) col[i - a] = kernel.applyAsDouble(e[i] - e[j], e[j]) * norm;
        return col;
    }

    /** Trapezoid weights of a grid (half-spacing at the ends). */
    static double[] trapezoidWeights(double[] e) {
        int n = e.length;
        double[] w = new double[n];
        if (n == 1) { w[0] = 1; return w; }
        for (int i = 0; i < n; i++) {
            double lo = i > 0 ? e[i] - e[i - 1] : 0, hi = i < n - 1 ? e[i + 1] - e[i] : 0;
            w[i] = 0.5 * (lo + hi);
        }
        return w;
    }

    /**
     * @param kernel  K(delta = E_i - E_j, E_j), unnormalised
     * @param rangeEv kernel support: contributions with |delta| > rangeEv are dropped (Infinity: none)
     */
    static SpectrumMatrix convolve(SpectrumMatrix m, DoubleBinaryOperator kernel, java.util.function.DoubleUnaryOperator rangeEv) {
        EnergyGrid g = m.grid();
        double[] e = g.energiesEv();
        int c = e.length;
        double[] w = trapezoidWeights(e);
        // column j covers output rows lo[j]..hi[j]; norm[j] makes its trapezoid integral 1
        int[] lo = new int[c], hi = new int[c];
        double[] norm = new double[c];
        long entries = 0;
        for (int j = 0; j < c; j++) {
            double r = rangeEv.applyAsDouble(e[j]);
            int a = j, b = j;
            while (a > 0 && e[j] - e[a - 1] <= r) a--;
            while (b < c - 1 && e[b + 1] - e[j] <= r) b++;
            lo[j] = a; hi[j] = b;
            double area = 0;
            for (int i = a; i <= b; i++) area += kernel.applyAsDouble(e[i] - e[j], e[j]) * w[i];
            norm[j] = area > 0 ? w[j] / area : Double.NaN; // NaN: kernel narrower than the grid -> identity
            entries += b - a + 1;
        }
        boolean store = entries <= MAX_STORED;
        double[][] k = store ? new double[c][] : null;
        if (store) for (int j = 0; j < c; j++) k[j] = column(kernel, e, j, lo[j], hi[j], norm[j]);
        float[] src = m.rawData(), dst = new float[src.length];
        double[] acc = new double[c];
        for (int r = 0; r < m.rows(); r++) {
            java.util.Arrays.fill(acc, 0);
            int off = r * c;
            for (int j = 0; j < c; j++) {
                double y = src[off + j];
                if (y == 0) continue;
                double[] col = store ? k[j] : column(kernel, e, j, lo[j], hi[j], norm[j]);
                int a = lo[j];
                for (int i = 0; i < col.length; i++) acc[a + i] += y * col[i];
            }
            for (int i = 0; i < c; i++) dst[off + i] = (float) acc[i];
        }
        return new SpectrumMatrix(g, m.rows(), dst);
    }
}
