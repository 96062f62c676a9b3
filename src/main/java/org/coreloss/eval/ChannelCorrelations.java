package org.coreloss.eval;

import org.coreloss.stats.Pearson;

/**
 * Pearson correlations over channels of seed 003, figure 8: the channel-resolved SE
 * ({@code SE_c}), the per-channel maximal misfit (M_KST) and the per-channel number of misfits
 * (N_KST), each against the channel mean mu and standard deviation sigma of the test spectra.
 */
public record ChannelCorrelations(Pearson seVsMean, Pearson seVsStd, Pearson maxMisfitVsMean, Pearson maxMisfitVsStd,
                                  Pearson misfitCountVsMean, Pearson misfitCountVsStd) {

    public static ChannelCorrelations of(double[] channelSe, double[] maxPerChannel, int[] countPerChannel, double[] mu, double[] sigma) {
        double[] cnt = new double[countPerChannel.length];
        for (int i = 0; i < cnt.length; i++) cnt[i] = countPerChannel[i];
        return new ChannelCorrelations(Pearson.of(channelSe, mu), Pearson.of(channelSe, sigma),
                Pearson.of(maxPerChannel, mu), Pearson.of(maxPerChannel, sigma),
                Pearson.of(cnt, mu), Pearson.of(cnt, sigma));
    }

    /** Labels in the order of {@link #values()}. */
    public static final java.util.List<String> LABELS = java.util.List.of(
            "SE_c vs mu", "SE_c vs sigma", "M_KST vs mu", "M_KST vs sigma", "N_KST vs mu", "N_KST vs sigma");

    /** The six coefficients r in the order of {@link #LABELS}. */
    public double[] values() {
        return new double[] {seVsMean.r(), seVsStd.r(), maxMisfitVsMean.r(), maxMisfitVsStd.r(), misfitCountVsMean.r(), misfitCountVsStd.r()};
    }
}
