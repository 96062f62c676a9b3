package org.coreloss.eval;

import java.util.List;

/**
 * SE of a test set counted in the seven intervals of seed 003, figure 4:
 * I1 = [0, 0.03[, I2 = [0.03, 0.04[, I3 = [0.04, 0.05[, I4 = [0.05, 0.06[, I5 = [0.06, 0.07[,
 * I6 = [0.07, 0.10[, I7 = [0.10, infinity[ (the seed writes [0.10, 1.00]; SE above 1 is possible with
 * negative predicted intensities and is counted in I7 here). A spectrum is a <em>match</em> when
 * SE < 0.10 and an <em>outlier</em> otherwise (I7). Non-finite SE counts as an outlier.
 *
 * @param counts number of spectra in I1..I7 (length 7)
 * @param maxSe  largest SE (SE_max of figure 9a)
 */
public record SeIntervals(long[] counts, double maxSe) {
    /** Interval edges (lower edges of I1..I7, then +infinity). */
    public static final double[] EDGES = {0, 0.03, 0.04, 0.05, 0.06, 0.07, 0.10, Double.POSITIVE_INFINITY};
    /** The match/outlier threshold of seed 003. */
    public static final double OUTLIER_THRESHOLD = 0.10;
    /** Labels I1..I7. */
    public static final List<String> LABELS = List.of("I1", "I2", "I3", "I4", "I5", "I6", "I7");

    public SeIntervals {
        if (counts.length != 7) throw new IllegalArgumentException("counts: expected 7 intervals, got " + counts.length);
        counts = counts.clone();
    }

    /** Counts the SE values (negative SE is rejected). */
    public static SeIntervals of(double[] se) {
        long[] c = new long[7];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < se.length; j++) {
            double s = se[j];
            if (s < 0) throw new IllegalArgumentException("se[" + j + "] = " + s + ", expected >= 0");
            c[intervalOf(s)]++;
            max = Math.max(max, s); // NaN propagates: an undefined SE makes SE_max undefined
        }
        return new SeIntervals(c, se.length == 0 ? Double.NaN : max);
    }

    /** Index 0..6 of the interval holding {@code se}. */
    public static int intervalOf(double se) {
        if (!Double.isFinite(se)) return 6;
        for (int k = 6; k >= 0; k--) if (se >= EDGES[k]) return k;
        return 0;
    }

    public long total() { long t = 0; for (long v : counts) t += v; return t; }
    public long outliers() { return counts[6]; }
    public long matches() { return total() - outliers(); }

    /** Fractions of the total in I1..I7. */
    public double[] fractions() {
        double[] f = new double[7];
        long t = total();
        for (int k = 0; k < 7; k++) f[k] = t == 0 ? 0 : (double) counts[k] / t;
        return f;
    }

    /** Fraction with SE < 0.07 (I1..I5, "good"). */
    public double goodFraction() {
        long t = total(), g = 0;
        for (int k = 0; k < 5; k++) g += counts[k];
        return t == 0 ? 0 : (double) g / t;
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("SeIntervals[");
        for (int k = 0; k < 7; k++) sb.append(LABELS.get(k)).append('=').append(counts[k]).append(k < 6 ? ", " : "");
        return sb.append(", matches=").append(matches()).append(", outliers=").append(outliers()).append(", SEmax=").append(String.format("%.4f", maxSe)).append(']').toString();
    }
}
