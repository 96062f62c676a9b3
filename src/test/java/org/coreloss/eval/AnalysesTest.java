package org.coreloss.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.coreloss.stats.Bandwidth;
import org.junit.jupiter.api.Test;

class AnalysesTest {

    static double gauss(double x, double c, double w) { return Math.exp(-0.5 * (x - c) * (x - c) / (w * w)); }

    /** Two-peak L-edge-like spectra (L3 at 640 eV, L2 at 651 eV, areas 2:1) and noisy predictions. */
    static SpectrumMatrix[] lEdgeSet(int n, long seed) {
        EnergyGrid g = EnergyGrid.uniform(635, 660, 251);
        SplittableRandom r = new SplittableRandom(seed);
        float[][] ref = new float[n][g.size()], pred = new float[n][g.size()];
        for (int j = 0; j < n; j++) {
            double s3 = 1 + 0.1 * r.nextDouble(), shift = 0.3 * (r.nextDouble() - 0.5);
            for (int i = 0; i < g.size(); i++) {
                double e = g.energyEv(i);
                double y = s3 * gauss(e, 640 + shift, 1.0) + 0.5 * gauss(e, 651 + shift, 1.0);
                ref[j][i] = (float) y;
                pred[j][i] = (float) (y + 0.03 * y * (2 * r.nextDouble() - 1));
            }
            // one artificial large misfit, in L3 for 3 of 4 spectra, in L2 otherwise
            int ch = g.nearestIndex(j % 4 == 3 ? 651 : 640);
            pred[j][ch] += (float) (0.2 + 0.1 * r.nextDouble());
        }
        return new SpectrumMatrix[] {SpectrumMatrix.of(g, pred), SpectrumMatrix.of(g, ref)};
    }

    @Test
    void mepdClustersIntoL3AndL2WithKnownRatios() {
        SpectrumMatrix[] pr = lEdgeSet(200, 3);
        SpectrumEvaluation ev = SpectrumEvaluation.of("synthetic", pr[0], pr[1], SpectrumEvaluation.Options.defaults(42));
        MepdAnalysis m = ev.mepd();
        assertEquals(640, m.centreL3Ev(), 0.2);
        assertEquals(651, m.centreL2Ev(), 0.2);
        assertEquals(150, m.countL3());
        assertEquals(50, m.countL2());
        assertEquals(3.0, m.ratio(), 1e-12);
        // mean spectrum areas: L3 ~ 1.05 * w sqrt(2 pi), L2 0.5 * w sqrt(2 pi)
        assertEquals(2.1, m.branchingRatio(), 0.05);
        assertEquals(200, ev.intervals().total());
        assertEquals(200, ev.intervals().matches());
        int total = 0;
        for (int c : m.countPerChannel()) total += c;
        assertEquals(200, total);
        // correlations: errors scale with intensity (plus two spike channels), so SE_c follows mu
        assertTrue(ev.correlations().seVsMean().r() > 0.4, "r(SE_c, mu) = " + ev.correlations().seVsMean().r());
        assertTrue(ev.correlations().seVsMean().pValue() < 1e-10);
        assertEquals(ev.correlations().seVsMean().r(), org.coreloss.stats.Pearson.of(ev.channelSe(), ev.mean()).r(), 0);
        assertEquals(6, ev.correlations().values().length);
        tech.tablesaw.api.Table sum = SpectrumEvaluation.summaryTable(List.of(ev, ev));
        assertEquals(2, sum.rowCount());
        assertEquals(3.0, sum.doubleColumn("r_MEPD").get(0), 1e-12);
        assertEquals(100.0, sum.doubleColumn("I1 %").get(1) + sum.doubleColumn("I2 %").get(1) + sum.doubleColumn("I3 %").get(1)
                + sum.doubleColumn("I4 %").get(1) + sum.doubleColumn("I5 %").get(1) + sum.doubleColumn("I6 %").get(1) + sum.doubleColumn("I7 %").get(1), 1e-9);
        assertEquals(ev.correlations().seVsStd().r(), sum.doubleColumn("rho SE_c vs sigma").get(0), 0);
        DensityGrid d = m.density(MepdAnalysis.L3, 40, 30, Bandwidth.SCOTT);
        assertEquals(30, d.z().length);
        assertEquals(40, d.z()[0].length);
        double peak = 0;
        for (double[] row : d.z()) for (double v : row) peak = Math.max(peak, v);
        assertTrue(peak > 0);
    }

