package org.coreloss.multiplet;

import org.coreloss.progress.ProgressListener;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Solver paths, symmetry shortcuts, caching, the batch API and the output window agree. */
class MultipletEngineTest {
    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    static double[] unnormalised(MultipletEngine e, Ion ion, MultipletParameters p) {
        return MultipletEngine.broaden(ion, e.sticks(ion, p), p, SpectrumWindow.seed003(ion), false);
    }

    @Test
    void blockedAndDenseSolversGiveTheSameSpectrum() {
        MultipletEngine blocked = new MultipletEngine();
        MultipletEngine denseReal = new MultipletEngine(MultipletEngine.Options.defaults().withSolver(Solver.DENSE_REAL));
        MultipletEngine denseComplex = new MultipletEngine(MultipletEngine.Options.defaults().withSolver(Solver.DENSE_COMPLEX));
        MultipletParameters p = MultipletParameters.of(0.13, 0.2, -0.1, 0.85, 0.7, 300, 0.1, 0.3, 0.5);
        for (String name : new String[]{"V3+", "Co2+", "Ni3+", "Mn3+", "Fe3+"}) {   // d2, d7, d7, d4, d5: the d4/d5 blocks are the largest
            Ion ion = Ions.get(name);
            for (MultipletParameters q : new MultipletParameters[]{p, p.withMagneticFieldTesla(20)}) {
                double[] a = unnormalised(blocked, ion, q);
                double[] b = unnormalised(denseReal, ion, q);
                double[] c = unnormalised(denseComplex, ion, q);
                double peak = 0;
                for (double v : a) peak = Math.max(peak, v);
                assertTrue(maxAbsDiff(a, b) < 1e-8 * peak, name + " blocked vs dense real");
                assertTrue(maxAbsDiff(a, c) < 1e-8 * peak, name + " blocked vs dense complex");
            }
        }
    }

    @Test
    void fallbackSolversForBrokenNativeRealKernelsAgree() {
        assertTrue(Lapack.realLapackHealthy(), "this machine's native real kernels pass the self-test (OPENBLAS_CORETYPE set by the build)");
        Ion ion = Ions.get("Co2+");
        MultipletParameters p = MultipletParameters.of(0.12, 0.1, 0.03, 0.8, 0.8, 400, 0.1, 0.4, 0.6);
        double[] blocked = unnormalised(new MultipletEngine(), ion, p);
        double[] dense = unnormalised(new MultipletEngine(MultipletEngine.Options.defaults().withSolver(Solver.DENSE_REAL)), ion, p);
        double[] fbBlocked, fbDense;
        Lapack.simulateBrokenRealKernels = true;
        try {
            fbBlocked = unnormalised(new MultipletEngine(), ion, p); // final blocks by zheevd
            fbDense = unnormalised(new MultipletEngine(MultipletEngine.Options.defaults().withSolver(Solver.DENSE_REAL)), ion, p); // H_i (120) by Hipparchus
        } finally {
            Lapack.simulateBrokenRealKernels = false;
        }
        double peak = 0;
        for (double v : blocked) peak = Math.max(peak, v);
        assertTrue(maxAbsDiff(blocked, fbBlocked) < 1e-8 * peak);
        assertTrue(maxAbsDiff(dense, fbDense) < 1e-8 * peak);
        assertTrue(maxAbsDiff(blocked, dense) < 1e-8 * peak);
    }

    @Test
    void cachedDiagonalisationIsReusedAndGivesIdenticalResults() {
        Ion ion = Ions.get("Fe3+");
        MultipletEngine cached = new MultipletEngine();
        MultipletEngine fresh = new MultipletEngine(MultipletEngine.Options.defaults().withCacheSize(0));
        MultipletParameters p = MultipletParameters.of(0.1, 0.05, 0.02, 0.8, 0.8, 10, 0.1, 0.3, 0.5);
        Diagonalisation d1 = cached.diagonalisation(ion, p);
        Diagonalisation d2 = cached.diagonalisation(ion, p.withTemperatureK(500).withBroadening(0.2, 0.6, 0.9));
        assertTrue(d1 == d2, "only temperature/broadening changed: the diagonalisation is reused");
        assertTrue(d1 != cached.diagonalisation(ion, p.withBzEv(1e-4)), "a different Hamiltonian is not");
        MultipletParameters q = p.withTemperatureK(500);
        cached.spectrum(ion, p);
        assertArrayEquals(fresh.spectrum(ion, q).intensities(), cached.spectrum(ion, q).intensities());
    }

