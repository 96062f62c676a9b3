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
 * unit total intensity, Lorentzian-broadened per stick (FWHM gamma1 below the engine's L3/L2 switch
 * energy, gamma2 above), then convolved with the Gaussian (FWHM) on the grid with a 4-sigma margin: the
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
        double[] y = Broadening.lorentzian(s.energiesEv(), w, x, p.gamma1FwhmEv(), p.gamma2FwhmEv(),
                MultipletEngine.switchEnergyEv(ion, p));
        if (p.gaussianFwhmEv() > 0) y = Broadening.gaussian(y, stepEv, p.gaussianFwhmEv());
        return Arrays.copyOfRange(y, margin, margin + n);
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
