package org.coreloss.fit;

import org.coreloss.multiplet.Broadening;
import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.multiplet.StickSpectrum;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The multiplet engine as a {@link ForwardModel}. Stick spectra (eigen-solutions, Boltzmann-weighted)
 * are cached per (Dq, Ds, Dt, S1, S2, T) in an LRU cache, so changing only the widths, the energy
 * shift, the scale or the background never re-diagonalises. The line shape is the sticks normalised to
 * unit total intensity, Lorentzian-broadened per stick (each stick keeps one width: FWHM gamma1 for sticks
 * below the engine's L3/L2 switch energy, gamma2 for those above, see {@link #lorentzianPerStick}), then convolved with the Gaussian (FWHM) on the grid with a 4-sigma margin: the
 * engine's own {@code broaden} on an arbitrary window, so its area is about 1 (in 1/eV).
 */
public final class EngineForwardModel implements ForwardModel {
    private record Key(double dq, double ds, double dt, double s1, double s2, double t) {}

    private final Ion ion;
    private final MultipletEngine engine;
    private final int cacheSize;
    private final LinkedHashMap<Key, StickSpectrum> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long calls, nanos, hits;

    public EngineForwardModel(Ion ion) {
        this(ion, new MultipletEngine(), 256);
    }

    public EngineForwardModel(Ion ion, MultipletEngine engine, int cacheSize) {
        this.ion = Objects.requireNonNull(ion, "ion");
        this.engine = Objects.requireNonNull(engine, "engine");
        if (cacheSize < 0) throw new IllegalArgumentException("cacheSize = " + cacheSize + ", expected >= 0");
        this.cacheSize = cacheSize;
        engine.prepare(ion);
    }

    @Override public Ion ion() { return ion; }
    @Override public String kind() { return "engine"; }

    /** The cached (or newly computed) stick spectrum of these Hamiltonian parameters and temperature. */
    public synchronized StickSpectrum sticks(MultipletParameters p) {
        Key k = new Key(p.dqEv(), p.dsEv(), p.dtEv(), p.s1(), p.s2(), p.temperatureK());
        StickSpectrum s = cache.get(k);
        if (s != null) {
            hits++;
            return s;
        }
        long t0 = System.nanoTime();
        s = engine.sticks(ion, p);
        nanos += System.nanoTime() - t0;
        calls++;
        if (cacheSize > 0) {
            cache.put(k, s);
            while (cache.size() > cacheSize) cache.remove(cache.keySet().iterator().next());
        }
        return s;
    }

    @Override
    public double[] lineShape(MultipletParameters p, double startEv, double stepEv, int n) {
        StickSpectrum s = sticks(p);
        double total = s.totalIntensity();
        double[] w = s.intensities();
        if (total > 0) for (int i = 0; i < w.length; i++) w[i] /= total;
        int margin = gaussianMargin(stepEv, p.gaussianFwhmEv());
        double[] x = new double[n + 2 * margin];
        for (int j = 0; j < x.length; j++) x[j] = startEv + (j - margin) * stepEv;
        double[] y = lorentzianPerStick(s.energiesEv(), w, x, p.gamma1FwhmEv(), p.gamma2FwhmEv(),
                MultipletEngine.switchEnergyEv(ion, p));
        if (p.gaussianFwhmEv() > 0) y = Broadening.gaussian(y, stepEv, p.gaussianFwhmEv());
        return Arrays.copyOfRange(y, margin, margin + n);
    }

    /**
     * Lorentzian broadening with the width chosen per stick: a stick below {@code switchEv} gets the L3
     * FWHM {@code gamma1FwhmEv}, one at or above it the L2 FWHM {@code gamma2FwhmEv}, and its whole
     * profile keeps that width. (The engine's {@link Broadening#lorentzian} chooses the width by the output
     * energy, so the profile jumps where the output grid crosses the switch energy; with a grid that moves
     * with the fit's energy shift that made the model discontinuous in the shift.) Each profile has unit
     * area, so the line shape is a smooth function of the shift and of both widths.
     */
    static double[] lorentzianPerStick(double[] stickEnergiesEv, double[] stickIntensities, double[] energiesEv,
                                       double gamma1FwhmEv, double gamma2FwhmEv, double switchEv) {
        if (!(gamma1FwhmEv > 0) || !(gamma2FwhmEv > 0)) {
            throw new IllegalArgumentException("Lorentzian FWHM must be > 0 eV, got gamma1_fwhm_eV = " + gamma1FwhmEv
                    + ", gamma2_fwhm_eV = " + gamma2FwhmEv);
        }
        int n = energiesEv.length;
        double[] y = new double[n];
        for (int k = 0; k < stickEnergiesEv.length; k++) {
            double e0 = stickEnergiesEv[k];
            double h = (e0 < switchEv ? gamma1FwhmEv : gamma2FwhmEv) / 2, hs = h * h;
            double a = stickIntensities[k] * h / Math.PI;
            if (a == 0) continue;
            for (int j = 0; j < n; j++) {
                double x = energiesEv[j] - e0;
                y[j] += a / (x * x + hs);
            }
        }
        return y;
    }

    static int gaussianMargin(double stepEv, double fwhmEv) {
        if (fwhmEv <= 0) return 0;
        return (int) Math.ceil(4 * fwhmEv / Broadening.FWHM_PER_SIGMA / stepEv);
    }

    /** Engine stick computations (cache misses) so far. */
    @Override public synchronized long simulatorCalls() { return calls; }

    /** Cache hits so far. */
    public synchronized long cacheHits() { return hits; }

    /** Seconds spent in the engine (cache misses only). */
    public synchronized double engineSeconds() { return nanos * 1e-9; }

    /** Counters as a map (calls, hits, seconds). */
    public synchronized Map<String, Object> statistics() {
        return Map.of("engine_calls", calls, "cache_hits", hits, "engine_seconds", nanos * 1e-9);
    }
}
