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

    /**
     * One row per evaluation: label, n, mean SE, SE_max, % in I1..I7, outliers, r_MEPD, I_L3/I_L2 and
     * the six Pearson coefficients of figure 8 (a per-ion overview as in seed 003's figures 4-8).
     */
    public static tech.tablesaw.api.Table summaryTable(java.util.Collection<SpectrumEvaluation> evaluations) {
        tech.tablesaw.api.StringColumn label = tech.tablesaw.api.StringColumn.create("set");
        tech.tablesaw.api.IntColumn n = tech.tablesaw.api.IntColumn.create("n"), out = tech.tablesaw.api.IntColumn.create("outliers");
        tech.tablesaw.api.DoubleColumn mean = tech.tablesaw.api.DoubleColumn.create("mean SE"), max = tech.tablesaw.api.DoubleColumn.create("SE_max");
        tech.tablesaw.api.DoubleColumn[] iv = new tech.tablesaw.api.DoubleColumn[7];
        for (int k = 0; k < 7; k++) iv[k] = tech.tablesaw.api.DoubleColumn.create(SeIntervals.LABELS.get(k) + " %");
        tech.tablesaw.api.DoubleColumn r = tech.tablesaw.api.DoubleColumn.create("r_MEPD"), br = tech.tablesaw.api.DoubleColumn.create("I_L3/I_L2");
        tech.tablesaw.api.DoubleColumn[] rho = new tech.tablesaw.api.DoubleColumn[6];
        for (int k = 0; k < 6; k++) rho[k] = tech.tablesaw.api.DoubleColumn.create("rho " + ChannelCorrelations.LABELS.get(k));
        for (SpectrumEvaluation ev : evaluations) {
            label.append(ev.label());
            n.append(ev.se().length);
            mean.append(ev.meanSe());
            max.append(ev.intervals().maxSe());
            double[] f = ev.intervals().fractions();
            for (int k = 0; k < 7; k++) iv[k].append(100 * f[k]);
            out.append((int) ev.intervals().outliers());
            r.append(ev.mepd().ratio());
            br.append(ev.mepd().branchingRatio());
            double[] c = ev.correlations().values();
            for (int k = 0; k < 6; k++) rho[k].append(c[k]);
        }
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("spectrum evaluation summary", label, n, mean, max);
        t.addColumns(iv);
        t.addColumns(out, r, br);
        t.addColumns(rho);
        return t;
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
