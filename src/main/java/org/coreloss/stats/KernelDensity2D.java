package org.coreloss.stats;

/**
 * Gaussian kernel density estimate in two dimensions with bandwidth matrix H:
 * {@code f(z) = 1/n * sum_i N(z - z_i; 0, H)} where {@code H = f^2 S}, S the sample covariance
 * (full, {@link Shape#FULL}) or only its diagonal ({@link Shape#DIAGONAL}) and f the factor of the
 * chosen {@link Bandwidth} rule. Integrates to 1 over the plane.
 *
 * <p>Seed 003 (figure 5) superimposes such a density on the scatter of maximal misfits (energy in
 * eV, misfit value) as isocontours.
 */
public final class KernelDensity2D {
    /** Shape of the bandwidth matrix. */
    public enum Shape { FULL, DIAGONAL }

    private final double[] xs, ys;
    private final double h11, h12, h22; // bandwidth matrix
    private final double i11, i12, i22, norm; // inverse and 1/(2 pi sqrt det)

    private KernelDensity2D(double[] xs, double[] ys, double h11, double h12, double h22) {
        this.xs = xs; this.ys = ys;
        double det = h11 * h22 - h12 * h12;
        if (!(det > 0)) throw new IllegalArgumentException("bandwidth matrix is singular (det = " + det + "); are the data degenerate along a line?");
        this.h11 = h11; this.h12 = h12; this.h22 = h22;
        this.i11 = h22 / det; this.i12 = -h12 / det; this.i22 = h11 / det;
        this.norm = 1.0 / (2 * Math.PI * Math.sqrt(det));
    }

    /** Fits to points (x_i, y_i) with the given rule and bandwidth-matrix shape. */
    public static KernelDensity2D fit(double[] x, double[] y, Bandwidth rule, Shape shape) {
        if (x.length != y.length) throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        int n = x.length;
        if (n < 2) throw new IllegalArgumentException("expected at least 2 points, got " + n);
        for (int i = 0; i < n; i++) if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) throw new IllegalArgumentException("point " + i + " is not finite");
        double mx = Moments.mean(x), my = Moments.mean(y), sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxx += dx * dx; sxy += dx * dy; syy += dy * dy;
        }
        sxx /= n - 1; sxy /= n - 1; syy /= n - 1;
        double f2 = Math.pow(rule.factor(n, 2), 2);
        if (shape == Shape.DIAGONAL) sxy = 0;
        return new KernelDensity2D(x.clone(), y.clone(), f2 * sxx, f2 * sxy, f2 * syy);
    }

    /** Fits with an explicit bandwidth matrix [[h11, h12], [h12, h22]] (positive definite). */
    public static KernelDensity2D fit(double[] x, double[] y, double h11, double h12, double h22) {
        if (x.length != y.length) throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        return new KernelDensity2D(x.clone(), y.clone(), h11, h12, h22);
    }

    /** The bandwidth matrix as {h11, h12, h22}. */
    public double[] bandwidthMatrix() { return new double[] {h11, h12, h22}; }

    public double density(double x, double y) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            double dx = x - xs[i], dy = y - ys[i];
            double q = i11 * dx * dx + 2 * i12 * dx * dy + i22 * dy * dy;
            if (q < 80) s += Math.exp(-0.5 * q);
        }
        return s * norm / xs.length;
    }

    /** Density on a grid: result[iy][ix] at (gx[ix], gy[iy]). */
    public double[][] densityGrid(double[] gx, double[] gy) {
        double[][] z = new double[gy.length][gx.length];
        for (int iy = 0; iy < gy.length; iy++) for (int ix = 0; ix < gx.length; ix++) z[iy][ix] = density(gx[ix], gy[iy]);
        return z;
    }
}
