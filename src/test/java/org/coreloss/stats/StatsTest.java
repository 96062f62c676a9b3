package org.coreloss.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatsTest {

    private static double gauss(SplittableRandom r) {
        // Box-Muller
        double u1 = r.nextDouble(), u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Test
    void kmeansRecoversTwoSeparatedClusters() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 300;
        double[] e = new double[n];
        for (int i = 0; i < n; i++) e[i] = i < 200 ? 640 + 0.8 * gauss(r) : 651 + 0.8 * gauss(r);
        KMeans.Result res = KMeans.fit1D(e, KMeans.Options.of(2, 42));
        double c0 = res.centroids()[0][0], c1 = res.centroids()[1][0];
        double lo = Math.min(c0, c1), hi = Math.max(c0, c1);
        assertEquals(640, lo, 0.3);
        assertEquals(651, hi, 0.3);
        int first = res.labels()[0];
        for (int i = 0; i < n; i++) assertEquals(i < 200, res.labels()[i] == first, "point " + i);
        // deterministic
        KMeans.Result again = KMeans.fit1D(e, KMeans.Options.of(2, 42));
        assertArrayEquals(res.labels(), again.labels());
        assertEquals(res.inertia(), again.inertia(), 0);
    }

    @Test
    void kmeansInertiaOnHandExample() {
        double[][] p = {{0, 0}, {0, 2}, {10, 0}, {10, 2}};
        KMeans.Result res = KMeans.fit(p, KMeans.Options.of(2, 1));
        assertEquals(4.0, res.inertia(), 1e-12); // each point is 1 from its centre
        assertArrayEquals(new int[] {2, 2}, res.sizes());
    }

    @Test
    void kde1DIntegratesToOne() {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[500];
        for (int i = 0; i < x.length; i++) x[i] = (i % 2 == 0 ? -2 : 3) + gauss(r);
        for (Bandwidth b : Bandwidth.values()) {
            KernelDensity1D kde = KernelDensity1D.fit(x, b);
            double dx = 0.01, s = 0;
            for (double t = -15; t <= 15; t += dx) s += kde.density(t) * dx;
            assertEquals(1.0, s, 1e-3, b.name());
        }
    }

    @Test
    void bandwidthRulesOnKnownData() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double s = Math.sqrt(Moments.variance(x)); // 3.0277
        assertEquals(1.06 * s * Math.pow(10, -0.2), Bandwidth.SCOTT.bandwidth1D(x), 1e-12);
        // IQR (type 7) = 7.75 - 3.25 = 4.5; 4.5/1.34 = 3.358 > s
        assertEquals(0.9 * s * Math.pow(10, -0.2), Bandwidth.SILVERMAN.bandwidth1D(x), 1e-12);
        assertEquals(Math.pow(100, -1.0 / 6), Bandwidth.SCOTT.factor(100, 2), 1e-12);
        assertEquals(Bandwidth.SCOTT.factor(100, 2), Bandwidth.SILVERMAN.factor(100, 2), 1e-12);
    }

    @Test
    void kde2DIntegratesToOneFullAndDiagonal() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 300;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = gauss(r), b = gauss(r);
            x[i] = 640 + 2 * a;
            y[i] = 0.1 + 0.03 * (0.7 * a + 0.3 * b);
        }
        for (KernelDensity2D.Shape shape : KernelDensity2D.Shape.values()) {
            KernelDensity2D kde = KernelDensity2D.fit(x, y, Bandwidth.SCOTT, shape);
            int m = 160;
            double x0 = 625, x1 = 655, y0 = -0.15, y1 = 0.35, dx = (x1 - x0) / m, dy = (y1 - y0) / m, s = 0;
            for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) s += kde.density(x0 + (i + 0.5) * dx, y0 + (j + 0.5) * dy) * dx * dy;
            assertEquals(1.0, s, 5e-3, shape.name());
        }
        double[] hDiag = KernelDensity2D.fit(x, y, Bandwidth.SCOTT, KernelDensity2D.Shape.DIAGONAL).bandwidthMatrix();
        assertEquals(0.0, hDiag[1], 0);
        double[] hFull = KernelDensity2D.fit(x, y, Bandwidth.SCOTT, KernelDensity2D.Shape.FULL).bandwidthMatrix();
        assertTrue(hFull[1] > 0, "positively correlated data give a positive off-diagonal");
        assertEquals(hDiag[0], hFull[0], 1e-15);
    }

    @Test
    void gpRecoversKnownFunctionInsideBand() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 60;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -3 + 6 * r.nextDouble();
            y[i] = Math.sin(2 * x[i]) + 0.5 * x[i] + 0.1 * gauss(r);
        }
        GaussianProcess gp = GaussianProcess.fit(x, y);
        double[] q = new double[101];
        for (int i = 0; i < q.length; i++) q[i] = -2.5 + 5.0 * i / 100;
        GaussianProcess.Prediction p = gp.predict(q);
        int inside = 0;
        double maxErr = 0;
        double[] lo = p.lower95(), hi = p.upper95();
        for (int i = 0; i < q.length; i++) {
            double f = Math.sin(2 * q[i]) + 0.5 * q[i];
            if (f >= lo[i] && f <= hi[i]) inside++;
            maxErr = Math.max(maxErr, Math.abs(p.mean()[i] - f));
        }
        assertTrue(inside >= 90, "true function inside 95 % band at " + inside + " of 101 points");
        assertTrue(maxErr < 0.15, "max error " + maxErr);
        assertEquals(0.1, gp.hyperparameters().noiseStd() * Math.sqrt(Moments.variance(y)), 0.05, "noise level recovered");
        // the band widens far outside the data
        GaussianProcess.Prediction far = gp.predict(new double[] {10});
        assertTrue(far.std()[0] > 5 * p.std()[50]);
    }

    @Test
    void pearsonOnTextbookData() {
        // Anscombe's quartet, set I: r = 0.81642, p = 0.00217
        double[] x = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
        double[] y = {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};
        Pearson p = Pearson.of(x, y);
        assertEquals(0.81642, p.r(), 1e-5);
        assertEquals(0.00217, p.pValue(), 2e-5);
        assertEquals(-1.0, Pearson.of(new double[] {1, 2, 3, 4}, new double[] {8, 6, 4, 2}).r(), 1e-12);
        assertTrue(Double.isNaN(Pearson.of(new double[] {1, 1, 1}, new double[] {1, 2, 3}).r()));
    }
}
