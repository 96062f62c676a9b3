package org.coreloss.multiplet;

import org.coreloss.spectrum.EnergyGrid;

/**
 * The output window of broadened spectra on the relative (E_f - E_i) axis: {@code channels} points
 * from {@code startEv} in steps of {@code stepEv}.
 *
 * <p>Seed study 003: 30 eV starting 5 eV below the ion's L3 edge, 501 channels (step 0.06 eV).
 * "L3 edge" here is {@link Ion#l3EdgeRelativeEv()} = -zeta2p/2, the one-electron 2p3/2 hole level;
 * it is a per-ion constant, so every spectrum of an ion shares one grid (and Crispy's absolute axis
 * places the tabulated L3 edge energy exactly there).
 */
public record SpectrumWindow(double startEv, double stepEv, int channels) {
    public static final int SEED003_CHANNELS = 501;
    public static final double SEED003_BELOW_EDGE_EV = 5.0;
    public static final double SEED003_WIDTH_EV = 30.0;

    public SpectrumWindow {
        if (!Double.isFinite(startEv)) throw new IllegalArgumentException("startEv = " + startEv + ", expected finite eV");
        if (!(stepEv > 0) || !Double.isFinite(stepEv)) throw new IllegalArgumentException("stepEv = " + stepEv + ", expected > 0 eV");
        if (channels < 2 || channels > 1_000_000) throw new IllegalArgumentException("channels = " + channels + ", expected 2..1000000");
    }

    /** Seed 003's window for an ion: [edge - 5, edge + 25] eV, 501 channels. */
    public static SpectrumWindow seed003(Ion ion) {
        double start = ion.l3EdgeRelativeEv() - SEED003_BELOW_EDGE_EV;
        return new SpectrumWindow(start, SEED003_WIDTH_EV / (SEED003_CHANNELS - 1), SEED003_CHANNELS);
    }

    public double endEv() {
        return startEv + stepEv * (channels - 1);
    }

    /** Energies in eV of channel j = startEv + j * stepEv. */
    public double energyEv(int j) {
        return startEv + j * stepEv;
    }

    public EnergyGrid grid() {
        return EnergyGrid.uniform(startEv, endEv(), channels);
    }
}
