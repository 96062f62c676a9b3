package org.coreloss.stats;

import java.util.Arrays;

/** Small descriptive statistics helpers: mean, unbiased variance, linear-interpolated quantiles. */
public final class Moments {
    private Moments() {}

    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    /** Unbiased sample variance (divisor n - 1); 0 for a single value. */
    public static double variance(double[] x) {
        if (x.length < 2) return 0;
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return s / (x.length - 1);
    }

    /** Quantile {@code q} in [0, 1] with linear interpolation between order statistics (type 7). */
    public static double quantile(double[] x, double q) {
        if (q < 0 || q > 1) throw new IllegalArgumentException("q = " + q + ", expected 0 <= q <= 1");
        double[] s = x.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
