package org.coreloss.simulate;

import java.util.Arrays;
import java.util.Objects;

import org.coreloss.multiplet.CrystalField;
import org.coreloss.spectrum.EnergyGrid;

/**
 * Broadened one-electron crystal-field density of 3d states: the "cheap ground-state information" of
 * seed study 002 in the multiplet world (in place of a DFT partial density of states).
 *
 * <p>The D4h one-electron levels (Ballhausen parameters, eV; seed 003 eq. 2, docs/multiplet.md)
 * a1g = 6Dq - 2Ds - 6Dt, b1g = 6Dq + 2Ds - Dt, b2g = -4Dq + 2Ds - Dt, eg = -4Dq - Ds + 4Dt carry
 * 2, 2, 2 and 4 spin-orbitals; their centre of gravity is 0. The density is
 * rho(E) = sum_l g_l G(E - e_l; fwhmEv) with area-normalised Gaussians G, so that its integral over
 * all energies is 10 states (per eV; on a grid that covers the levels, sum rho * step ~= 10).
 * No Coulomb interaction, spin-orbit coupling or core hole enters: those are what the multiplet
 * spectrum adds and what a generator has to learn.
 *
 * @param grid   energy grid of the density (eV relative to the 3d centre of gravity)
 * @param fwhmEv Gaussian full width at half maximum (eV, &gt; 0)
 */
public record CrystalFieldDos(EnergyGrid grid, double fwhmEv) {
    /** Level names in the order of {@link #levelsEv(CrystalField)}. */
    public static final String[] LEVEL_NAMES = {"a1g", "b1g", "b2g", "eg"};
    /** Spin-orbitals per level (a1g, b1g, b2g, eg). */
    public static final int[] DEGENERACY = {2, 2, 2, 4};

    public CrystalFieldDos {
        Objects.requireNonNull(grid, "grid");
        if (!(fwhmEv > 0) || Double.isInfinite(fwhmEv)) {
            throw new IllegalArgumentException("fwhmEv = " + fwhmEv + ", expected a finite value > 0 eV");
        }
    }

    /** Uniform grid from {@code startEv} to {@code endEv} with {@code points} points. */
    public static CrystalFieldDos uniform(double startEv, double endEv, int points, double fwhmEv) {
        return new CrystalFieldDos(EnergyGrid.uniform(startEv, endEv, points), fwhmEv);
    }

    /** One-electron energies {a1g, b1g, b2g, eg} in eV. */
    public static double[] levelsEv(CrystalField cf) {
        double dq = cf.dqEv(), ds = cf.dsEv(), dt = cf.dtEv();
        return new double[] {6 * dq - 2 * ds - 6 * dt, 6 * dq + 2 * ds - dt, -4 * dq + 2 * ds - dt, -4 * dq - ds + 4 * dt};
    }

    /** The broadened density (states per eV) on {@link #grid()}. */
    public double[] density(CrystalField cf) {
        double[] e = levelsEv(cf);
        double sigma = fwhmEv / (2 * Math.sqrt(2 * Math.log(2)));
        double norm = 1 / (sigma * Math.sqrt(2 * Math.PI));
        double[] rho = new double[grid.size()];
        for (int i = 0; i < rho.length; i++) {
            double x = grid.energyEv(i), s = 0;
            for (int l = 0; l < e.length; l++) {
                double u = (x - e[l]) / sigma;
                s += DEGENERACY[l] * norm * Math.exp(-0.5 * u * u);
            }
            rho[i] = s;
        }
        return rho;
    }

    /** {@link #density(CrystalField)} as float32 (a network input row). */
    public float[] densityFloat(CrystalField cf) {
        double[] d = density(cf);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    /**
     * One-electron (Kohn-Sham-like) gap of the d shell with {@code electrons} 3d electrons filled
     * into the levels in order of energy (aufbau, no Hund's rule): lowest empty minus highest filled
     * level in eV; 0 when the highest filled level is only partly filled (a "metal").
     *
     * @param electrons number of 3d electrons, 1..9
     */
    public static double oneElectronGapEv(CrystalField cf, int electrons) {
        if (electrons < 1 || electrons > 9) {
            throw new IllegalArgumentException("electrons = " + electrons + ", expected 1..9");
        }
        double[] e = levelsEv(cf);
        Integer[] order = {0, 1, 2, 3};
        Arrays.sort(order, (a, b) -> Double.compare(e[a], e[b]));
        int left = electrons;
        for (int k = 0; k < 4; k++) {
            int l = order[k];
            if (left < DEGENERACY[l]) return 0;       // partly filled level
            left -= DEGENERACY[l];
            if (left == 0) return e[order[k + 1]] - e[l];
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Many-electron excitation gap of the initial-state Hamiltonian: E1 - E0, where E0 is the lowest
     * eigenvalue and E1 the lowest eigenvalue more than {@code thresholdEv} above it (so the
     * fine-structure splitting of the ground term, smaller than the threshold, does not count).
     * Returns 0 when no level lies above the threshold.
     *
     * @param eigenvaluesEv eigenvalues of H_i (any order; e.g. {@code MultipletEngine.levels(...).initialEv()})
     * @param thresholdEv   &gt;= 0 eV
     */
    public static double excitationGapEv(double[] eigenvaluesEv, double thresholdEv) {
        if (eigenvaluesEv == null || eigenvaluesEv.length == 0) {
            throw new IllegalArgumentException("eigenvaluesEv must hold at least one eigenvalue");
        }
        if (!(thresholdEv >= 0) || Double.isInfinite(thresholdEv)) {
            throw new IllegalArgumentException("thresholdEv = " + thresholdEv + ", expected a finite value >= 0 eV");
        }
        double e0 = Double.POSITIVE_INFINITY;
        for (double v : eigenvaluesEv) e0 = Math.min(e0, v);
        double e1 = Double.POSITIVE_INFINITY;
        for (double v : eigenvaluesEv) if (v - e0 > thresholdEv) e1 = Math.min(e1, v);
        return Double.isInfinite(e1) ? 0 : e1 - e0;
    }
}
