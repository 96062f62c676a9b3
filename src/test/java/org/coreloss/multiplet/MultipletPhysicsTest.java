package org.coreloss.multiplet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Analytic and property checks of the model Hamiltonians (METHOD.md sections 3-7, 11). */
class MultipletPhysicsTest {
    static final MultipletEngine ENGINE = new MultipletEngine();

    /** An ion with chosen initial Slater integrals (eV) and no spin-orbit; final values from Ni2+. */
    static Ion custom(int n, double f2, double f4, double zeta3d) {
        return new Ion("X", 0, 0, n, false, f2, f4, zeta3d, 13.0, 8.0, 7.7, 5.8, 3.3, 0.1, 11.5, 0, 0.5, 0.5);
    }

    /** Distinct levels (tolerance 1e-7 eV) with their multiplicities: {energy, count} rows. */
    static List<double[]> multiplets(double[] sortedEv) {
        List<double[]> out = new ArrayList<>();
        for (double e : sortedEv) {
            if (!out.isEmpty() && Math.abs(e - out.get(out.size() - 1)[0]) < 1e-7) out.get(out.size() - 1)[1]++;
            else out.add(new double[]{e, 1});
        }
        return out;
    }

    @Test
    void oneElectronD4hTable() {
        double[][] cases = {{0.1, 0, 0}, {0.15, 0.3, -0.2}, {-0.12, -1.1, 0.7}, {0.02, 1.4, 0.8}};
        for (double[] c : cases) {
            double dq = c[0], ds = c[1], dt = c[2];
            double[][] h = IonModel.crystalFieldMatrix(new CrystalField(dq, ds, dt));
            // matrix elements of METHOD.md section 5, m = -2..2
            assertEquals(6 * dq - 2 * ds - 6 * dt, h[2][2], 1e-12);
            assertEquals(-4 * dq - ds + 4 * dt, h[1][1], 1e-12);
            assertEquals(-4 * dq - ds + 4 * dt, h[3][3], 1e-12);
            assertEquals(dq + 2 * ds - dt, h[0][0], 1e-12);
            assertEquals(dq + 2 * ds - dt, h[4][4], 1e-12);
            assertEquals(5 * dq, h[0][4], 1e-12);
            assertEquals(5 * dq, h[4][0], 1e-12);
            assertEquals(0, h[1][3], 1e-12);
            assertEquals(0, h[0][2], 1e-12);
            // one 3d electron, no spin-orbit: levels a1g, b1g, b2g, eg, eg, each twice (spin)
            Ion d1 = custom(1, 0, 0, 0);
            double[] lv = ENGINE.levels(d1, MultipletParameters.of(dq, ds, dt, 1, 1, 0, 0, 0.3, 0.3)).initialEv();
            double[] expect = {6 * dq - 2 * ds - 6 * dt, 6 * dq + 2 * ds - dt, -4 * dq + 2 * ds - dt,
                    -4 * dq - ds + 4 * dt, -4 * dq - ds + 4 * dt};
            double[] e2 = new double[10];
            for (int i = 0; i < 5; i++) e2[2 * i] = e2[2 * i + 1] = expect[i];
            Arrays.sort(e2);
            assertArrayEquals(e2, lv, 1e-10);
        }
    }

    @Test
    void d2FreeIonTermsAndDegeneracies() {
        double f2 = 8, f4 = 5;
        Ion d2 = custom(2, f2, f4, 0);
        double[] lv = ENGINE.levels(d2, MultipletParameters.of(0, 0, 0, 1, 1, 0, 0, 0.3, 0.3)).initialEv();
        // METHOD.md section 11 at F0 = 0; our F0dd = 2/63 (F2 + F4) shifts every d2 level by F0 (one pair)
        double f0 = 2.0 / 63.0 * (f2 + f4);
        double[] e = {-1.408163, -0.081633, 0.190476, 0.664399, 3.714286};
        int[] g = {21, 5, 9, 9, 1};
        List<double[]> m = multiplets(lv);
        assertEquals(5, m.size(), "five d2 terms 3F, 1D, 3P, 1G, 1S");
        for (int i = 0; i < 5; i++) {
            assertEquals(e[i] + f0, m.get(i)[0], 2e-6, "term " + i);
            assertEquals(g[i], (int) m.get(i)[1], "degeneracy of term " + i);
        }
        // Racah form: 3F = A - 8B, 3P = A + 7B with B = (9 F2 - 5 F4)/441
        double b = (9 * f2 - 5 * f4) / 441;
        assertEquals(15 * b, m.get(2)[0] - m.get(0)[0], 1e-9);
    }

    @Test
    void hamiltonianBlocksAreSymmetricForAllElectronCounts() {
        SplittableRandom r = new SplittableRandom(7);
        for (int n = 1; n <= 9; n++) {
            IonModel m = MultipletEngine.model(n, true);
            double[] coef = new double[Term.COUNT];
            for (int t = 0; t < coef.length; t++) coef[t] = r.nextDouble(-1, 1);
            for (SparseTerms[] space : new SparseTerms[][]{m.initialTerms, m.finalTerms}) {
                int dim = 0;
                for (SparseTerms st : space) {
                    double[] h = st.assemble(coef);
                    for (int i = 0; i < st.n; i++) {
                        for (int j = 0; j < i; j++) {
                            assertEquals(h[i + j * st.n], h[j + i * st.n], 1e-12, "n=" + n + " element " + i + "," + j);
                        }
                    }
                    dim += st.n;
                }
                assertTrue(dim == m.initial.dimension() || dim == m.fin.dimension());
            }
            assertEquals(Ion.binomial(10, n), m.initial.dimension());
            assertEquals(6 * Ion.binomial(10, n + 1), m.fin.dimension());
            assertTrue(m.timeReversalVerified, "time reversal maps each block onto its partner, n=" + n);
        }
    }

