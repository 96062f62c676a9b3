package org.coreloss.multiplet;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IonsAndParametersTest {
    @Test
    void tableHoldsTheSeed003IonsAndEveryElectronCount() {
        assertEquals(27, Ions.all().size());
        assertEquals(22, Ions.seed003().size());
        Set<String> expect = Set.of("Ti2+", "V2+", "V3+", "Cr2+", "Cr3+", "Cr4+", "Mn2+", "Mn3+", "Mn4+", "Mn5+",
                "Fe2+", "Fe3+", "Fe4+", "Fe5+", "Fe6+", "Co2+", "Co3+", "Co4+", "Co5+", "Ni2+", "Ni3+", "Ni4+");
        Set<String> got = new HashSet<>();
        for (Ion i : Ions.seed003()) got.add(i.name());
        assertEquals(expect, got);
        Set<Integer> n = new HashSet<>();
        for (Ion i : Ions.all()) n.add(i.electrons3d());
        for (int k = 1; k <= 9; k++) assertTrue(n.contains(k), "an ion with " + k + " 3d electrons");
        Ion ni = Ions.get("ni2+");
        assertEquals(8, ni.electrons3d());
        assertEquals(12.2338, ni.f2ddInitialEv(), 1e-12);
        assertEquals(11.507, ni.zeta2pEv(), 1e-12);
        assertEquals(45, ni.initialDimension());
        assertEquals(60, ni.finalDimension());
        assertEquals(1512, Ions.get("Fe4+").finalDimension());
        assertEquals(Ions.get("Fe3"), Ions.get("Fe3+"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ions.get("Zn2+"));
        assertTrue(e.getMessage().contains("Zn2+") && e.getMessage().contains("Ni2+"));
    }

    @Test
    void tableErrorsNameFileLineAndColumn() {
        String header = "element,Z,charge,n_3d,in_ref22_set,F2dd_i,F4dd_i,zeta3d_i,F2dd_f,F4dd_f,F2pd_f,G1pd_f,G3pd_f,"
                + "zeta3d_f,zeta2p_f,L3_edge_eV_crispy2019,GammaL3_FWHM_eV_crispy2019,GammaL2_FWHM_eV_crispy2019\n";
        String good = "Ni,28,2+,8,yes,12.2,7.6,0.08,13.0,8.1,7.7,5.8,3.3,0.10,11.5,852.7,0.48,0.52\n";
        var t = assertDoesNotThrowParse(header + good);
        assertEquals(8, t.get("Ni2+").electrons3d());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ions.parse(new java.io.BufferedReader(new java.io.StringReader(header + good.replace("7.6", "x7"))), "t.csv"));
        assertTrue(e.getMessage().contains("t.csv: line 2, column 7 (F4dd_i)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ions.parse(new java.io.BufferedReader(new java.io.StringReader(header.replace("zeta2p_f,", "") + good)), "t.csv"));
        assertTrue(e.getMessage().contains("missing column 'zeta2p_f'"), e.getMessage());
    }

    private static java.util.Map<String, Ion> assertDoesNotThrowParse(String text) {
        try {
            return Ions.parse(new java.io.BufferedReader(new java.io.StringReader(text)), "t.csv");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void parametersAreValidatedWithNamedRanges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultipletParameters.of(0.1, 0, 0, 0.8, 0.8, -5, 0.1, 0.3, 0.3));
        assertTrue(e.getMessage().startsWith("temperatureK = -5.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MultipletParameters.of(0.1, 0, 0, 0.8, 0.8, 5, 0.1, 0, 0.3));
        assertTrue(e.getMessage().startsWith("gamma1FwhmEv"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MultipletParameters.of(Double.NaN, 0, 0, 0.8, 0.8, 5, 0.1, 0.3, 0.3));
        assertTrue(e.getMessage().startsWith("dqEv"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MultipletParameters.of(0.1, 0, 0, 3, 0.8, 5, 0.1, 0.3, 0.3));
        assertTrue(e.getMessage().startsWith("s1"), e.getMessage());
        MultipletParameters p = MultipletParameters.ofTenDq(1.2, 0.1, 0.05, 0.8, 0.8, 300, 0.1, 0.3, 0.5);
        assertEquals(0.12, p.dqEv(), 1e-15);
        assertEquals(p.initialCrystalField(), p.effectiveFinalCrystalField());
        MultipletParameters f = p.withFinalCrystalField(new CrystalField(0.15, 0, 0)).withMagneticFieldTesla(10);
        assertEquals(0.15, f.effectiveFinalCrystalField().dqEv());
        assertEquals(10 * MultipletParameters.BOHR_MAGNETON_EV_PER_T, f.bzEv(), 1e-15);
        assertTrue(!p.hamiltonianKey().equals(f.hamiltonianKey()));
        assertEquals(p.hamiltonianKey(), p.withTemperatureK(5).withBroadening(0.2, 0.4, 0.4).hamiltonianKey());
    }

    @Test
    void separateFinalCrystalFieldChangesOnlyTheFinalState() {
        Ion ion = Ions.get("Ni2+");
        MultipletEngine e = new MultipletEngine();
        MultipletParameters p = MultipletParameters.of(0.1, 0, 0, 0.8, 0.8, 10, 0, 0.4, 0.4);
        MultipletParameters q = p.withFinalCrystalField(new CrystalField(0.15, 0, 0));
        MultipletEngine.Levels a = e.levels(ion, p), b = e.levels(ion, q);
        assertEquals(a.initialGroundEv(), b.initialGroundEv(), 1e-12);
        assertTrue(Math.abs(a.finalGroundEv() - b.finalGroundEv()) > 1e-3);
    }
}
