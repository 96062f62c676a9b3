package org.coreloss.preprocess;

import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.Interpolation;

import java.util.Objects;

/** Linear interpolation of every spectrum onto {@code target} (eV); 0 outside each spectrum's range. */
public record Resample(EnergyGrid target) implements Transform {
    public Resample { Objects.requireNonNull(target, "target grid"); }

    public static Resample uniform(double startEv, double endEv, int points) { return new Resample(EnergyGrid.uniform(startEv, endEv, points)); }

    @Override public Step step() {
        return Step.of("resample", "startEv", target.minEv(), "endEv", target.maxEv(), "points", target.size(), "uniform", target.isUniform(), "fill", 0.0);
    }

    @Override public SpectraDataset apply(SpectraDataset d) {
        return d.withSpectra(Interpolation.resample(d.spectra(), target, 0f), step());
    }
}