    @Test
    void cubicAndTetragonalDegeneracies() {
        for (String name : new String[]{"V3+", "Cr3+", "Fe2+", "Co2+", "Ni2+"}) {
            Ion ion = Ions.get(name);
            boolean odd = ion.electrons3d() % 2 == 1;
            // Oh with spin-orbit: double-group irreps have dimension 1, 2, 3 (even) or 2, 4 (odd)
            MultipletEngine.Levels oh = ENGINE.levels(ion, MultipletParameters.of(0.15, 0, 0, 0.8, 0.8, 10, 0, 0.3, 0.3));
            for (double[] lv : new double[][]{oh.initialEv(), oh.finalEv()}) {
                for (double[] mm : multiplets(lv)) {
                    int g = (int) mm[1];
                    assertTrue(odd ? (g == 2 || g == 4) : (g >= 1 && g <= 3), name + " Oh level degeneracy " + g);
                }
            }
            // D4h: dimensions 1, 2 (even) or 2 (odd)
            MultipletEngine.Levels d4h = ENGINE.levels(ion, MultipletParameters.of(0.15, 0.1, 0.05, 0.8, 0.8, 10, 0, 0.3, 0.3));
            for (double[] mm : multiplets(d4h.initialEv())) {
                int g = (int) mm[1];
                assertTrue(odd ? g == 2 : (g == 1 || g == 2), name + " D4h level degeneracy " + g);
            }
        }
        // without spin-orbit the Oh ground terms: Ni2+ 3A2g (3), Cr3+ 4A2g (4), high-spin Fe2+ 5T2g (15)
        MultipletParameters noSo = MultipletParameters.of(0.1, 0, 0, 0.8, 0.8, 0, 0, 0.3, 0.3).withZetaScale(0);
        assertEquals(3, (int) multiplets(ENGINE.levels(Ions.get("Ni2+"), noSo).initialEv()).get(0)[1]);
        assertEquals(4, (int) multiplets(ENGINE.levels(Ions.get("Cr3+"), noSo).initialEv()).get(0)[1]);
        assertEquals(15, (int) multiplets(ENGINE.levels(Ions.get("Fe2+"), noSo).initialEv()).get(0)[1]);
        // a one-electron Oh field: t2g (6) below eg (4), 10Dq apart
        List<double[]> d1 = multiplets(ENGINE.levels(custom(1, 0, 0, 0), noSo).initialEv());
        assertEquals(6, (int) d1.get(0)[1]);
        assertEquals(4, (int) d1.get(1)[1]);
        assertEquals(1.0, d1.get(1)[0] - d1.get(0)[0], 1e-12);
    }

    @Test
    void integratedIntensityIsProportionalToTheNumberOfHoles() {
        MultipletParameters p = MultipletParameters.of(0.12, 0.05, 0.02, 0.8, 0.8, 300, 0.1, 0.4, 0.5);
        for (Ion ion : Ions.all()) {
            double total = ENGINE.sticks(ion, p).totalIntensity();
            assertEquals(ion.holes3d() / 15.0, total, 1e-7 * total, ion.name());
        }
    }

    @Test
    void thermalWeightsIncludeWholeDegenerateManifolds() {
        Ion ni = Ions.get("Ni2+");
        // Oh, no field: 3A2 ground with spin-orbit -> 3-fold T2; at 0 K all three (and only those)
        StickSpectrum s = ENGINE.sticks(ni, MultipletParameters.of(0.1, 0, 0, 0.8, 0.8, 0, 0, 0.3, 0.3));
        assertEquals(3, s.initialStates());
        // free ion Ni2+ (3F4 ground, J = 4): 9 states
        StickSpectrum free = ENGINE.sticks(ni, MultipletParameters.of(0, 0, 0, 0.8, 0.8, 0, 0, 0.3, 0.3));
        assertEquals(9, free.initialStates());
        // hot: more states, still normalised
        StickSpectrum hot = ENGINE.sticks(Ions.get("Co2+"), MultipletParameters.of(0.1, 0, 0, 0.8, 0.8, 1000, 0, 0.3, 0.3));
        assertTrue(hot.initialStates() > 12, "Co2+ at 1000 K populates more than the ground quartet: " + hot.initialStates());
        assertEquals(3 / 15.0, hot.totalIntensity(), 1e-8);
    }

    @Test
    void quantyPoleConventionIsARigidShiftForNi2() {
        Ion ni = Ions.get("Ni2+");
        MultipletParameters p = MultipletParameters.of(0.1, 0, 0, 0.8, 0.8, 0, 0, 0.48, 0.48);
        StickSpectrum a = ENGINE.sticks(ni, p);
        StickSpectrum b = new MultipletEngine(MultipletEngine.Options.defaults().withPoleConvention(PoleConvention.QUANTY)).sticks(ni, p);
        assertEquals(a.size(), b.size());
        double shift = b.energyEv(0) - a.energyEv(0);
        assertTrue(shift > 0.07 && shift < 0.09, "Quanty poles sit ~0.08 eV higher (E_f - <a|H_f|a> vs E_f - E_a): " + shift);
        for (int i = 0; i < a.size(); i++) assertEquals(shift, b.energyEv(i) - a.energyEv(i), 1e-9);
    }
}
