package org.coreloss.eval;

import org.coreloss.spectrum.SpectrumMatrix;

/**
 * The full spectrum-prediction evaluation of seed 003 for one test set (one ion): SE per spectrum,
 * intervals I1..I7 with matches/outliers, channel-resolved SE, channel mean and standard deviation of
 * the test spectra, maximal misfits (MEPD) clustered into L3/L2, and channel correlations.
 *
 * @param label        name of the test set (e.g. the ion "Ni2+")
 * @param se           SE of each test spectrum
 * @param intervals    counts in I1..I7
 * @param channelSe    SE_c per channel (intensity units)
 * @param mean         mu per channel
 * @param std          sigma per channel
 * @param mepd         maximal misfits and their clustering
 * @param correlations Pearson correlations of figure 8
 * @param mode         how misfits were measured
 */
public record SpectrumEvaluation(String label, double[] se, SeIntervals intervals, double[] channelSe, double[] mean, double[] std,
                                 MepdAnalysis mepd, ChannelCorrelations correlations, PeakMisfit.Mode mode) {

    /** Options: misfit mode and k-means seed. */
    public record Options(PeakMisfit.Mode mode, long seed) {
        public Options {
            if (mode == null) throw new IllegalArgumentException("mode must not be null");
        }
        public static Options defaults(long seed) { return new Options(PeakMisfit.Mode.PEAK, seed); }
    }

    /** Evaluates predicted against reference spectra (same grid and rows). */
    public static SpectrumEvaluation of(String label, SpectrumMatrix predicted, SpectrumMatrix reference, Options options) {
        Arrays2.sameShape(predicted, reference);
        if (!predicted.grid().equals(reference.grid())) throw new IllegalArgumentException("predicted and reference spectra are on different energy grids");
        double[] se = SpectrumError.se(predicted, reference);
        double[] seC = SpectrumError.channelSe(predicted, reference);
        double[] mu = SpectrumError.channelMean(reference), sigma = SpectrumError.channelStd(reference);
        PeakMisfit[] mis = PeakMisfit.of(predicted, reference, options.mode());
        MepdAnalysis mepd = MepdAnalysis.of(reference.grid(), mis, mu, options.seed());
        ChannelCorrelations corr = ChannelCorrelations.of(seC, mepd.maxPerChannel(), mepd.countPerChannel(), mu, sigma);
        return new SpectrumEvaluation(label, se, SeIntervals.of(se), seC, mu, sigma, mepd, corr, options.mode());
    }

    /** Mean SE. */
    public double meanSe() {
        double s = 0;
        for (double v : se) s += v;
        return s / se.length;
    }

    @Override public String toString() {
        return String.format("SpectrumEvaluation[%s: n=%d, mean SE=%.4f, %s, r_MEPD=%.3f, I_L3/I_L2=%.3f]",
                label, se.length, meanSe(), intervals, mepd.ratio(), mepd.branchingRatio());
    }
}
