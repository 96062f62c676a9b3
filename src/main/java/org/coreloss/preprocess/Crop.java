package org.coreloss.preprocess;

import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;

/** Keeps the channels with {@code minEv <= E <= maxEv} (no interpolation). */
public record Crop(double minEv, double maxEv) implements Transform {
    public Crop {
        if (!(maxEv > minEv)) throw new IllegalArgumentException("crop: maxEv (" + maxEv + ") must exceed minEv (" + minEv + ")");
    }

    @Override public Step step() { return Step.of("crop", "minEv", minEv, "maxEv", maxEv); }

    @Override public SpectraDataset apply(SpectraDataset d) {
        double[] e = d.grid().energiesEv();
        int a = 0;
        while (a < e.length && e[a] < minEv) a++;
        int b = e.length;
        while (b > a && e[b - 1] > maxEv) b--;
        if (b <= a) throw new IllegalArgumentException("crop " + minEv + ".." + maxEv + " eV keeps no channel of " + d.grid());
        int c = d.channels(), nc = b - a;
        float[] src = d.spectra().rawData(), out = new float[d.size() * nc];
        for (int i = 0; i < d.size(); i++) System.arraycopy(src, i * c + a, out, i * nc, nc);
        return d.withSpectra(new SpectrumMatrix(EnergyGrid.of(java.util.Arrays.copyOfRange(e, a, b)), d.size(), out), step());
    }
}
