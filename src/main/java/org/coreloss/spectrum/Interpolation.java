package org.coreloss.spectrum;

/**
 * Piecewise-linear interpolation of samples {@code (x_i, y_i)} (x strictly increasing) onto new
 * abscissae. Outside {@code [x_0, x_last]} the result is {@code fill} (e.g. 0 or NaN). No I/O.
 */
public final class Interpolation {
    private Interpolation() {}

    /** y at each {@code xNew} by linear interpolation; {@code fill} outside the data range. */
    public static double[] linear(double[] x, double[] y, double[] xNew, double fill) {
        if (x.length != y.length) throw new IllegalArgumentException("interpolation: " + x.length + " x values but " + y.length + " y values");
        if (x.length == 0) throw new IllegalArgumentException("interpolation: expected at least one sample");
        double[] out = new double[xNew.length];
        int k = 0;
        int n = x.length;
        for (int i = 0; i < xNew.length; i++) {
            double t = xNew[i];
            if (Double.isNaN(t) || t < x[0] || t > x[n - 1]) { out[i] = fill; continue; }
            if (n == 1) { out[i] = y[0]; continue; }
            // xNew is usually increasing: advance k from the previous position, else search
            if (k >= n - 1 || t < x[k]) {
                int lo = 0, hi = n - 1;
                while (hi - lo > 1) { int mid = (lo + hi) >>> 1; if (x[mid] <= t) lo = mid; else hi = mid; }
                k = lo;
            }
            while (k < n - 2 && x[k + 1] < t) k++;
            double x0 = x[k], x1 = x[k + 1];
            double w = (t - x0) / (x1 - x0);
            out[i] = w <= 0 ? y[k] : (w >= 1 ? y[k + 1] : y[k] + w * (y[k + 1] - y[k]));
        }
        return out;
    }

    /** Float version for one row of a {@link SpectrumMatrix}. */
    public static void linear(double[] x, float[] y, int yOffset, double[] xNew, float[] out, int outOffset, float fill) {
        int n = x.length;
        int k = 0;
        for (int i = 0; i < xNew.length; i++) {
            double t = xNew[i];
            if (Double.isNaN(t) || t < x[0] || t > x[n - 1]) { out[outOffset + i] = fill; continue; }
            if (n == 1) { out[outOffset + i] = y[yOffset]; continue; }
            if (k >= n - 1 || t < x[k]) {
                int lo = 0, hi = n - 1;
                while (hi - lo > 1) { int mid = (lo + hi) >>> 1; if (x[mid] <= t) lo = mid; else hi = mid; }
                k = lo;
            }
            while (k < n - 2 && x[k + 1] < t) k++;
            double w = (t - x[k]) / (x[k + 1] - x[k]);
            double a = y[yOffset + k], b = y[yOffset + k + 1];
            out[outOffset + i] = (float) (w <= 0 ? a : (w >= 1 ? b : a + w * (b - a)));
        }
    }

    /** Every row of {@code m} linearly interpolated onto {@code target} ({@code fill} outside each row's grid). */
    public static SpectrumMatrix resample(SpectrumMatrix m, EnergyGrid target, float fill) {
        double[] x = m.grid().energiesEv(), t = target.energiesEv();
        int c = m.channels(), nc = target.size();
        float[] src = m.rawData(), out = new float[m.rows() * nc];
        for (int i = 0; i < m.rows(); i++) linear(x, src, i * c, t, out, i * nc, fill);
        return new SpectrumMatrix(target, m.rows(), out);
    }
}
