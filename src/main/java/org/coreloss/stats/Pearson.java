package org.coreloss.stats;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Pearson product-moment correlation with a two-sided p-value from Student's t with n - 2 degrees of
 * freedom: {@code t = r sqrt((n-2)/(1-r^2))}. Seed 003, figure 8 correlates channel-resolved errors
 * with the mean and standard deviation of the test spectra.
 *
 * @param r      correlation coefficient in [-1, 1] (NaN if a variable is constant)
 * @param pValue two-sided p-value of r = 0 (NaN when undefined)
 * @param n      number of pairs
 */
public record Pearson(double r, double pValue, int n) {

    public static Pearson of(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        int n = x.length;
        if (n < 3) throw new IllegalArgumentException("Pearson correlation: expected at least 3 pairs, got " + n);
        double mx = Moments.mean(x), my = Moments.mean(y), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) return new Pearson(Double.NaN, Double.NaN, n);
        double r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
        double p;
        if (Math.abs(r) == 1) {
            p = 0;
        } else {
            double t = r * Math.sqrt((n - 2) / (1 - r * r));
            p = 2 * (1 - new TDistribution(n - 2).cumulativeProbability(Math.abs(t)));
        }
        return new Pearson(r, p, n);
    }
}
