package org.coreloss.multiplet;

/**
 * The physical and broadening parameters of one 2p XAS multiplet spectrum: the nine inputs of seed
 * study 003 (Table 1) plus optional extras. Energies in eV, temperature in K.
 *
 * <ul>
 * <li>{@code dqEv, dsEv, dtEv}: D4h crystal field (Ballhausen Dq, Ds, Dt, <b>not</b> 10Dq) of the
 *     initial state, also used in the final state unless {@code finalCrystalField} is given.</li>
 * <li>{@code s1}: scale of F2dd, F4dd (initial and final) and F2pd; {@code s2}: scale of G1pd, G3pd
 *     (Crispy's "Fk" and "Gk"; seed 003 S1, S2). F0dd, F0pd follow from the scaled values
 *     (F0dd = 2/63 (F2+F4), F0pd = G1/15 + 3 G3/70).</li>
 * <li>{@code temperatureK}: Boltzmann temperature (0 = ground manifold only).</li>
 * <li>{@code gaussianFwhmEv}: instrumental Gaussian, <b>full width at half maximum</b>
 *     (sigma = FWHM / (2 sqrt(2 ln 2))). Seed 003's sigma_G is read as this FWHM (the value Quanty's
 *     Broaden takes); 0 = no Gaussian.</li>
 * <li>{@code gamma1FwhmEv}, {@code gamma2FwhmEv}: Lorentzian lifetime FWHM applied below / above
 *     the switch energy (L3 / L2; seed 003 Gamma1, Gamma2).</li>
 * <li>{@code finalCrystalField}: separate final-state crystal field, or null for the same as initial.</li>
 * <li>{@code bzEv}: Zeeman energy mu_B * Bz in eV acting as Bz (Lz + 2 Sz) on 3d in both states
 *     (1 T = 5.7883818e-5 eV, see {@link #withMagneticFieldTesla}).</li>
 * <li>{@code zetaScale}: scale of zeta3d (both states) and zeta2p (Crispy "Zeta", default 1).</li>
 * <li>{@code lorentzianSwitchEv}: switch energy of the Lorentzian width on the relative
 *     (E_f - E_i) axis, or NaN for the default zeta2p/4 (midway between the one-electron L3 level
 *     -zeta2p/2 and L2 level +zeta2p).</li>
 * </ul>
 */
