package org.coreloss.eval;

import java.util.SplittableRandom;
import org.coreloss.stats.GaussianProcess;

/**
 * Extrapolation analysis of seed 003, figure 9: SE of test spectra against one input parameter
 * (e.g. Dq in the C4v range [-0.2, 0] eV, outside the training range [0, 0.2] eV), a Gaussian-process
 * fit of SE(parameter) with its 95 % band, and the ratio of matches (SE < 0.10) per parameter bin
 * {@code r_f}. The reliability marker is the edge of the last bin, counted from the training side
 * ({@code referenceEnd}), up to which every bin has {@code r_f >= 0.95}; {@code reliableFraction}
 * (the seed's r_a) is the share of the tested range between the reference end and the marker.
 *
 * @param parameter     parameter value of each test spectrum
 * @param se            SE of each test spectrum
 * @param binCentres    centres of the parameter bins
 * @param matchRatio    r_f: matches / spectra in each bin (NaN for empty bins)
 * @param binCounts     spectra per bin
 * @param curveX        parameter values of the GP curve
 * @param curveMean     GP mean of SE
 * @param curveLower    lower edge of the 95 % band of the latent SE curve
 * @param curveUpper    upper edge
 * @param marker        parameter value where reliability ends (the reference end if the first bin already fails)
 * @param reliableFraction |marker - referenceEnd| / tested range
 * @param gp            hyperparameters of the GP fit
 */
public record ExtrapolationAnalysis(double[] parameter, double[] se, double[] binCentres, double[] matchRatio, int[] binCounts,
                                    double[] curveX, double[] curveMean, double[] curveLower, double[] curveUpper,
                                    double marker, double reliableFraction, GaussianProcess.Hyperparameters gp) {

    /**
     * Options.
     *
     * @param binWidth      width of the parameter bins (the seed: Delta Dq = 0.05 eV), > 0
     * @param referenceEnd  parameter value at the edge of the training range
     * @param ratioMarker   ratio defining the reliability marker (0.95)
     * @param maxGpPoints   largest number of points given to the GP (seeded subsample above it), >= 2
     * @param curvePoints   points of the GP curve, >= 2
     * @param seed          seed of the subsample
     */
    public record Options(double binWidth, double referenceEnd, double ratioMarker, int maxGpPoints, int curvePoints, long seed) {
        public Options {
            if (!(binWidth > 0)) throw new IllegalArgumentException("binWidth = " + binWidth + ", expected > 0");
            if (!(ratioMarker > 0 && ratioMarker <= 1)) throw new IllegalArgumentException("ratioMarker = " + ratioMarker + ", expected in ]0, 1]");
            if (maxGpPoints < 2) throw new IllegalArgumentException("maxGpPoints = " + maxGpPoints + ", expected >= 2");
            if (curvePoints < 2) throw new IllegalArgumentException("curvePoints = " + curvePoints + ", expected >= 2");
        }

        /** The seed's settings: bins of {@code binWidth}, 95 % marker, 300 GP points, 200 curve points. */
        public static Options of(double binWidth, double referenceEnd, long seed) {
            return new Options(binWidth, referenceEnd, 0.95, 300, 200, seed);
        }
    }

    public static ExtrapolationAnalysis of(double[] parameter, double[] se, Options o) {
        if (parameter.length != se.length) throw new IllegalArgumentException("parameter has " + parameter.length + " values but se has " + se.length);
        int n = parameter.length;
        if (n < 2) throw new IllegalArgumentException("extrapolation analysis: expected at least 2 spectra, got " + n);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(parameter[j])) throw new IllegalArgumentException("parameter[" + j + "] is not finite");
            lo = Math.min(lo, parameter[j]); hi = Math.max(hi, parameter[j]);
        }
        // bins anchored at the reference end, extending towards the tested range
        boolean downward = Math.abs(o.referenceEnd() - lo) > Math.abs(o.referenceEnd() - hi);
        double far = downward ? lo : hi;
        int nb = Math.max(1, (int) Math.ceil(Math.abs(far - o.referenceEnd()) / o.binWidth() - 1e-9));
        double[] centres = new double[nb], ratio = new double[nb];
        int[] counts = new int[nb], matches = new int[nb];
        for (int b = 0; b < nb; b++) centres[b] = o.referenceEnd() + (downward ? -1 : 1) * (b + 0.5) * o.binWidth();
        for (int j = 0; j < n; j++) {
            int b = (int) Math.floor(Math.abs(parameter[j] - o.referenceEnd()) / o.binWidth());
            b = Math.min(Math.max(b, 0), nb - 1);
            counts[b]++;
            if (se[j] < SeIntervals.OUTLIER_THRESHOLD) matches[b]++;
        }
        int reliable = 0;
        for (int b = 0; b < nb; b++) {
            ratio[b] = counts[b] == 0 ? Double.NaN : (double) matches[b] / counts[b];
        }
        while (reliable < nb && (counts[reliable] == 0 || ratio[reliable] >= o.ratioMarker())) reliable++;
        double marker = o.referenceEnd() + (downward ? -1 : 1) * reliable * o.binWidth();
        double range = Math.max(Math.abs(far - o.referenceEnd()), 1e-300);
        double fraction = Math.min(1, reliable * o.binWidth() / range);

        // GP on a seeded subsample
        int m = Math.min(n, o.maxGpPoints());
        int[] pick = new int[n];
        for (int j = 0; j < n; j++) pick[j] = j;
        SplittableRandom rnd = new SplittableRandom(o.seed());
        for (int j = 0; j < m; j++) { int r = j + rnd.nextInt(n - j); int t = pick[j]; pick[j] = pick[r]; pick[r] = t; }
        double[] gx = new double[m], gy = new double[m];
        for (int j = 0; j < m; j++) { gx[j] = parameter[pick[j]]; gy[j] = Double.isFinite(se[pick[j]]) ? se[pick[j]] : 1.0; }
        GaussianProcess gp = GaussianProcess.fit(gx, gy);
        double[] cx = new double[o.curvePoints()];
        for (int i = 0; i < cx.length; i++) cx[i] = lo + (hi - lo) * i / (cx.length - 1);
        GaussianProcess.Prediction p = gp.predict(cx);
        return new ExtrapolationAnalysis(parameter.clone(), se.clone(), centres, ratio, counts, cx, p.mean(), p.lower95(), p.upper95(),
                marker, fraction, gp.hyperparameters());
    }

    /** Number of outliers (SE >= 0.10). */
    public long outliers() {
        long c = 0;
        for (double v : se) if (!(v < SeIntervals.OUTLIER_THRESHOLD)) c++;
        return c;
    }
}