    @Test
    void batchApiMatchesSingleSpectraAndReportsProgress() {
        Ion ion = Ions.get("Ni2+");
        MultipletEngine e = new MultipletEngine();
        List<MultipletParameters> ps = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ps.add(MultipletParameters.of(0.02 * i / 1.2, -0.3 + 0.05 * i, 0.01 * i, 0.8, 0.7, 10 + 50 * i, 0.1, 0.4, 0.6));
        }
        AtomicLong last = new AtomicLong();
        ProgressListener pl = new ProgressListener() {
            @Override public void start(String task, long total) { assertEquals(12, total); }
            @Override public void advance(long done, String message) { last.accumulateAndGet(done, Math::max); }
            @Override public void finish() {}
        };
        SpectrumMatrix m = e.spectra(ion, ps, 2, pl);
        assertEquals(12, m.rows());
        assertEquals(501, m.channels());
        assertEquals(12, last.get());
        MultipletEngine other = new MultipletEngine();
        for (int i = 0; i < 12; i++) assertArrayEquals(other.spectrum(ion, ps.get(i)).intensities(), m.row(i));
    }

    @Test
    void seed003WindowAndBoxNormalisation() {
        Ion ion = Ions.get("Fe2+");
        MultipletSpectrum s = new MultipletEngine().spectrum(ion, MultipletParameters.of(0.1, 0.1, 0.05, 0.8, 0.8, 300, 0.1, 0.4, 0.6));
        assertEquals(501, s.channels());
        assertEquals(-ion.zeta2pEv() / 2 - 5, s.grid().minEv(), 1e-12);
        assertEquals(-ion.zeta2pEv() / 2 + 25, s.grid().maxEv(), 1e-9);
        assertEquals(0.06, s.grid().stepEv(), 1e-12);
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        int argmax = 0;
        for (int i = 0; i < s.channels(); i++) {
            min = Math.min(min, s.intensity(i));
            if (s.intensity(i) > max) {
                max = s.intensity(i);
                argmax = i;
            }
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        // the L3 maximum lies a little above the one-electron L3 level, inside the first third of the window
        double ePeak = s.grid().energyEv(argmax);
        assertTrue(ePeak > ion.l3EdgeRelativeEv() && ePeak < ion.l3EdgeRelativeEv() + 6, "L3 peak at " + ePeak);
    }

    @Test
    void everySeed003IonGivesAFiniteBoxNormalisedSpectrumAcrossTable1() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        MultipletEngine e = new MultipletEngine(MultipletEngine.Options.defaults().withCacheSize(0));
        for (Ion ion : Ions.seed003()) {
            MultipletParameters p = MultipletParameters.of(r.nextDouble(-0.2, 0.2), r.nextDouble(-1.4, 1.4),
                    r.nextDouble(-0.8, 0.8), r.nextDouble(0.6, 1.0), r.nextDouble(0.6, 1.0), r.nextDouble(1, 1000),
                    r.nextDouble(0.05, 0.2), r.nextDouble(0.3, 1.0), r.nextDouble(0.3, 1.2));
            float[] y = e.spectrum(ion, p).intensities();
            float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
            for (float v : y) {
                assertTrue(Float.isFinite(v), ion.name());
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertEquals(0f, min, ion.name());
            assertEquals(1f, max, ion.name());
        }
    }

    @Test
    void switchEnergySelectsTheL2Width() {
        Ion ion = Ions.get("Ni2+");
        MultipletEngine e = new MultipletEngine();
        MultipletParameters narrowL2 = MultipletParameters.of(0.1, 0, 0, 0.8, 0.8, 10, 0, 0.5, 0.3);
        MultipletParameters wideL2 = MultipletParameters.of(0.1, 0, 0, 0.8, 0.8, 10, 0, 0.5, 1.0);
        double[] a = unnormalised(e, ion, narrowL2);
        double[] b = unnormalised(e, ion, wideL2);
        SpectrumWindow w = SpectrumWindow.seed003(ion);
        double es = MultipletEngine.switchEnergyEv(ion, narrowL2);
        assertEquals(ion.zeta2pEv() / 4, es, 1e-12);
        int js = (int) Math.ceil((es - w.startEv()) / w.stepEv());
        double belowDiff = 0, l2a = 0, l2b = 0;
        for (int j = 0; j < js; j++) belowDiff = Math.max(belowDiff, Math.abs(a[j] - b[j]));
        for (int j = js; j < a.length; j++) {
            l2a = Math.max(l2a, a[j]);
            l2b = Math.max(l2b, b[j]);
        }
        assertTrue(belowDiff < 1e-12, "below the switch the L3 width alone matters");
        assertTrue(l2b < 0.7 * l2a, "a wider L2 Lorentzian lowers the L2 maximum: " + l2a + " -> " + l2b);
    }
}
