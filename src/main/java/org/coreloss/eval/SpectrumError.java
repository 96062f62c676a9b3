package org.coreloss.eval;

import org.coreloss.spectrum.SpectrumMatrix;

/**
 * The spectrum error SE of seed 003 and its channel-resolved companions.
 *
 * <p>The seed's formula is garbled in its text; the definition used here (derivation in
 * docs/eval.md) is
 * <pre>
 *   SE_j = sum_i |y_p(j,i) - y_a(j,i)|  /  (2 sum_i |y_p(j,i) + y_a(j,i)|)
 * </pre>
 * the summed absolute misfit normalised by (twice) the L1 norm of the superposition of predicted and
 * reference spectrum. Properties: SE = 0 for identical spectra; 0 <= SE <= 1/2 for non-negative
 * spectra, with SE = 1/2 exactly when their supports are disjoint (the seed's "complete mismatch
 * ... 50 %"); SE can exceed 1/2 only when intensities are negative (the seed's "beyond the
 * physically meaningful limit"). Two all-zero spectra have SE = 0. SE is invariant under a common
 * scaling of both spectra.
 *
 * <p>Channel resolved (seed 003, figure 8): {@code SE_c(i) = 1/N sum_j |Delta(j,i)|} (the mean
 * absolute misfit per channel, in intensity units), the channel mean {@code mu_i} and population
 * standard deviation {@code sigma_i} of the reference (test) spectra.
 */
public final class SpectrumError {
    private SpectrumError() {}

    /** The largest SE of two non-negative spectra (disjoint supports). */
    public static final double MAX_NON_NEGATIVE = 0.5;

    /** SE of one predicted spectrum against its reference (same length). */
    public static double se(double[] predicted, double[] reference) {
        if (predicted.length != reference.length) throw new IllegalArgumentException("predicted has " + predicted.length + " channels but reference has " + reference.length);
        double num = 0, den = 0;
        for (int i = 0; i < predicted.length; i++) {
            num += Math.abs(predicted[i] - reference[i]);
            den += Math.abs(predicted[i] + reference[i]);
        }
        if (den == 0) return num == 0 ? 0 : Double.POSITIVE_INFINITY;
        return num / (2 * den);
    }

    /** SE of one float spectrum pair. */
    public static double se(float[] predicted, float[] reference) {
        if (predicted.length != reference.length) throw new IllegalArgumentException("predicted has " + predicted.length + " channels but reference has " + reference.length);
        double num = 0, den = 0;
        for (int i = 0; i < predicted.length; i++) {
            num += Math.abs((double) predicted[i] - reference[i]);
            den += Math.abs((double) predicted[i] + reference[i]);
        }
        if (den == 0) return num == 0 ? 0 : Double.POSITIVE_INFINITY;
        return num / (2 * den);
    }

    /** SE of every row of {@code predicted} against the same row of {@code reference}. */
    public static double[] se(SpectrumMatrix predicted, SpectrumMatrix reference) {
        Arrays2.sameShape(predicted, reference);
        int n = predicted.rows(), c = predicted.channels();
        float[] p = predicted.rawData(), a = reference.rawData();
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            double num = 0, den = 0;
            for (int i = j * c, end = i + c; i < end; i++) {
                num += Math.abs((double) p[i] - a[i]);
                den += Math.abs((double) p[i] + a[i]);
            }
            out[j] = den == 0 ? (num == 0 ? 0 : Double.POSITIVE_INFINITY) : num / (2 * den);
        }
        return out;
    }

    /** Channel-resolved SE: the mean over spectra of |Delta| at each channel (intensity units). */
    public static double[] channelSe(SpectrumMatrix predicted, SpectrumMatrix reference) {
        Arrays2.sameShape(predicted, reference);
        int n = predicted.rows(), c = predicted.channels();
        float[] p = predicted.rawData(), a = reference.rawData();
        double[] out = new double[c];
        for (int j = 0; j < n; j++) for (int i = 0; i < c; i++) out[i] += Math.abs((double) p[j * c + i] - a[j * c + i]);
        for (int i = 0; i < c; i++) out[i] /= Math.max(n, 1);
        return out;
    }

    /** Channel mean of the spectra, mu_i = 1/N sum_j y(j,i). */
    public static double[] channelMean(SpectrumMatrix m) {
        int n = m.rows(), c = m.channels();
        float[] d = m.rawData();
        double[] mu = new double[c];
        for (int j = 0; j < n; j++) for (int i = 0; i < c; i++) mu[i] += d[j * c + i];
        for (int i = 0; i < c; i++) mu[i] /= Math.max(n, 1);
        return mu;
    }

    /** Channel population standard deviation, sigma_i = sqrt(1/N sum_j (y(j,i) - mu_i)^2). */
    public static double[] channelStd(SpectrumMatrix m) {
        int n = m.rows(), c = m.channels();
        float[] d = m.rawData();
        double[] mu = channelMean(m), s = new double[c];
        for (int j = 0; j < n; j++) for (int i = 0; i < c; i++) { double t = d[j * c + i] - mu[i]; s[i] += t * t; }
        for (int i = 0; i < c; i++) s[i] = Math.sqrt(s[i] / Math.max(n, 1));
        return s;
    }
}