public record MultipletParameters(double dqEv, double dsEv, double dtEv, double s1, double s2,
                                  double temperatureK, double gaussianFwhmEv, double gamma1FwhmEv,
                                  double gamma2FwhmEv, CrystalField finalCrystalField, double bzEv,
                                  double zetaScale, double lorentzianSwitchEv) {

    /** Bohr magneton in eV/T (CODATA 2018). */
    public static final double BOHR_MAGNETON_EV_PER_T = 5.7883818060e-5;

    public MultipletParameters {
        new CrystalField(dqEv, dsEv, dtEv); // validates dqEv, dsEv, dtEv
        range("s1", s1, 0.0, 2.0, "");
        range("s2", s2, 0.0, 2.0, "");
        range("temperatureK", temperatureK, 0.0, 1.0e5, " K");
        range("gaussianFwhmEv", gaussianFwhmEv, 0.0, 10.0, " eV");
        range("gamma1FwhmEv", gamma1FwhmEv, 1e-4, 10.0, " eV");
        range("gamma2FwhmEv", gamma2FwhmEv, 1e-4, 10.0, " eV");
        range("bzEv", bzEv, -1.0, 1.0, " eV");
        range("zetaScale", zetaScale, 0.0, 2.0, "");
        if (!Double.isNaN(lorentzianSwitchEv)) range("lorentzianSwitchEv", lorentzianSwitchEv, -1e3, 1e3, " eV (or NaN for the default)");
    }

    private static void range(String name, double v, double lo, double hi, String unit) {
        if (!Double.isFinite(v) || v < lo || v > hi) {
            throw new IllegalArgumentException(name + " = " + v + ", expected a finite value in [" + lo + ", " + hi + "]" + unit);
        }
    }

    /** The nine seed-003 inputs (Dq, Ds, Dt in eV, S1, S2, T in K, Gaussian FWHM, Gamma1, Gamma2 FWHM in eV). */
    public static MultipletParameters of(double dqEv, double dsEv, double dtEv, double s1, double s2,
                                         double temperatureK, double gaussianFwhmEv,
                                         double gamma1FwhmEv, double gamma2FwhmEv) {
        return new MultipletParameters(dqEv, dsEv, dtEv, s1, s2, temperatureK, gaussianFwhmEv, gamma1FwhmEv,
                gamma2FwhmEv, null, 0.0, 1.0, Double.NaN);
    }

    /** As {@link #of} but with 10Dq (eV) instead of Dq: Dq = tenDqEv / 10. */
    public static MultipletParameters ofTenDq(double tenDqEv, double dsEv, double dtEv, double s1, double s2,
                                              double temperatureK, double gaussianFwhmEv,
                                              double gamma1FwhmEv, double gamma2FwhmEv) {
        return of(tenDqEv / 10.0, dsEv, dtEv, s1, s2, temperatureK, gaussianFwhmEv, gamma1FwhmEv, gamma2FwhmEv);
    }

    /** Crispy-like defaults for an ion: Oh 10Dq = 1 eV, S1 = S2 = 0.8, 10 K, no Gaussian, the ion's tabulated widths. */
    public static MultipletParameters defaults(Ion ion) {
        return of(0.1, 0, 0, 0.8, 0.8, 10, 0, ion.gammaL3FwhmEv(), ion.gammaL2FwhmEv());
    }

    /** Initial-state crystal field. */
    public CrystalField initialCrystalField() {
        return new CrystalField(dqEv, dsEv, dtEv);
    }

    /** Final-state crystal field (the initial one unless set separately). */
    public CrystalField effectiveFinalCrystalField() {
        return finalCrystalField != null ? finalCrystalField : initialCrystalField();
    }

    public MultipletParameters withFinalCrystalField(CrystalField cf) {
        return new MultipletParameters(dqEv, dsEv, dtEv, s1, s2, temperatureK, gaussianFwhmEv, gamma1FwhmEv,
                gamma2FwhmEv, cf, bzEv, zetaScale, lorentzianSwitchEv);
    }

    public MultipletParameters withBzEv(double newBzEv) {
        return new MultipletParameters(dqEv, dsEv, dtEv, s1, s2, temperatureK, gaussianFwhmEv, gamma1FwhmEv,
                gamma2FwhmEv, finalCrystalField, newBzEv, zetaScale, lorentzianSwitchEv);
    }

    /** Magnetic field along z in tesla (converted with the Bohr magneton to {@code bzEv}). */
    public MultipletParameters withMagneticFieldTesla(double bzTesla) {
        return withBzEv(bzTesla * BOHR_MAGNETON_EV_PER_T);
    }

    public MultipletParameters withZetaScale(double newZetaScale) {
        return new MultipletParameters(dqEv, dsEv, dtEv, s1, s2, temperatureK, gaussianFwhmEv, gamma1FwhmEv,
                gamma2FwhmEv, finalCrystalField, bzEv, newZetaScale, lorentzianSwitchEv);
    }

    public MultipletParameters withLorentzianSwitchEv(double switchEv) {
        return new MultipletParameters(dqEv, dsEv, dtEv, s1, s2, temperatureK, gaussianFwhmEv, gamma1FwhmEv,
                gamma2FwhmEv, finalCrystalField, bzEv, zetaScale, switchEv);
    }

    public MultipletParameters withTemperatureK(double t) {
        return new MultipletParameters(dqEv, dsEv, dtEv, s1, s2, t, gaussianFwhmEv, gamma1FwhmEv,
                gamma2FwhmEv, finalCrystalField, bzEv, zetaScale, lorentzianSwitchEv);
    }

    public MultipletParameters withBroadening(double gaussianFwhm, double gamma1Fwhm, double gamma2Fwhm) {
        return new MultipletParameters(dqEv, dsEv, dtEv, s1, s2, temperatureK, gaussianFwhm, gamma1Fwhm,
                gamma2Fwhm, finalCrystalField, bzEv, zetaScale, lorentzianSwitchEv);
    }

    /** Key of everything the Hamiltonians depend on (not temperature or broadening): diagonalisations are cached on it. */
    HamiltonianKey hamiltonianKey() {
        CrystalField f = effectiveFinalCrystalField();
        return new HamiltonianKey(dqEv, dsEv, dtEv, f.dqEv(), f.dsEv(), f.dtEv(), s1, s2, bzEv, zetaScale);
    }

    record HamiltonianKey(double dq, double ds, double dt, double dqF, double dsF, double dtF,
                          double s1, double s2, double bz, double zetaScale) {}
}
