package org.coreloss.preprocess;

import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.Interpolation;
import org.coreloss.spectrum.SpectrumMatrix;

import java.util.Objects;

/**
 * Seed 001's excitation-energy alignment with zero padding: spectra whose threshold sits at 0 eV
 * are shifted by their own excitation energy (label column {@code column}, eV), so spectrum i
 * covers {@code [E_0 + exc_i, E_last + exc_i]} on a common absolute axis; intensities below each
 * spectrum's own start (and above its end) are set to 0 ("zero padding"). The common grid is
 * either given or, with {@link #auto}, fitted on the training data: from
 * {@code E_0 + min(exc)} to {@code E_last + max(exc)} with the input's mean channel spacing.
 */
public record ExcitationEnergyAlign(String column, EnergyGrid output) implements Transform {
    public ExcitationEnergyAlign {
        Objects.requireNonNull(column, "column");
    }

    /** Alignment onto a given absolute grid (eV). */
    public static ExcitationEnergyAlign of(String column, EnergyGrid output) {
        return new ExcitationEnergyAlign(column, Objects.requireNonNull(output, "output grid"));
    }

    /** Alignment whose grid is fitted on the training set. */
    public static ExcitationEnergyAlign auto(String column) { return new ExcitationEnergyAlign(column, null); }

    @Override public boolean isFitted() { return output != null; }

    @Override public ExcitationEnergyAlign fit(SpectraDataset train) {
        if (output != null) return this;
        double[] exc = train.label(column);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : exc) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("excitation-energy alignment: column " + column + " has a missing or non-finite value");
            lo = Math.min(lo, v); hi = Math.max(hi, v);
        }
        EnergyGrid g = train.grid();
        double step = (g.maxEv() - g.minEv()) / Math.max(1, g.size() - 1);
        double start = g.minEv() + lo, end = g.maxEv() + hi;
        int n = (int) Math.round((end - start) / step) + 1;
        return new ExcitationEnergyAlign(column, EnergyGrid.uniform(start, start + (n - 1) * step, Math.max(n, 2)));
    }

    @Override public Step step() {
        return Step.of("excitation-energy-align", "column", column, "zeroPadding", true,
                "outputStartEv", output == null ? null : output.minEv(), "outputEndEv", output == null ? null : output.maxEv(),
                "outputPoints", output == null ? null : output.size());
    }

    @Override public SpectraDataset apply(SpectraDataset d) {
        if (output == null) throw new IllegalStateException("excitation-energy alignment: call fit(train) first (auto grid)");
        double[] exc = d.label(column);
        double[] e = d.grid().energiesEv(), t = output.energiesEv(), x = new double[e.length];
        int c = d.channels(), nc = output.size();
        float[] src = d.spectra().rawData(), dst = new float[d.size() * nc];
        for (int i = 0; i < d.size(); i++) {
            if (!Double.isFinite(exc[i])) throw new IllegalArgumentException("excitation-energy alignment: row " + i + " (" + d.id(i) + ") has no " + column);
            for (int j = 0; j < c; j++) x[j] = e[j] + exc[i];
            Interpolation.linear(x, src, i * c, t, dst, i * nc, 0f);
        }
        return d.withSpectra(new SpectrumMatrix(output, d.size(), dst), step());
    }
}
