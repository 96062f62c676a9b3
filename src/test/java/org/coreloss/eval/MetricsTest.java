package org.coreloss.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class MetricsTest {

    @Test
    void regressionReportOnHandComputedExample() {
        double[][] t = {{1, 10}, {2, 10}, {3, 20}, {4, 20}};
        double[][] p = {{1.5, 10}, {2, 10}, {2.5, 20}, {5, 20}};
        RegressionReport r = RegressionReport.of(List.of("a", "b"), t, p);
        assertEquals(0.5, r.mae()[0], 1e-12);
        assertEquals(0.375, r.mse()[0], 1e-12);
        assertEquals(Math.sqrt(0.375), r.rmse()[0], 1e-12);
        assertEquals(0.7, r.r2()[0], 1e-12);
        assertEquals(0.0, r.mae()[1], 0);
        assertEquals(1.0, r.r2()[1], 0);
        Table tab = r.table();
        assertEquals(2, tab.rowCount());
        assertEquals(List.of("target", "n", "MAE", "MSE", "RMSE", "R2"), tab.columnNames());
        assertEquals(0.7, tab.doubleColumn("R2").get(0), 1e-12);
        assertEquals(1, r.indexOf("b"));
        assertThrows(IllegalArgumentException.class, () -> r.indexOf("c"));
    }

    @Test
    void regressionReportThroughPredictor() {
        Predictor twice = new Predictor() {
            public float[][] predict(float[][] in) {
                float[][] o = new float[in.length][1];
                for (int i = 0; i < in.length; i++) o[i][0] = 2 * in[i][0];
                return o;
            }
            public List<String> outputNames() { return List.of("y"); }
            public int inputSize() { return 1; }
            public int outputSize() { return 1; }
        };
        RegressionReport r = RegressionReport.evaluate(twice, new float[][] {{1}, {2}}, new float[][] {{2}, {5}});
        assertEquals(0.5, r.mae()[0], 1e-7);
        assertEquals(List.of("y"), r.targets());
    }

    @Test
    void seIsZeroForIdenticalAndHalfForDisjointSpectra() {
        double[] a = {0, 0.2, 1.0, 0.4, 0, 0};
        assertEquals(0.0, SpectrumError.se(a, a.clone()), 0);
        double[] p = {0.3, 0, 0, 0, 0.7, 1.0};
        assertEquals(SpectrumError.MAX_NON_NEGATIVE, SpectrumError.se(p, a), 1e-15);
        assertEquals(0.0, SpectrumError.se(new double[3], new double[3]), 0);
    }

    @Test
    void seOnHandExampleScaleInvarianceAndBounds() {
        assertEquals(1.0 / 6, SpectrumError.se(new double[] {1, 2, 3}, new double[] {1, 1, 1}), 1e-15);
        assertEquals(1.0 / 6, SpectrumError.se(new double[] {10, 20, 30}, new double[] {10, 10, 10}), 1e-15);
        // negative predicted intensities can push SE beyond the physical limit of 1/2
        assertEquals(1.5, SpectrumError.se(new double[] {-1, 0}, new double[] {0.5, 0}), 1e-15);
        SplittableRandom r = new SplittableRandom(1);
        for (int k = 0; k < 200; k++) {
            double[] x = new double[20], y = new double[20];
            for (int i = 0; i < 20; i++) { x[i] = r.nextDouble() < 0.3 ? 0 : r.nextDouble(); y[i] = r.nextDouble() < 0.3 ? 0 : r.nextDouble(); }
            double s = SpectrumError.se(x, y);
            assertTrue(s >= 0 && s <= 0.5 + 1e-15, "SE " + s);
            assertEquals(s, SpectrumError.se(y, x), 1e-15, "symmetric");
        }
    }

    @Test
    void seOfMatricesAndChannelStatistics() {
        EnergyGrid g = EnergyGrid.uniform(0, 2, 3);
        SpectrumMatrix ref = SpectrumMatrix.of(g, new float[][] {{1, 1, 1}, {0, 2, 0}});
        SpectrumMatrix pred = SpectrumMatrix.of(g, new float[][] {{1, 2, 3}, {0, 2, 0}});
        double[] se = SpectrumError.se(pred, ref);
        assertEquals(1.0 / 6, se[0], 1e-7);
        assertEquals(0.0, se[1], 0);
        assertArrayEquals(new double[] {0, 0.5, 1}, SpectrumError.channelSe(pred, ref), 1e-7);
        assertArrayEquals(new double[] {0.5, 1.5, 0.5}, SpectrumError.channelMean(ref), 1e-7);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, SpectrumError.channelStd(ref), 1e-7);
    }

    @Test
    void intervalsFollowFigure4Edges() {
        assertEquals(0, SeIntervals.intervalOf(0.0));
        assertEquals(0, SeIntervals.intervalOf(0.0299));
        assertEquals(1, SeIntervals.intervalOf(0.03));
        assertEquals(4, SeIntervals.intervalOf(0.0699));
        assertEquals(5, SeIntervals.intervalOf(0.07));
        assertEquals(5, SeIntervals.intervalOf(0.0999));
        assertEquals(6, SeIntervals.intervalOf(0.10));
        assertEquals(6, SeIntervals.intervalOf(3.0));
        assertEquals(6, SeIntervals.intervalOf(Double.NaN));
        SeIntervals iv = SeIntervals.of(new double[] {0.01, 0.02, 0.035, 0.065, 0.08, 0.2, 0.5});
        assertArrayEquals(new long[] {2, 1, 0, 0, 1, 1, 2}, iv.counts());
        assertEquals(5, iv.matches());
        assertEquals(2, iv.outliers());
        assertEquals(0.5, iv.maxSe(), 0);
        assertEquals(4.0 / 7, iv.goodFraction(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> SeIntervals.of(new double[] {-0.1}));
        SeIntervals withNaN = SeIntervals.of(new double[] {0.01, Double.NaN, 0.02});
        assertEquals(1, withNaN.outliers());
        assertTrue(Double.isNaN(withNaN.maxSe()));
    }

    @Test
    void peakMisfitFindsLargestAbsoluteDifference() {
        EnergyGrid g = EnergyGrid.uniform(700, 704, 5);
        PeakMisfit m = PeakMisfit.of(3, g, new double[] {0, 0.5, 0.2, 1.0, 0}, new double[] {0, 0.4, 0.9, 1.1, 0}, PeakMisfit.Mode.PEAK);
        assertEquals(2, m.channel());
        assertEquals(702.0, m.energyEv(), 0);
        assertEquals(0.7, m.value(), 1e-12);
        assertEquals(-0.7, m.signed(), 1e-12);
        assertEquals(3, m.spectrum());
    }

    @Test
    void cumulativeMisfitIsKolmogorovSmirnovOfNormalisedSpectra() {
        EnergyGrid g = EnergyGrid.uniform(0, 4, 5);
        // all weight early vs all weight late: cumulative distributions differ by up to 1
        double[] p = {1, 1, 0, 0, 0}, a = {0, 0, 0, 1, 1};
        PeakMisfit m = PeakMisfit.of(0, g, p, a, PeakMisfit.Mode.CUMULATIVE);
        assertEquals(1.0, m.value(), 1e-12);
        assertEquals(2, m.channel());
        PeakMisfit same = PeakMisfit.of(0, g, a, new double[] {0, 0, 0, 2, 2}, PeakMisfit.Mode.CUMULATIVE);
        assertEquals(0.0, same.value(), 1e-12, "scale invariant");
    }
}
