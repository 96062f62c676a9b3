package org.coreloss.simulate;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

import org.coreloss.multiplet.CrystalField;
import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.multiplet.MultipletParameters;
import org.junit.jupiter.api.Test;

class CrystalFieldDosTest {
    @Test
    void levelsFollowTheD4hTableAndHaveZeroCentreOfGravity() {
        double[] e = CrystalFieldDos.levelsEv(new CrystalField(0.1, 0.05, 0.02));
        assertArrayEquals(new double[] {0.6 - 0.1 - 0.12, 0.6 + 0.1 - 0.02, -0.4 + 0.1 - 0.02, -0.4 - 0.05 + 0.08}, e, 1e-12);
        double g = 0;
        for (int l = 0; l < 4; l++) g += CrystalFieldDos.DEGENERACY[l] * e[l];
        assertEquals(0, g, 1e-12);
    }

    @Test
    void octahedralDensityHasEgAndT2gPeaksInRatioTwoToThreeAndIntegratesToTen() {
        CrystalFieldDos dos = CrystalFieldDos.uniform(-4, 4, 801, 0.2);
        double[] rho = dos.density(CrystalField.octahedral(1.0));   // t2g at -0.4 eV, eg at +0.6 eV
        double sum = 0;
        for (double v : rho) sum += v * 0.01;
        assertEquals(10, sum, 1e-6);
        int t2g = dos.grid().nearestIndex(-0.4), eg = dos.grid().nearestIndex(0.6);
        // peak height of g states with FWHM w: g * 2 sqrt(ln2/pi) / w (overlap of the far peak is negligible)
        double h = 2 * Math.sqrt(Math.log(2) / Math.PI) / 0.2;
        assertEquals(6 * h, rho[t2g], 1e-3 * h);
        assertEquals(4 * h, rho[eg], 1e-3 * h);
        assertTrue(rho[dos.grid().nearestIndex(0.1)] < 1e-3 * h, "valley between the peaks");
    }

    @Test
    void oneElectronGap() {
        CrystalField oh = CrystalField.octahedral(1.2);
        assertEquals(1.2, CrystalFieldDos.oneElectronGapEv(oh, 6), 1e-12);   // low-spin d6: t2g^6 eg^0
        assertEquals(0, CrystalFieldDos.oneElectronGapEv(oh, 8), 1e-12);     // d8: eg half filled
        assertEquals(0, CrystalFieldDos.oneElectronGapEv(oh, 3), 1e-12);
        // D4h d8 with b1g highest and split from a1g: b1g - a1g = 4 Ds + 5 Dt
        CrystalField d4h = new CrystalField(0.1, 0.1, 0.02);
        double[] e = CrystalFieldDos.levelsEv(d4h);
        assertEquals(e[1] - e[0], CrystalFieldDos.oneElectronGapEv(d4h, 8), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> CrystalFieldDos.oneElectronGapEv(oh, 10));
    }

    @Test
    void excitationGapSkipsFineStructure() {
        assertEquals(1.0, CrystalFieldDos.excitationGapEv(new double[] {2.0, 1.0, 1.005, 2.5}, 0.01), 1e-12);
        assertEquals(0.005, CrystalFieldDos.excitationGapEv(new double[] {1.0, 1.005}, 0), 1e-12);
        assertEquals(0, CrystalFieldDos.excitationGapEv(new double[] {1.0, 1.0}, 0.01));
        assertThrows(IllegalArgumentException.class, () -> CrystalFieldDos.excitationGapEv(new double[0], 0));
    }

    @Test
    void excitationGapOfOctahedralNi2IsTenDq() {
        // Ni2+ Oh without spin-orbit coupling: 3A2g (t2g^6 eg^2) ground; the first excitation 3T2g comes from the single
        // configuration t2g^5 eg^3, so E(3T2g) - E(3A2g) = 10Dq exactly (Tanabe-Sugano), whatever the Slater scalings.
        // (For larger 10Dq or smaller S1 the spin-flip 1Eg drops below 3T2g; the 3T2g level stays at 10Dq, 9-fold.)
        for (double tenDq : new double[] {0.6, 1.0, 1.7}) {
            for (double s1 : new double[] {0.6, 0.8}) {
                var levels = new MultipletEngine().levels(Ions.get("Ni2+"),
                        MultipletParameters.ofTenDq(tenDq, 0, 0, s1, 0.8, 300, 0.1, 0.4, 0.6).withZetaScale(0));
                double[] e = levels.initialEv();
                double e0 = Arrays.stream(e).min().orElseThrow();
                assertEquals(3, Arrays.stream(e).filter(v -> Math.abs(v - e0) < 1e-9).count(), "3A2g ground triplet");
                assertEquals(9, Arrays.stream(e).filter(v -> Math.abs(v - e0 - tenDq) < 1e-9).count(),
                        "3T2g (9 states) at 10Dq = " + tenDq + " eV above the ground, S1 " + s1);
                if (tenDq <= 1.0 && s1 == 0.8) {
                    assertEquals(tenDq, CrystalFieldDos.excitationGapEv(e, 1e-6), 1e-9, "first excitation, 10Dq " + tenDq);
                }
            }
        }
        // with spin-orbit coupling the 3A2g -> 3T2g gap moves by less than zeta3d (0.083 eV for Ni2+)
        var levels = new MultipletEngine().levels(Ions.get("Ni2+"),
                MultipletParameters.ofTenDq(1.0, 0, 0, 0.8, 0.8, 300, 0.1, 0.4, 0.6));
        double gap = CrystalFieldDos.excitationGapEv(levels.initialEv(), 0.01);
        assertEquals(1.0, gap, 0.083);
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> CrystalFieldDos.uniform(-1, 1, 11, 0));
    }
}
