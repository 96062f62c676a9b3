package org.coreloss.spectrum;

import java.util.Objects;

/**
 * One spectrum: intensities (arbitrary units unless stated) on an {@link EnergyGrid} in eV.
 * Immutable; accessors return copies.
 */
public final class Spectrum {
    private final EnergyGrid grid;
    private final double[] intensity;
    private final String id;

    public Spectrum(String id, EnergyGrid grid, double[] intensity) {
        this.grid = Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(intensity, "intensity");
        if (intensity.length != grid.size()) {
            throw new IllegalArgumentException("spectrum " + id + ": " + intensity.length
                    + " intensities for a grid of " + grid.size() + " energies");
        }
        this.intensity = intensity.clone();
        this.id = id == null ? "" : id;
    }

    public String id() { return id; }
    public EnergyGrid grid() { return grid; }
    public int size() { return intensity.length; }
    public double intensity(int i) { return intensity[i]; }
    public double[] intensities() { return intensity.clone(); }
    public double[] energiesEv() { return grid.energiesEv(); }

    @Override public String toString() { return "Spectrum[" + id + ", " + grid + "]"; }
}
