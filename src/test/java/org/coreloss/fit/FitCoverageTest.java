package org.coreloss.fit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.coreloss.multiplet.Broadening;
import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.multiplet.StickSpectrum;
import org.coreloss.progress.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Calibration of the sampler where the exact answer is known, smoothness of the model in the energy shift,
 * and independence of the calibration's numbers from its thread count.
 */
class FitCoverageTest {
    private static final double Z90 = 1.6448536269514722;

    /**
     * Linear-Gaussian toy: y = a + b x + c x^2 + noise (sigma known, flat prior), whose posterior is exactly
     * N(beta_hat, sigma^2 (X^T X)^-1). Over 150 seeded data sets the sampler's 90 % intervals must match
     * the exact ones in width and position, and contain the truth about 90 % of the time.
     */
    @Test void samplerIntervalsMatchTheExactPosteriorOfALinearGaussianModel() {
        int n = 40, reps = 150, k = 3;
        double sigma = 0.1;
        double[] truth = {0.3, -1.2, 0.8};
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = -1 + 2.0 * i / (n - 1);
        double[][] xtx = new double[k][k];
        for (int i = 0; i < n; i++) {
            double[] f = {1, x[i], x[i] * x[i]};
            for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) xtx[a][b] += f[a] * f[b];
        }
        double[][] inv = org.hipparchus.linear.MatrixUtils.inverse(org.hipparchus.linear.MatrixUtils.createRealMatrix(xtx)).getData();
        double[] sdExact = new double[k];
        for (int a = 0; a < k; a++) sdExact[a] = sigma * Math.sqrt(inv[a][a]);
        int covered = 0, total = 0;
        double widthRatioSum = 0, maxCentreOffset = 0, maxWidthDev = 0;
        for (int rep = 0; rep < reps; rep++) {
            SplittableRandom r = new SplittableRandom(1000 + rep);
            double[] y = new double[n];
            double[] noise = Fitter.gaussian(r, n, sigma);
            for (int i = 0; i < n; i++) y[i] = truth[0] + truth[1] * x[i] + truth[2] * x[i] * x[i] + noise[i];
            double[] xty = new double[k];
            for (int i = 0; i < n; i++) { xty[0] += y[i]; xty[1] += x[i] * y[i]; xty[2] += x[i] * x[i] * y[i]; }
            double[] hat = new double[k];
            for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) hat[a] += inv[a][b] * xty[b];
            double[] yy = y;
            java.util.function.ToDoubleFunction<double[]> logp = p -> {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double d = yy[i] - p[0] - p[1] * x[i] - p[2] * x[i] * x[i];
                    s += d * d;
                }
                return -0.5 * s / (sigma * sigma);
            };
            // walkers in a small ball around the least-squares answer (as the fit starts them), not the exact covariance
            double[][] start = new double[16][];
            for (int w = 0; w < start.length; w++) {
                double[] z = Fitter.gaussian(r, k, 0.3);
                start[w] = new double[k];
                for (int a = 0; a < k; a++) start[w][a] = hat[a] + z[a] * sdExact[a];
            }
            double[][] s = new EnsembleSampler().run(logp, start, 300, 500, 77 + rep, null).pooled();
            for (int a = 0; a < k; a++) {
                double[] col = new double[s.length];
                for (int j = 0; j < s.length; j++) col[j] = s[j][a];
                Arrays.sort(col);
                double lo = Fitter.quantile(col, 0.05), hi = Fitter.quantile(col, 0.95);
                double loExact = hat[a] - Z90 * sdExact[a], hiExact = hat[a] + Z90 * sdExact[a];
                widthRatioSum += (hi - lo) / (hiExact - loExact);
                maxCentreOffset = Math.max(maxCentreOffset, Math.abs(0.5 * (lo + hi) - hat[a]) / sdExact[a]);
                maxWidthDev = Math.max(maxWidthDev, Math.abs((hi - lo) / (hiExact - loExact) - 1));
                if (truth[a] >= lo && truth[a] <= hi) covered++;
                total++;
            }
        }
        double coverage = covered / (double) total, meanWidthRatio = widthRatioSum / total;
        // exact intervals cover 0.9; 450 intervals (150 sets x 3 correlated parameters): allow about +-3 binomial sd
        assertTrue(coverage > 0.86 && coverage < 0.94, "coverage90 " + coverage);
        assertEquals(1.0, meanWidthRatio, 0.03, "mean width / exact width");
        assertTrue(maxWidthDev < 0.25, "largest width deviation " + maxWidthDev);
        assertTrue(maxCentreOffset < 0.3, "largest interval-centre offset " + maxCentreOffset + " sd");
    }

    /** Largest over consecutive shifts of the change of the model (max norm), divided by its median. */
    private static double stepJumpRatio(SpectrumModel m, double[] th0, double fromEv, double toEv, double stepEv) {
        int steps = (int) Math.round((toEv - fromEv) / stepEv);
        double[] d = new double[steps];
        double[] th = th0.clone();
        th[SpectrumModel.SHIFT] = fromEv;
        double[] prev = m.evaluate(th);
        for (int j = 0; j < steps; j++) {
            th[SpectrumModel.SHIFT] = fromEv + (j + 1) * stepEv;
            double[] cur = m.evaluate(th);
            double mx = 0;
            for (int i = 0; i < cur.length; i++) mx = Math.max(mx, Math.abs(cur[i] - prev[i]));
            d[j] = mx;
            prev = cur;
        }
        double max = Arrays.stream(d).max().orElse(0);
        Arrays.sort(d);
        return max / d[d.length / 2];
    }

    /**
     * The model is smooth in the shift: small shift steps give changes of the same size everywhere (no jump
     * where a grid point crosses the L3/L2 width switch). The engine's per-output-energy width switch, used
     * on the same moving grid, jumps: checked too, so the test can fail.
     */
    @Test void modelIsSmoothInTheShift() {
        Ion ion = Ions.get("Ni2+");
        double[] th = FitTest.niTruth();
        th[SpectrumModel.GAMMA1] = 0.3;
        th[SpectrumModel.GAMMA2] = 0.9;
        th[SpectrumModel.SCALE] = 1;
        double[] e = Calibration.seed003Energies(ion);
        SpectrumModel smooth = new SpectrumModel(new EngineForwardModel(ion), e);
        double ratio = stepJumpRatio(smooth, th, 0.0, 0.07, 0.0001);
        assertTrue(ratio < 2, "largest / median model change per 0.1 meV shift step (range 0-0.07 eV holds a crossing of the 0.06 eV grid): " + ratio);

        EngineForwardModel engine = new EngineForwardModel(ion);
        ForwardModel perOutputEnergy = new ForwardModel() {
            @Override public Ion ion() { return ion; }
            @Override public String kind() { return "engine width switch by output energy"; }
            @Override public double[] lineShape(MultipletParameters p, double startEv, double stepEv, int n) {
                StickSpectrum s = engine.sticks(p);
                double[] x = new double[n];
                for (int j = 0; j < n; j++) x[j] = startEv + j * stepEv;
                return Broadening.lorentzian(s.energiesEv(), s.intensities(), x, p.gamma1FwhmEv(), p.gamma2FwhmEv(),
                        MultipletEngine.switchEnergyEv(ion, p));
            }
        };
        double jumpy = stepJumpRatio(new SpectrumModel(perOutputEnergy, e), th, 0.0, 0.07, 0.0001);
        assertTrue(jumpy > 5, "the output-energy width switch should jump: " + jumpy + " (smooth: " + ratio + ")");
    }

    /** The central-difference Jacobian agrees with a much finer central difference and beats a forward difference. */
    @Test void centralJacobianIsSecondOrder() {
        Ion ion = Ions.get("Ni2+");
        double[] th = FitTest.niTruth();
        th[SpectrumModel.SCALE] = 1;
        SpectrumModel m = new SpectrumModel(new EngineForwardModel(ion), Calibration.seed003Energies(ion));
        FitSetup setup = FitSetup.simulated("Ni2+", 300);
        int[] free = setup.freeIndices();
        double[] scales = new double[free.length], centre = new double[free.length], v = new double[free.length];
        for (int i = 0; i < free.length; i++) { scales[i] = 0.1; centre[i] = th[free[i]]; }
        double[][] j = Fitter.centralJacobian(m, setup.parameters(), free, th, centre, scales, v);
        int c = Arrays.binarySearch(free, SpectrumModel.SHIFT);
        assertTrue(c >= 0);
        // reference: Richardson-free fine central difference in the shift (0.1 * 1e-6 eV step)
        double h = 1e-6;
        double[] a = th.clone(), b = th.clone();
        a[SpectrumModel.SHIFT] += 0.1 * h;
        b[SpectrumModel.SHIFT] -= 0.1 * h;
        double[] ma = m.evaluate(a), mb = m.evaluate(b);
        double err = 0, norm = 0;
        for (int i = 0; i < ma.length; i++) {
            double ref = (ma[i] - mb[i]) / (2 * h);
            err = Math.max(err, Math.abs(j[i][c] - ref));
            norm = Math.max(norm, Math.abs(ref));
        }
        assertTrue(norm > 0);
        assertTrue(err < 1e-3 * norm, "central Jacobian error " + err + " of " + norm);
    }

    /** The calibration's per-case numbers do not depend on the number of threads. */
    @Test void calibrationIsIndependentOfThreads(@TempDir Path dir) throws Exception {
        FitOptions o = FitOptions.defaults(1).withSteps(20, 20).withGlobal(80, 1);
        Path one = dir.resolve("one"), three = dir.resolve("three");
        Map<String, Object> s1 = Calibration.run("Cu2+", 3, 50, 4, one, o, ProgressListener.NONE, 1);
        Map<String, Object> s3 = Calibration.run("Cu2+", 3, 50, 4, three, o, ProgressListener.NONE, 3);
        Map<Integer, JsonObject> c1 = cases(Calibration.casesFile(one, "Cu2+", 50)), c3 = cases(Calibration.casesFile(three, "Cu2+", 50));
        assertEquals(3, c1.size());
        assertEquals(c1.keySet(), c3.keySet());
        for (int i : c1.keySet()) assertEquals(c1.get(i), c3.get(i), "case " + i);
        for (String key : new String[] {"coverage90", "coverage90_min_parameter", "tendq_median_abs_error_ev", "cases"}) {
            assertEquals(s1.get(key), s3.get(key), key);
        }
        assertEquals(3, s3.get("threads"));
        assertThrows(FitException.class, () -> Calibration.run("Cu2+", 1, 50, 4, dir.resolve("zero"), o, ProgressListener.NONE, 0));
    }

    private static Map<Integer, JsonObject> cases(Path p) throws Exception {
        Map<Integer, JsonObject> m = new TreeMap<>();
        for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (l.isBlank()) continue;
            JsonObject o = JsonParser.parseString(l).getAsJsonObject();
            o.remove("seconds");
            o.remove("cpu_seconds");
            m.put(o.get("case").getAsInt(), o);
        }
        return m;
    }
}