    @Test
    void mispredictionWorstListsAndTable1() {
        List<String> props = List.of("bond length", "charge");
        double[][] t = {{1, 1}, {1, 1}, {1, 1}, {1, 1}};
        double[][] p = {{1.1, 1.0}, {1.5, 1.4}, {1.0, 1.2}, {0.7, 1.05}};
        MispredictionAnalysis a = MispredictionAnalysis.of(props, t, p, 2);
        assertArrayEquals(new int[] {1, 3}, a.worst("bond length"));
        assertArrayEquals(new int[] {1, 2}, a.worst("charge"));
        assertArrayEquals(new int[] {1}, a.repeatedlyWorst(2));
        assertArrayEquals(new int[] {0, 2, 1, 1}, a.rankCount());

        EnergyGrid g = EnergyGrid.uniform(0, 1, 2);
        SpectrumMatrix test = SpectrumMatrix.of(g, new float[][] {{0, 0}, {1, 1}, {0, 0}, {0, 0}});
        SpectrumMatrix train = SpectrumMatrix.of(g, new float[][] {{5, 5}, {1, 1.1f}, {1.2f, 1}, {0, 0}});
        double[][] trT = {{9, 9}, {2, 3}, {4, 5}, {6, 7}}, trP = {{9, 9}, {2.5, 3.5}, {4.5, 5.5}, {6.5, 7.5}};
        MispredictionAnalysis.NeighbourTable nt = MispredictionAnalysis.nearestTraining(props, 1, 3, test, t, p, train, trT, trP);
        assertArrayEquals(new int[] {1, 2, 3}, nt.neighbours());
        assertEquals(Math.hypot(0, 0.1), nt.distances()[0], 1e-6);
        assertEquals(Math.sqrt(2), nt.distances()[2], 1e-6);
        assertEquals(4, nt.table().rowCount());
        assertEquals(6, nt.table().columnCount());
        assertEquals("Predicted", nt.table().stringColumn("value").get(1));
        assertEquals(1.5, nt.table().doubleColumn(2).get(1), 1e-12);
        assertEquals(2.0, nt.table().doubleColumn(3).get(0), 1e-12);
        assertEquals(4.5, nt.table().doubleColumn(4).get(1), 1e-12);
        assertTrue(nt.table().columnNames().get(3).startsWith("1st closest"));
    }

    @Test
    void extrapolationMarkerRatioAndGpCurve() {
        SplittableRandom r = new SplittableRandom(9);
        int n = 400;
        double[] dq = new double[n], se = new double[n];
        for (int j = 0; j < n; j++) {
            dq[j] = -0.2 * r.nextDouble();
            se[j] = (dq[j] > -0.1 ? 0.03 : 0.2) + 0.005 * (r.nextDouble() - 0.5);
        }
        ExtrapolationAnalysis ex = ExtrapolationAnalysis.of(dq, se, ExtrapolationAnalysis.Options.of(0.05, 0.0, 1));
        assertEquals(4, ex.binCentres().length);
        assertEquals(-0.025, ex.binCentres()[0], 1e-12);
        assertEquals(1.0, ex.matchRatio()[0], 0);
        assertEquals(1.0, ex.matchRatio()[1], 0);
        assertEquals(0.0, ex.matchRatio()[2], 0);
        assertEquals(-0.1, ex.marker(), 1e-12);
        assertEquals(0.5, ex.reliableFraction(), 0.01);
        int sum = 0;
        for (int c : ex.binCounts()) sum += c;
        assertEquals(n, sum);
        // GP mean follows the two plateaus away from the step
        int near0 = ex.curveX().length - 5, far = 5;
        assertEquals(0.03, ex.curveMean()[near0], 0.01);
        assertEquals(0.2, ex.curveMean()[far], 0.01);
        assertTrue(ex.curveLower()[far] <= ex.curveMean()[far] && ex.curveUpper()[far] >= ex.curveMean()[far]);
        assertEquals(ex.outliers(), n - (long) (ex.binCounts()[0] + ex.binCounts()[1]));
    }
}
