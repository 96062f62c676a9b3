package org.coreloss.data.bundled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.coreloss.data.Datasets;
import org.coreloss.data.SpectraDataset;
import org.coreloss.structure.CoordinationRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class OkLitmoDatasetTest {
    static OkLitmoDataset.Data data;

    @BeforeAll
    static void load() throws IOException {
        data = OkLitmoDataset.read(Path.of("data", "o-k-litmo"));
    }

    @Test
    void loadsThroughTheCatalogue() {
        assertTrue(Datasets.names().contains("o-k-litmo"), Datasets.names().toString());
        SpectraDataset d = Datasets.load("o-k-litmo");
        assertEquals(147, d.size());
        assertEquals(1200, d.channels());
        assertEquals("20ps/O49", d.id(146));
        assertEquals(data.labels().doubleColumn("voronoi_volume_A3").get(7), d.label("voronoi_volume_A3")[7], 0.0);
        assertEquals(147, Datasets.get("o-k-litmo").rows());
        assertEquals("structure-site-labels", d.history().get(0).name());
        assertTrue(d.history().get(0).parameters().get("coordinationRule").toString().contains("2.6"));
    }

    @Test
    void shapeAndGrid() {
        assertEquals(147, data.spectra().rows());
        assertEquals(1200, data.grid().size());
        assertEquals(-40.726296, data.grid().minEv(), 1e-9);
        assertEquals(68.028, data.grid().maxEv(), 1e-9);
        assertEquals(OkLitmoDataset.LABEL_COLUMNS, data.labels().columnNames());
        assertEquals(3, data.labels().stringColumn("structure_id").countUnique());
    }

    @Test
    void rowsFollowFileColumns() {
        Table t = data.labels();
        assertEquals("0K/O1", t.stringColumn("id").get(0));
        assertEquals(56, t.intColumn("site_index").get(0));
        assertEquals("20ps/O49", t.stringColumn("id").get(146));
        assertEquals(104, t.intColumn("site_index").get(146));
        // first data line of 20ps_Combo_O_all.dat, column 3 (O2): 4.22913e-08
        assertEquals(4.22913e-08f, data.spectra().get(98 + 1, 0));
        // first data line of 0K_Combo_O_all.dat, last column (O49): 4.23638e-08
        assertEquals(4.23638e-08f, data.spectra().get(48, 0));
        assertEquals(4.23638e-08f, data.spectra().row(48)[0]);
    }

    @Test
    void labelsArePhysical() {
        Table t = data.labels();
        for (int r = 0; r < t.rowCount(); r++) {
            int cn = t.intColumn("coordination_number").get(r);
            assertEquals(cn, t.intColumn("n_Fe").get(r) + t.intColumn("n_Li").get(r));
            assertTrue(cn >= 3 && cn <= 6, "CN " + cn);
            double b = t.doubleColumn("mean_bond_length_A").get(r);
            assertTrue(b > 1.8 && b < 2.4, "bond " + b);
            double a = t.doubleColumn("mean_bond_angle_deg").get(r);
            assertTrue(a > 90 && a < 120, "angle " + a);
        }
        // the 49 O cells are part of the tiling of the 1016.375 A^3 cell by all 105 atoms (measured share 43.6 %)
        double sum0 = 0;
        for (int r = 0; r < 49; r++) sum0 += t.doubleColumn("voronoi_volume_A3").get(r);
        assertTrue(sum0 > 0.3 * 1016.375 && sum0 < 0.7 * 1016.375, "O share of the 0K cell: " + sum0);
    }

    @Test
    void peroxoLikeOxygenPairAt20ps() {
        // O25 and O38 (atoms 80 and 93) are each other's nearest O at 1.43 A in the 20 ps snapshot (O-O in peroxide ~1.49 A)
        Table t = data.labels();
        int r25 = 98 + 24, r38 = 98 + 37;
        assertEquals(t.doubleColumn("nearest_O_O_A").get(r25), t.doubleColumn("nearest_O_O_A").get(r38), 1e-12);
        assertEquals(1.426, t.doubleColumn("nearest_O_O_A").get(r25), 1e-3);
        assertEquals(0, t.intColumn("n_Fe").get(r25));
    }

    /**
     * Column-to-site mapping evidence: the pre-edge share of each spectrum correlates with the Fe count
     * of the O with the same index far more than under random relabelling.
     */
    @Test
    void identityMappingBeatsRandomPermutations() {
        double[] expected = {-0.76, -0.64, -0.61};
        for (int snap = 0; snap < 3; snap++) {
            double[] f = new double[49], nFe = new double[49];
            for (int k = 0; k < 49; k++) {
                int row = snap * 49 + k;
                f[k] = windowShare(row, -1, 3);
                nFe[k] = data.labels().intColumn("n_Fe").get(row);
            }
            double r = pearson(f, nFe);
            assertEquals(expected[snap], r, 0.01, "snapshot " + snap);
            SplittableRandom rnd = new SplittableRandom(20190107L + snap);
            int atLeast = 0;
            for (int t = 0; t < 2000; t++) {
                double[] p = f.clone();
                for (int i = p.length - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    double x = p[i]; p[i] = p[j]; p[j] = x;
                }
                if (Math.abs(pearson(p, nFe)) >= Math.abs(r)) atLeast++;
            }
            assertEquals(0, atLeast, "no random column order should correlate as well as the file order");
        }
    }

    private double windowShare(int row, double loEv, double hiEv) {
        double in = 0, all = 0;
        for (int c = 0; c < data.grid().size(); c++) {
            double e = data.grid().energyEv(c);
            double v = data.spectra().get(row, c);
            if (e >= loEv && e < hiEv) in += v;
            if (e >= -5 && e < 30) all += v;
        }
        return in / all;
    }

    static double pearson(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) { mx += x[i]; my += y[i]; }
        mx /= x.length; my /= y.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void otherRuleChangesLabels() throws IOException {
        OkLitmoDataset.Data d = OkLitmoDataset.read(Path.of("data", "o-k-litmo"), CoordinationRule.fixed(2.2).excludingCentreSpecies());
        int fewer = 0;
        for (int r = 0; r < 147; r++) {
            int a = d.labels().intColumn("coordination_number").get(r), b = data.labels().intColumn("coordination_number").get(r);
            assertTrue(a <= b);
            if (a < b) fewer++;
        }
        assertTrue(fewer > 0);
    }

    @Test
    void brokenCopiesAreReported(@TempDir Path dir) throws IOException {
        for (String f : new String[] {"0K_Combo_O_all.dat", "15ps_Combo_O_all.dat", "20ps_Combo_O_all.dat", "POSCAR_0k", "POSCAR_15ps", "POSCAR_20ps"}) {
            Files.copy(Path.of("data", "o-k-litmo", f), dir.resolve(f));
        }
        Path dat = dir.resolve("15ps_Combo_O_all.dat");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(dat));
        lines.set(9, lines.get(9).replaceFirst("\\t(\\S+)\\t", "\tabc\t").replaceFirst("\\t\\tabc", "\t\tabc"));
        Files.write(dat, lines);
        IOException e = assertThrows(IOException.class, () -> OkLitmoDataset.read(dir));
        assertTrue(e.getMessage().contains("15ps_Combo_O_all.dat, line 10, column"), e.getMessage());
        lines.set(9, lines.get(9).replace("abc", ""));
        Files.write(dat, lines);
        e = assertThrows(IOException.class, () -> OkLitmoDataset.read(dir));
        assertTrue(e.getMessage().contains("line 10: 49 columns, expected 50"), e.getMessage());
    }
}
