package org.coreloss.preprocess;

import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.Interpolation;
import org.coreloss.spectrum.SpectrumMatrix;

/**
 * Onset (threshold) alignment: the onset of each spectrum is the first energy at which the
 * intensity reaches {@code fraction} of its maximum (linearly interpolated between channels); the
 * spectrum is shifted so that its onset lies at {@code targetEv} and resampled (linearly, zero
 * outside) onto {@code output}, or onto the input grid when {@code output} is null. Seed 001 aligns
 * every computed spectrum's threshold to 0 eV. The onset of each spectrum is added as column
 * {@code onset_ev}.
 */
public record ThresholdAlign(double fraction, double targetEv, EnergyGrid output) implements Transform {
    public ThresholdAlign {
        if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("threshold fraction = " + fraction + ", expected 0 < fraction <= 1");
        if (!Double.isFinite(targetEv)) throw new IllegalArgumentException("targetEv must be finite");
    }

    @Override public Step step() {
        return Step.of("threshold-align", "fraction", fraction, "targetEv", targetEv,
                "outputStartEv", output == null ? null : output.minEv(), "outputEndEv", output == null ? null : output.maxEv(),
                "outputPoints", output == null ? null : output.size());
    }

    /** The onset energy (eV) of one spectrum (first crossing of fraction x max). */
    public static double onsetEv(double[] e, float[] y, int off, int c, double fraction) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) max = Math.max(max, y[off + j]);
        double thr = fraction * max;
        if (y[off] >= thr) return e[0];
        for (int j = 1; j < c; j++) {
            if (y[off + j] >= thr) {
                double y0 = y[off + j - 1], y1 = y[off + j];
                return e[j - 1] + (thr - y0) / (y1 - y0) * (e[j] - e[j - 1]);
            }
        }
        return e[c - 1];
    }

    @Override public SpectraDataset apply(SpectraDataset d) {
        EnergyGrid out = output == null ? d.grid() : output;
        double[] e = d.grid().energiesEv(), t = out.energiesEv(), x = new double[e.length];
        int c = d.channels(), nc = out.size();
        float[] src = d.spectra().rawData(), dst = new float[d.size() * nc];
        double[] onset = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            onset[i] = onsetEv(e, src, i * c, c, fraction);
            double shift = targetEv - onset[i];
            for (int j = 0; j < c; j++) x[j] = e[j] + shift;
            Interpolation.linear(x, src, i * c, t, dst, i * nc, 0f);
        }
        return d.withSpectra(new SpectrumMatrix(out, d.size(), dst), step()).withColumn("onset_ev", onset);
    }
}
