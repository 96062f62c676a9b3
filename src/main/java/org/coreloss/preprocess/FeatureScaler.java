package org.coreloss.preprocess;

import org.coreloss.provenance.Step;

/**
 * Per-column scaling of a feature or label matrix (N x k), fitted on training rows only:
 * {@code STANDARD}: {@code (x - mean) / std} (population std; columns with std 0 get scale 1);
 * {@code MIN_MAX}: {@code (x - min) / (max - min)} (seed 003's box normalisation of the inputs;
 * constant columns map to 0). Unfitted scalers have null {@code offset}/{@code scale}; {@link #fit}
 * returns a fitted copy; {@link #inverse} undoes the scaling (e.g. for predicted labels).
 */
public record FeatureScaler(Kind kind, double[] offset, double[] scale) {
    public enum Kind { STANDARD, MIN_MAX }

    public static FeatureScaler standard() { return new FeatureScaler(Kind.STANDARD, null, null); }
    public static FeatureScaler minMax() { return new FeatureScaler(Kind.MIN_MAX, null, null); }

    public boolean isFitted() { return offset != null; }

    public FeatureScaler fit(double[][] train) {
        if (train.length == 0) throw new IllegalArgumentException("scaler: no training rows");
        int k = train[0].length;
        double[] off = new double[k], sc = new double[k];
        for (int j = 0; j < k; j++) {
            if (kind == Kind.STANDARD) {
                double s = 0, s2 = 0;
                for (double[] r : train) s += r[j];
                double m = s / train.length;
                for (double[] r : train) s2 += (r[j] - m) * (r[j] - m);
                double sd = Math.sqrt(s2 / train.length);
                off[j] = m; sc[j] = sd > 0 ? sd : 1;
            } else {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (double[] r : train) { lo = Math.min(lo, r[j]); hi = Math.max(hi, r[j]); }
                off[j] = lo; sc[j] = hi > lo ? hi - lo : 1;
            }
        }
        return new FeatureScaler(kind, off, sc);
    }

    public double[][] transform(double[][] x) {
        check();
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != offset.length) throw new IllegalArgumentException("scaler: row " + i + " has " + x[i].length + " columns, fitted on " + offset.length);
            out[i] = new double[offset.length];
            for (int j = 0; j < offset.length; j++) out[i][j] = (x[i][j] - offset[j]) / scale[j];
        }
        return out;
    }

    public double[][] inverse(double[][] y) {
        check();
        double[][] out = new double[y.length][offset.length];
        for (int i = 0; i < y.length; i++) for (int j = 0; j < offset.length; j++) out[i][j] = y[i][j] * scale[j] + offset[j];
        return out;
    }

    private void check() { if (!isFitted()) throw new IllegalStateException(kind + " scaler is not fitted: call fit(train) first"); }

    public Step step() {
        return Step.of(kind == Kind.STANDARD ? "standard-scaler" : "min-max-scaler", "columns", offset == null ? null : offset.length,
                "offset", offset == null || offset.length > 32 ? null : offset.clone(),
                "scale", scale == null || scale.length > 32 ? null : scale.clone());
    }
}
