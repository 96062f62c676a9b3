package org.coreloss.multiplet;

/**
 * D4h crystal field on the 3d shell in Ballhausen parameters (eV): one-electron energies
 * a1g (z2) = 6Dq - 2Ds - 6Dt, b1g (x2-y2) = 6Dq + 2Ds - Dt, b2g (xy) = -4Dq + 2Ds - Dt,
 * eg (xz, yz) = -4Dq - Ds + 4Dt (seed study 003 eq. 2; METHOD.md section 5). Oh is Ds = Dt = 0 and
 * 10Dq is the eg - t2g splitting.
 */
public record CrystalField(double dqEv, double dsEv, double dtEv) {
    /** Largest magnitude accepted for Dq, Ds, Dt (eV). */
    public static final double MAX_ABS_EV = 10.0;

    public CrystalField {
        check("dqEv", dqEv);
        check("dsEv", dsEv);
        check("dtEv", dtEv);
    }

    private static void check(String name, double v) {
        if (!Double.isFinite(v) || Math.abs(v) > MAX_ABS_EV) {
            throw new IllegalArgumentException(name + " = " + v + ", expected a finite value in [-"
                    + MAX_ABS_EV + ", " + MAX_ABS_EV + "] eV");
        }
    }

    /** Octahedral field from 10Dq (eV): Dq = 10Dq / 10, Ds = Dt = 0. */
    public static CrystalField octahedral(double tenDqEv) {
        return new CrystalField(tenDqEv / 10.0, 0, 0);
    }

    /** 10Dq in eV. */
    public double tenDqEv() {
        return 10.0 * dqEv;
    }
}
