package org.coreloss.nn;

/**
 * Per-column standardisation z = (x - mean) / std fitted on training rows; columns with std below
 * 1e-8 (e.g. zero-padded channels) keep std = 1. {@link #identity} leaves values unchanged.
 *
 * @param mean column means
 * @param std  column standard deviations (population), each > 0
 */
public record Scaler(float[] mean, float[] std) {
    public Scaler {
        if (mean == null || std == null || mean.length != std.length) {
            throw new IllegalArgumentException("scaler: mean and std must be non-null and of equal length");
        }
        for (int j = 0; j < std.length; j++) {
            if (!(std[j] > 0)) throw new IllegalArgumentException("scaler: std[" + j + "] = " + std[j] + ", expected > 0");
        }
    }

    /** Fits column means and standard deviations of {@code rows} (at least one row). */
    public static Scaler fit(float[][] rows) {
        double[][] mv = moments(rows);
        int c = mv[0].length;
        float[] mean = new float[c], std = new float[c];
        for (int j = 0; j < c; j++) {
            mean[j] = (float) mv[0][j];
            double s = Math.sqrt(mv[1][j] / rows.length);
            std[j] = s < 1e-8 ? 1f : (float) s;
        }
        return new Scaler(mean, std);
    }

    /**
     * Centres each column on its mean and divides every column by one common scale: the root mean square of
     * the column standard deviations (1 when that is below 1e-8). Used for generator targets (spectra): the
     * MSE in scaled units is the spectrum MSE divided by scale^2, so no channel is re-weighted.
     */
    public static Scaler fitCentred(float[][] rows) {
        double[][] mv = moments(rows);
        int c = mv[0].length;
        double v = 0;
        for (int j = 0; j < c; j++) v += mv[1][j];
        double s = Math.sqrt(v / ((double) rows.length * c));
        float[] mean = new float[c], std = new float[c];
        for (int j = 0; j < c; j++) mean[j] = (float) mv[0][j];
        java.util.Arrays.fill(std, s < 1e-8 ? 1f : (float) s);
        return new Scaler(mean, std);
    }

    /** Column means and column sums of squared deviations from them (two passes, in double). */
    private static double[][] moments(float[][] rows) {
        if (rows.length == 0) throw new IllegalArgumentException("scaler: no rows to fit");
        int c = rows[0].length;
        double[] m = new double[c], v = new double[c];
        for (float[] r : rows) for (int j = 0; j < c; j++) m[j] += r[j];
        for (int j = 0; j < c; j++) m[j] /= rows.length;
        for (float[] r : rows) for (int j = 0; j < c; j++) { double d = r[j] - m[j]; v[j] += d * d; }
        return new double[][]{m, v};
    }

    public static Scaler identity(int columns) {
        float[] m = new float[columns], s = new float[columns];
        java.util.Arrays.fill(s, 1f);
        return new Scaler(m, s);
    }

    public int columns() { return mean.length; }

    /** Standardised copy of {@code rows}. */
    public float[][] apply(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != mean.length) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + mean.length);
            }
            float[] o = new float[mean.length];
            for (int j = 0; j < o.length; j++) o[j] = (rows[i][j] - mean[j]) / std[j];
            out[i] = o;
        }
        return out;
    }

    /** Undoes {@link #apply} in place on a row-major block of {@code columns()}-wide rows. */
    public void invertInPlace(float[] rowMajor) {
        int c = mean.length;
        for (int k = 0; k < rowMajor.length; k++) rowMajor[k] = rowMajor[k] * std[k % c] + mean[k % c];
    }
}
