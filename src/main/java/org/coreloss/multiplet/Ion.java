package org.coreloss.multiplet;

import java.util.Objects;

/**
 * A 3d transition-metal ion for 2p (L2,3) XAS, 2p6 3d^n -> 2p5 3d^(n+1), with its Hartree-Fock
 * atomic parameters (all in eV, unscaled, as tabulated by Cowan's RCN code via Crispy; see
 * {@code data/multiplet/PROVENANCE.md}).
 *
 * <p>Initial state 2p6 3d^n: {@code f2ddInitialEv}, {@code f4ddInitialEv} (the "big" Slater integrals
 * F^2, F^4), {@code zeta3dInitialEv}. Final state 2p5 3d^(n+1): {@code f2ddFinalEv},
 * {@code f4ddFinalEv}, {@code f2pdEv}, {@code g1pdEv}, {@code g3pdEv}, {@code zeta3dFinalEv},
 * {@code zeta2pEv}. {@code l3EdgeEv} is the tabulated absolute L3 edge energy of the element (Crispy
 * 2019 / EDRIXS table) used only to put spectra on an absolute axis; {@code gammaL3FwhmEv},
 * {@code gammaL2FwhmEv} are Crispy 2019's default Lorentzian lifetime widths (FWHM).
 *
 * @param element element symbol, e.g. "Ni"
 * @param atomicNumber Z
 * @param charge oxidation state (positive integer)
 * @param electrons3d n, number of 3d electrons in the initial state (1..9)
 * @param inSeed003Set whether the ion is one of the 22 ions of seed study 003
 */
public record Ion(String element, int atomicNumber, int charge, int electrons3d, boolean inSeed003Set,
                  double f2ddInitialEv, double f4ddInitialEv, double zeta3dInitialEv,
                  double f2ddFinalEv, double f4ddFinalEv, double f2pdEv, double g1pdEv, double g3pdEv,
                  double zeta3dFinalEv, double zeta2pEv,
                  double l3EdgeEv, double gammaL3FwhmEv, double gammaL2FwhmEv) {

    public Ion {
        Objects.requireNonNull(element, "element");
        if (electrons3d < 1 || electrons3d > 9) {
            throw new IllegalArgumentException("ion " + element + charge + "+: electrons3d = " + electrons3d
                    + ", expected 1..9 (2p6 3d^n -> 2p5 3d^(n+1))");
        }
        if (charge < 0 || charge > 9) {
            throw new IllegalArgumentException("ion " + element + ": charge = " + charge + ", expected 0..9");
        }
        double[] v = {f2ddInitialEv, f4ddInitialEv, zeta3dInitialEv, f2ddFinalEv, f4ddFinalEv, f2pdEv,
                g1pdEv, g3pdEv, zeta3dFinalEv, zeta2pEv};
        String[] names = {"f2ddInitialEv", "f4ddInitialEv", "zeta3dInitialEv", "f2ddFinalEv", "f4ddFinalEv",
                "f2pdEv", "g1pdEv", "g3pdEv", "zeta3dFinalEv", "zeta2pEv"};
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i]) || v[i] < 0 || v[i] > 100) {
                throw new IllegalArgumentException("ion " + element + charge + "+: " + names[i] + " = " + v[i]
                        + ", expected a finite value in [0, 100] eV");
            }
        }
        if (!(zeta2pEv > 0)) {
            throw new IllegalArgumentException("ion " + element + charge + "+: zeta2pEv = " + zeta2pEv + ", expected > 0 eV");
        }
    }

    /** Name as used everywhere, e.g. {@code "Ni2+"}. */
    public String name() {
        return element + charge + "+";
    }

    /** Dimension of the initial 2p6 3d^n determinant space, C(10, n). */
    public int initialDimension() {
        return binomial(10, electrons3d);
    }

    /** Dimension of the final 2p5 3d^(n+1) determinant space, 6 C(10, n+1). */
    public int finalDimension() {
        return 6 * binomial(10, electrons3d + 1);
    }

    /** Number of 3d holes in the initial state, 10 - n. */
    public int holes3d() {
        return 10 - electrons3d;
    }

    /**
     * The L3 edge on the relative (E_f - E_i) energy axis of this engine: the one-electron 2p3/2 hole
     * level, -zeta2p/2 (unscaled tabulated zeta2p). Crispy's absolute axis puts the tabulated edge
     * {@link #l3EdgeEv()} at exactly this raw energy. Seed study 003's window starts 5 eV below it.
     */
    public double l3EdgeRelativeEv() {
        return -0.5 * zeta2pEv;
    }

    static int binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return (int) r;
    }

    @Override
    public String toString() {
        return name() + " (3d" + electrons3d + ")";
    }
}
