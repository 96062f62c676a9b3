package org.coreloss.multiplet;

import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.Spectrum;

/**
 * A broadened multiplet spectrum on its window: float intensities (box-normalised to [0, 1] unless
 * computed otherwise) on energies in eV relative to the E_f - E_i axis of the engine.
 */
public final class MultipletSpectrum {
    private final Ion ion;
    private final MultipletParameters parameters;
    private final SpectrumWindow window;
    private final float[] intensities;

    MultipletSpectrum(Ion ion, MultipletParameters parameters, SpectrumWindow window, float[] intensities) {
        this.ion = ion;
        this.parameters = parameters;
        this.window = window;
        this.intensities = intensities;
    }

    public Ion ion() { return ion; }
    public MultipletParameters parameters() { return parameters; }
    public SpectrumWindow window() { return window; }
    public EnergyGrid grid() { return window.grid(); }
    public int channels() { return intensities.length; }
    public float intensity(int channel) { return intensities[channel]; }

    /** Copy of the intensities. */
    public float[] intensities() { return intensities.clone(); }

    void copyInto(float[] dst, int offset) {
        System.arraycopy(intensities, 0, dst, offset, intensities.length);
    }

    /** As a {@link Spectrum} (double intensities) with id = ion name. */
    public Spectrum toSpectrum() {
        double[] d = new double[intensities.length];
        for (int i = 0; i < d.length; i++) d[i] = intensities[i];
        return new Spectrum(ion.name(), grid(), d);
    }

    @Override
    public String toString() {
        return "MultipletSpectrum[" + ion.name() + ", " + window.channels() + " channels " + window.startEv() + " .. "
                + window.endEv() + " eV, " + parameters + "]";
    }
}
