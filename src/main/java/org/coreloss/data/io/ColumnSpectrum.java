package org.coreloss.data.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured spectrum read from a column file: energies in eV (strictly increasing after
 * {@link ColumnSpectrumReader}'s sorting and de-duplication), intensities in the file's units, the
 * column used, and the warnings raised while reading.
 */
public record ColumnSpectrum(String name, Path file, String column, double[] energiesEv, double[] intensities,
                             List<String> warnings) {
    public ColumnSpectrum {
        if (energiesEv.length != intensities.length) {
            throw new IllegalArgumentException(name + ": " + energiesEv.length + " energies but " + intensities.length + " intensities");
        }
        for (int i = 1; i < energiesEv.length; i++) {
            if (!(energiesEv[i] > energiesEv[i - 1])) {
                throw new IllegalArgumentException(name + ": energies must increase strictly (point " + i + ": "
                        + energiesEv[i - 1] + " then " + energiesEv[i] + " eV)");
            }
        }
        energiesEv = energiesEv.clone();
        intensities = intensities.clone();
        warnings = List.copyOf(warnings);
    }

    public int size() { return energiesEv.length; }

    @Override public double[] energiesEv() { return energiesEv.clone(); }

    @Override public double[] intensities() { return intensities.clone(); }

    public double minEnergyEv() { return energiesEv[0]; }

    public double maxEnergyEv() { return energiesEv[energiesEv.length - 1]; }

    /** The points with minEv &lt;= E &lt;= maxEv; throws if fewer than {@link ColumnSpectrumReader#MIN_POINTS} remain. */
    public ColumnSpectrum crop(double minEv, double maxEv) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < energiesEv.length; i++) if (energiesEv[i] >= minEv && energiesEv[i] <= maxEv) keep.add(i);
        if (keep.size() < ColumnSpectrumReader.MIN_POINTS) {
            throw new IllegalArgumentException(file + ": cropping to " + minEv + " .. " + maxEv + " eV leaves " + keep.size()
                    + " points (the data span " + minEnergyEv() + " .. " + maxEnergyEv() + " eV), expected at least "
                    + ColumnSpectrumReader.MIN_POINTS);
        }
        double[] x = new double[keep.size()], y = new double[keep.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = energiesEv[keep.get(k)];
            y[k] = intensities[keep.get(k)];
        }
        return new ColumnSpectrum(name, file, column, x, y, warnings);
    }

    /** A copy with another name. */
    public ColumnSpectrum withName(String newName) {
        return new ColumnSpectrum(newName, file, column, energiesEv, intensities, warnings);
    }

    /** From arrays (e.g. simulated data); energies must increase strictly. */
    public static ColumnSpectrum of(String name, double[] energiesEv, double[] intensities) {
        return new ColumnSpectrum(name, null, "intensity", energiesEv, intensities, List.of());
    }

    @Override public String toString() {
        return "ColumnSpectrum[" + name + ", " + column + ", " + size() + " points " + minEnergyEv() + " .. " + maxEnergyEv()
                + " eV" + (warnings.isEmpty() ? "" : ", warnings " + warnings) + "]";
    }
}
