package org.coreloss.multiplet;

/**
 * The operator terms of the model Hamiltonians (METHOD.md sections 3-5); H = sum_t coefficient_t O_t.
 * Coulomb terms carry the Slater integral as coefficient, spin-orbit terms zeta, crystal-field terms
 * Dq, Ds, Dt, the Zeeman term mu_B Bz (operator Lz + 2 Sz on 3d).
 */
enum Term {
    F0DD, F2DD, F4DD, F0PD, F2PD, G1PD, G3PD, SO3D, SO2P, DQ, DS, DT, ZEEMAN;

    static final int COUNT = values().length;

    /** Coefficients of the initial Hamiltonian H_i (2p6 3d^n; no p-d terms). */
    static double[] initialCoefficients(Ion ion, MultipletParameters p) {
        double[] c = new double[COUNT];
        double f2 = p.s1() * ion.f2ddInitialEv(), f4 = p.s1() * ion.f4ddInitialEv();
        c[F0DD.ordinal()] = 2.0 / 63.0 * (f2 + f4);
        c[F2DD.ordinal()] = f2;
        c[F4DD.ordinal()] = f4;
        c[SO3D.ordinal()] = p.zetaScale() * ion.zeta3dInitialEv();
        CrystalField cf = p.initialCrystalField();
        c[DQ.ordinal()] = cf.dqEv();
        c[DS.ordinal()] = cf.dsEv();
        c[DT.ordinal()] = cf.dtEv();
        c[ZEEMAN.ordinal()] = p.bzEv();
        return c;
    }

    /** Coefficients of the final Hamiltonian H_f (2p5 3d^(n+1)). */
    static double[] finalCoefficients(Ion ion, MultipletParameters p) {
        double[] c = new double[COUNT];
        double f2 = p.s1() * ion.f2ddFinalEv(), f4 = p.s1() * ion.f4ddFinalEv();
        double g1 = p.s2() * ion.g1pdEv(), g3 = p.s2() * ion.g3pdEv();
        c[F0DD.ordinal()] = 2.0 / 63.0 * (f2 + f4);
        c[F2DD.ordinal()] = f2;
        c[F4DD.ordinal()] = f4;
        c[F0PD.ordinal()] = g1 / 15.0 + 3.0 * g3 / 70.0;
        c[F2PD.ordinal()] = p.s1() * ion.f2pdEv();
        c[G1PD.ordinal()] = g1;
        c[G3PD.ordinal()] = g3;
        c[SO3D.ordinal()] = p.zetaScale() * ion.zeta3dFinalEv();
        c[SO2P.ordinal()] = p.zetaScale() * ion.zeta2pEv();
        CrystalField cf = p.effectiveFinalCrystalField();
        c[DQ.ordinal()] = cf.dqEv();
        c[DS.ordinal()] = cf.dsEv();
        c[DT.ordinal()] = cf.dtEv();
        c[ZEEMAN.ordinal()] = p.bzEv();
        return c;
    }
}
