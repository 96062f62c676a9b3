package org.coreloss.fit;

import org.coreloss.data.io.ColumnSpectrum;
import org.coreloss.multiplet.Ions;
import org.coreloss.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class FitTest {
    /** A fixed Ni2+ truth: Dq 0.12, Ds 0.1, Dt 0.05 eV, S1 0.75, S2 0.85, 300 K, Gaussian 0.15, gamma 0.45/0.7 eV, shift 0.2 eV. */
    static double[] niTruth() {
        double[] th = FitSetup.simulated("Ni2+", 300).startVector();
        double[] v = {0.12, 0.1, 0.05, 0.75, 0.85, 300, 0.15, 0.45, 0.7, 0.2};
        System.arraycopy(v, 0, th, 0, v.length);
        return th;
    }

    @Test void recoversNoiselessNi2Parameters() {
        double[] truth = niTruth();
        ColumnSpectrum data = Calibration.simulate("Ni2+", truth, 0, 1);
        FitResult r = Fitter.fit(data, FitSetup.simulated("Ni2+", 300), FitOptions.defaults(3).withSampler(FitOptions.Sampling.NONE));
        double[] tol = {0.002, 0.01, 0.01, 0.005, 0.005, 0, 0.01, 0.01, 0.01, 0.005};
        for (int i = 0; i < tol.length; i++) {
            if (i == SpectrumModel.T) continue;
            String n = SpectrumModel.NAMES.get(i);
            assertEquals(truth[i], r.best(n), tol[i], n + ": " + r);
        }
        assertEquals(truth[SpectrumModel.SCALE], r.best("scale"), 1e-3 * truth[SpectrumModel.SCALE]);
        assertTrue(r.seExp() < 1e-3, "SE " + r.seExp());
        assertFalse(r.poorFit());
    }

    @Test void sameSeedSameNumbers() {
        double[] truth = niTruth();
        ColumnSpectrum data = Calibration.simulate("Ni2+", truth, 100, 7);
        FitOptions o = FitOptions.defaults(11).withSteps(30, 40).withGlobal(150, 1);
        FitSetup s = FitSetup.simulated("Ni2+", 300);
        FitResult a = Fitter.fit(data, s, o), b = Fitter.fit(data, s, o), c = Fitter.fit(data, s, o.withSeed(12));
        assertArrayEquals(a.bestVector(), b.bestVector(), 0);
        for (int i = 0; i < a.summaries().size(); i++) {
            assertEquals(a.summaries().get(i), b.summaries().get(i));
        }
        assertNotEquals(a.summary("dq_eV").median(), c.summary("dq_eV").median());
        // 10Dq within 0.05 eV at SNR 100 and the interval contains the truth or is close
        assertEquals(truth[0], a.summary("dq_eV").median(), 0.005);
    }

    @Test void energyRangeWithoutTheEdgeIsRefused() {
        ColumnSpectrum data = Calibration.simulate("Ni2+", niTruth(), 0, 1);
        FitException e = assertThrows(FitException.class, () -> Fitter.fit(data, FitSetup.simulated("Ti2+", 300), FitOptions.defaults(1)));
        assertTrue(e.getMessage().contains("Ti2+") && e.getMessage().contains("L3 edge"), e.getMessage());
        ColumnSpectrum l2only = data.crop(866, 900);
        assertThrows(FitException.class, () -> Fitter.fit(l2only, FitSetup.simulated("Ni2+", 300), FitOptions.defaults(1)));
    }

    @Test void tooFewPointsConstantOrBadSettingsAreRefused() {
        double[] e = {850, 851, 852, 853, 854, 855};
        assertThrows(FitException.class, () -> Fitter.fit(ColumnSpectrum.of("six", e, new double[] {0, 1, 2, 3, 2, 1}),
                FitSetup.simulated("Ni2+", 300), FitOptions.defaults(1)));
        double[] e2 = new double[50], flat = new double[50];
        for (int i = 0; i < 50; i++) e2[i] = 850 + 0.2 * i;
        assertThrows(FitException.class, () -> Fitter.fit(ColumnSpectrum.of("flat", e2, flat), FitSetup.simulated("Ni2+", 300), FitOptions.defaults(1)));
        assertThrows(FitException.class, () -> FitSetup.measured("Ni2+").apply(List.of("dq_eV=abc")));
        assertThrows(FitException.class, () -> FitSetup.measured("Ni2+").fix("no_such", 1));
        assertThrows(FitException.class, () -> FitSetup.measured("Ni2+").free("dq_eV", 0.3, 0.1));
        assertThrows(FitException.class, () -> FitOptions.defaults(1).withNoise(FitOptions.Noise.GIVEN, -1));
    }

    @Test void candidateThatCannotFitIsListedWithItsErrorAndJunkIsFlaggedPoor() {
        ColumnSpectrum data = Calibration.simulate("Ni2+", niTruth(), 200, 3);
        FitOptions o = FitOptions.defaults(2).withSampler(FitOptions.Sampling.NONE).withGlobal(100, 1);
        IonRanking r = IonRanking.rank(data, List.of("Ti2+", "Ni2+"), FitSetup.simulated("Ni2+", 300), o, ProgressListener.NONE);
        assertEquals("Ni2+", r.best().ion());
        assertNull(r.entries().get(1).fit());
        assertTrue(r.entries().get(1).error().contains("Ti2+"));
        // a saw-tooth at the Ni edge is no multiplet spectrum
        double[] e = Calibration.seed003Energies(Ions.get("Ni2+")), y = new double[e.length];
        for (int i = 0; i < y.length; i++) y[i] = (i % 50) / 50.0;
        FitResult junk = Fitter.fit(ColumnSpectrum.of("saw", e, y), FitSetup.simulated("Ni2+", 300), o);
        assertTrue(junk.poorFit(), junk.toString());
    }

    @Test void samplerRecoversAGaussian() {
        double[][] start = new double[16][];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < start.length; i++) start[i] = new double[] {r.nextDouble() - 0.5, r.nextDouble() - 0.5};
        // N(mean (1, -2), sd (1, 3), correlation 0.8)
        EnsembleSampler.Chain c = new EnsembleSampler().run(x -> {
            double a = (x[0] - 1) / 1.0, b = (x[1] + 2) / 3.0, rho = 0.8;
            return -0.5 * (a * a - 2 * rho * a * b + b * b) / (1 - rho * rho);
        }, start, 500, 4000, 5, null);
        double[][] s = c.pooled();
        double m0 = 0, m1 = 0;
        for (double[] x : s) { m0 += x[0] / s.length; m1 += x[1] / s.length; }
        double v0 = 0, v1 = 0, cov = 0;
        for (double[] x : s) { v0 += (x[0] - m0) * (x[0] - m0) / s.length; v1 += (x[1] - m1) * (x[1] - m1) / s.length; cov += (x[0] - m0) * (x[1] - m1) / s.length; }
        assertEquals(1, m0, 0.1);
        assertEquals(-2, m1, 0.3);
        assertEquals(1, Math.sqrt(v0), 0.1);
        assertEquals(3, Math.sqrt(v1), 0.3);
        assertEquals(0.8, cov / Math.sqrt(v0 * v1), 0.05);
        assertTrue(c.acceptanceFraction() > 0.2 && c.acceptanceFraction() < 0.9);
    }

    @Test void emulatorIsExactForAQuadratic() {
        double[] x0 = {1, 2, 3};
        double[][] l = {{0.5, 0, 0}, {0.1, 0.2, 0}, {0, 0.3, 1}};
        SplittableRandom r = new SplittableRandom(4);
        int n = 30;
        double[][] xs = new double[n][], ys = new double[n][];
        java.util.function.Function<double[], double[]> f = x -> new double[] {1 + x[0] * x[1] - 3 * x[2] * x[2], x[0] - x[1]};
        for (int i = 0; i < n; i++) {
            xs[i] = new double[] {r.nextDouble() * 3, r.nextDouble() * 3, r.nextDouble() * 3};
            ys[i] = f.apply(xs[i]);
        }
        QuadraticEmulator em = QuadraticEmulator.fit(x0, l, xs, ys, 100);
        double[] p = {0.7, 1.9, 2.2};
        assertArrayEquals(f.apply(p), em.evaluate(p), 1e-4);
    }
}
