package org.coreloss.eval;

import java.util.Arrays;

/** Rank statistics: average ranks with ties and Spearman's rank correlation. */
public final class Ranks {
    private Ranks() {}

    /** Ranks 1..n of {@code v}, ties sharing the mean of their ranks (NaN values are not allowed). */
    public static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i])) throw new IllegalArgumentException("value " + i + " is NaN");
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) j++;
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) r[idx[k]] = mean;
            i = j + 1;
        }
        return r;
    }

    /** Spearman's rho: Pearson correlation of the ranks (NaN when either side is constant). */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length || a.length < 2) throw new IllegalArgumentException("spearman: " + a.length + " and " + b.length + " values, expected equal and >= 2");
        double[] ra = ranks(a), rb = ranks(b);
        double ma = 0, mb = 0;
        for (int i = 0; i < ra.length; i++) { ma += ra[i]; mb += rb[i]; }
        ma /= ra.length; mb /= rb.length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < ra.length; i++) {
            double x = ra[i] - ma, y = rb[i] - mb;
            sab += x * y; saa += x * x; sbb += y * y;
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
