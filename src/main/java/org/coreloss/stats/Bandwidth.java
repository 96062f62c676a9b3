package org.coreloss.stats;

/**
 * Normal-reference bandwidth rules for Gaussian kernel density estimates.
 *
 * <ul>
 *   <li>1D Scott: {@code h = 1.06 * s * n^(-1/5)} (Scott 1992, normal reference).</li>
 *   <li>1D Silverman: {@code h = 0.9 * min(s, IQR/1.34) * n^(-1/5)} (Silverman 1986, eq. 3.31).</li>
 *   <li>d-dimensional (here d = 2): bandwidth matrix {@code H = f^2 * S} with S the sample
 *       covariance (full) or its diagonal, and factor {@code f = n^(-1/(d+4))} (Scott) or
 *       {@code f = (n (d+2) / 4)^(-1/(d+4))} (Silverman); for d = 2 both factors are equal.</li>
 * </ul>
 */
public enum Bandwidth {
    SCOTT, SILVERMAN;

    /** 1D bandwidth for {@code x} (in the units of x). Falls back to a small positive value for constant data. */
    public double bandwidth1D(double[] x) {
        int n = x.length;
        if (n < 2) throw new IllegalArgumentException("bandwidth: expected at least 2 values, got " + n);
        double s = Math.sqrt(Moments.variance(x));
        double h;
        if (this == SCOTT) {
            h = 1.06 * s * Math.pow(n, -0.2);
        } else {
            double iqr = Moments.quantile(x, 0.75) - Moments.quantile(x, 0.25);
            double a = iqr > 0 ? Math.min(s, iqr / 1.34) : s;
            h = 0.9 * a * Math.pow(n, -0.2);
        }
        if (!(h > 0)) h = 1e-12 + 1e-6 * Math.abs(x[0]);
        return h;
    }

    /** The factor f of {@code H = f^2 S} for n points in d dimensions. */
    public double factor(int n, int d) {
        return this == SCOTT ? Math.pow(n, -1.0 / (d + 4)) : Math.pow(n * (d + 2) / 4.0, -1.0 / (d + 4));
    }
}
