package org.coreloss.fit;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The sandwich covariance of the local fit against the spread of least-squares estimates over many noise draws: a
 * straight line fitted to 400 points whose noise grows along the axis (as counting noise grows with intensity), and
 * the same line under one noise level.
 */
class RobustCovarianceTest {
    private static double[] empiricalAndMeans(boolean heteroscedastic) {
        int n = 400, draws = 3000;
        double[][] jac = new double[n][2];
        double[] x = new double[n], sd = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / (n - 1.0);
            jac[i][0] = 1;
            jac[i][1] = x[i];
            sd[i] = heteroscedastic ? 0.01 * (0.1 + 4 * x[i] * x[i]) : 0.01;
        }
        double s00 = n, s01 = 0, s11 = 0;
        for (double v : x) { s01 += v; s11 += v * v; }
        double det = s00 * s11 - s01 * s01;
        SplittableRandom rnd = new SplittableRandom(42);
        double sumB = 0, sumB2 = 0, robust = 0, plain = 0;
        double[] y = new double[n], r = new double[n];
        for (int d = 0; d < draws; d++) {
            double t0 = 0, t1 = 0;
            for (int i = 0; i < n; i++) {
                y[i] = 0.3 + 2.0 * x[i] + sd[i] * gaussian(rnd);
                t0 += y[i];
                t1 += x[i] * y[i];
            }
            double a = (s11 * t0 - s01 * t1) / det, b = (s00 * t1 - s01 * t0) / det;
            double rss = 0;
            for (int i = 0; i < n; i++) { r[i] = y[i] - a - b * x[i]; rss += r[i] * r[i]; }
            sumB += b;
            sumB2 += b * b;
            robust += Fitter.robustCovariance(jac, new double[] {1, 1}, r, Fitter.ROBUST_HALF_WINDOW)[1][1];
            plain += Fitter.covariance(jac, new double[] {1, 1}, Math.sqrt(rss / (n - 2)))[1][1];
        }
        double mean = sumB / draws;
        return new double[] {sumB2 / draws - mean * mean, robust / draws, plain / draws};
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void sandwichMatchesTheSpreadUnderCountingLikeNoiseWherePlainLaplaceIsTooNarrow() {
        double[] e = empiricalAndMeans(true);
        assertEquals(1.0, e[1] / e[0], 0.12, "robust variance / empirical variance of the slope");
        assertTrue(e[2] / e[0] < 0.75, "plain sigma^2 (J^T J)^-1 should be too narrow here: ratio " + e[2] / e[0]);
    }

    @Test
    void sandwichAgreesWithPlainLaplaceUnderOneNoiseLevel() {
        double[] e = empiricalAndMeans(false);
        assertEquals(1.0, e[1] / e[0], 0.12, "robust / empirical");
        assertEquals(1.0, e[2] / e[0], 0.12, "plain / empirical");
    }
}
