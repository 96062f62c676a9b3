package org.coreloss.spectrum;

import java.util.Arrays;

/**
 * An energy axis in eV: strictly increasing, finite values, uniform or not.
 * Immutable; {@link #energiesEv()} returns a copy.
 */
public final class EnergyGrid {
    private final double[] energiesEv;
    private final boolean uniform;

    private EnergyGrid(double[] energiesEv) {
        if (energiesEv.length < 1) {
            throw new IllegalArgumentException("energy grid: expected at least 1 point, got 0");
        }
        for (int i = 0; i < energiesEv.length; i++) {
            if (!Double.isFinite(energiesEv[i])) {
                throw new IllegalArgumentException("energy grid: point " + i + " is " + energiesEv[i] + ", expected a finite energy in eV");
            }
            if (i > 0 && !(energiesEv[i] > energiesEv[i - 1])) {
                throw new IllegalArgumentException("energy grid: point " + i + " (" + energiesEv[i]
                        + " eV) is not greater than point " + (i - 1) + " (" + energiesEv[i - 1]
                        + " eV); energies must be strictly increasing");
            }
        }
        this.energiesEv = energiesEv;
        this.uniform = checkUniform(energiesEv);
    }

    private static boolean checkUniform(double[] e) {
        if (e.length < 3) return true;
        double step = (e[e.length - 1] - e[0]) / (e.length - 1);
        for (int i = 1; i < e.length; i++) {
            if (Math.abs((e[i] - e[i - 1]) - step) > 1e-6 * Math.abs(step) + 1e-9) return false;
        }
        return true;
    }

    /** A grid from explicit energies in eV (copied, checked strictly increasing and finite). */
    public static EnergyGrid of(double... energiesEv) {
        return new EnergyGrid(energiesEv.clone());
    }

    /** A uniform grid of {@code n} points from {@code startEv} to {@code endEv} inclusive. */
    public static EnergyGrid uniform(double startEv, double endEv, int n) {
        if (n < 2) throw new IllegalArgumentException("uniform energy grid: n = " + n + ", expected n >= 2");
        if (!(endEv > startEv)) throw new IllegalArgumentException("uniform energy grid: end " + endEv + " eV must exceed start " + startEv + " eV");
        double[] e = new double[n];
        double step = (endEv - startEv) / (n - 1);
        for (int i = 0; i < n; i++) e[i] = startEv + i * step;
        e[n - 1] = endEv;
        return new EnergyGrid(e);
    }

    public int size() { return energiesEv.length; }
    public double energyEv(int i) { return energiesEv[i]; }
    public double[] energiesEv() { return energiesEv.clone(); }
    public double minEv() { return energiesEv[0]; }
    public double maxEv() { return energiesEv[energiesEv.length - 1]; }
    public boolean isUniform() { return uniform; }

    /** Step in eV of a uniform grid; throws for a non-uniform one. */
    public double stepEv() {
        if (!uniform || energiesEv.length < 2) throw new IllegalStateException("energy grid is not uniform; no single step");
        return (maxEv() - minEv()) / (size() - 1);
    }

    /** Index of the grid point nearest to {@code energyEv}. */
    public int nearestIndex(double energyEv) {
        int i = Arrays.binarySearch(energiesEv, energyEv);
        if (i >= 0) return i;
        int ins = -i - 1;
        if (ins == 0) return 0;
        if (ins >= energiesEv.length) return energiesEv.length - 1;
        return (energyEv - energiesEv[ins - 1] <= energiesEv[ins] - energyEv) ? ins - 1 : ins;
    }

    @Override public boolean equals(Object o) {
        return o instanceof EnergyGrid g && Arrays.equals(energiesEv, g.energiesEv);
    }
    @Override public int hashCode() { return Arrays.hashCode(energiesEv); }
    @Override public String toString() {
        return "EnergyGrid[" + size() + " points, " + minEv() + " .. " + maxEv() + " eV" + (uniform ? ", uniform" : "") + "]";
    }
}
