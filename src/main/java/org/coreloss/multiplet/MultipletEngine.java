package org.coreloss.multiplet;

import org.coreloss.progress.ProgressListener;
import org.coreloss.spectrum.SpectrumMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Crystal-field multiplet engine for 2p (L2,3) XAS of 3d ions, 2p6 3d^n -> 2p5 3d^(n+1)
 * (the model of Crispy/Quanty's {@code 3d_D4h_XAS_2p} template; METHOD.md): Coulomb from scaled
 * Hartree-Fock Slater integrals through Gaunt coefficients, 3d and 2p spin-orbit, D4h crystal field
 * (Dq, Ds, Dt), optional Zeeman field, isotropic dipole average, Boltzmann-weighted initial states,
 * Lorentzian (L3/L2 switch) and Gaussian broadening onto seed study 003's 501-channel window, box
 * normalisation.
 *
 * <p>Speed: the operator matrices of each ion are built once (sparse, per symmetry block 2Jz mod 8)
 * and H(parameters) is their linear combination; blocks are diagonalised with LAPACK dsyevd (the
 * Hamiltonian is real in this basis); final-state blocks are solved only when a populated initial
 * state reaches them; diagonalisations are cached by the Hamiltonian parameters, so changing only the
 * temperature or the widths re-uses them. Instances are thread-safe; {@link #spectra} runs in parallel.
 */
public final class MultipletEngine {
    /** Boltzmann constant in eV/K (Quanty's value). */
    public static final double BOLTZMANN_EV_PER_K = 8.617333262e-5;
    /** Initial states are kept while exp(-(E - E0)/kT) >= this (Quanty NPsisAuto threshold). */
    public static final double BOLTZMANN_CUTOFF = 1e-8;
    /** States closer than this (eV) are one degenerate manifold and are included or left out together. */
    public static final double DEGENERACY_TOLERANCE_EV = 1e-6;
    /** Sticks weaker than this fraction of the total intensity are dropped before broadening. */
    public static final double STICK_CUTOFF = 1e-11;
    /** Sticks closer than this (eV) are merged into one at their intensity-weighted mean energy. */
    public static final double STICK_MERGE_EV = 1e-6;

    private static final Map<String, IonModel> MODELS = new ConcurrentHashMap<>();

    /** Engine options. */
    public record Options(PoleConvention poleConvention, Solver solver, int cacheSize) {
        public Options {
            Objects.requireNonNull(poleConvention, "poleConvention");
            Objects.requireNonNull(solver, "solver");
            if (cacheSize < 0 || cacheSize > 10_000) throw new IllegalArgumentException("cacheSize = " + cacheSize + ", expected 0..10000");
        }

        public static Options defaults() {
            return new Options(PoleConvention.FINAL_MINUS_INITIAL, Solver.BLOCKED, 8);
        }

        public Options withPoleConvention(PoleConvention c) {
            return new Options(c, solver, cacheSize);
        }

        public Options withSolver(Solver s) {
            return new Options(poleConvention, s, cacheSize);
        }

        public Options withCacheSize(int n) {
            return new Options(poleConvention, solver, n);
        }
    }

    private record CacheKey(Ion ion, MultipletParameters.HamiltonianKey key) {}

    private final Options options;
    private final LinkedHashMap<CacheKey, Diagonalisation> cache;

    public MultipletEngine() {
        this(Options.defaults());
    }

    public MultipletEngine(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.cache = new LinkedHashMap<>(16, 0.75f, true);
        Lapack.init();
    }

    public Options options() {
        return options;
    }

    static IonModel model(int electrons3d, boolean blocked) {
        return MODELS.computeIfAbsent(electrons3d + (blocked ? "b" : "d"), k -> new IonModel(electrons3d, blocked));
    }

    /** Builds (once) the operator matrices of the ion's electron count; later calls are free. */
    public void prepare(Ion ion) {
        model(ion.electrons3d(), options.solver() == Solver.BLOCKED);
    }

    Diagonalisation diagonalisation(Ion ion, MultipletParameters p) {
        CacheKey key = new CacheKey(ion, p.hamiltonianKey());
        if (options.cacheSize() > 0) {
            synchronized (cache) {
                Diagonalisation d = cache.get(key);
                if (d != null) return d;
            }
        }
        IonModel m = model(ion.electrons3d(), options.solver() == Solver.BLOCKED);
        Diagonalisation d = new Diagonalisation(m, options.solver(), Term.initialCoefficients(ion, p),
                Term.finalCoefficients(ion, p));
        if (options.cacheSize() > 0) {
            synchronized (cache) {
                Diagonalisation prev = cache.putIfAbsent(key, d);
                if (prev != null) return prev;
                while (cache.size() > options.cacheSize()) {
                    cache.remove(cache.keySet().iterator().next());
                }
            }
        }
        return d;
    }

    /** Eigenvalues (eV, ascending) of H_i and H_f: for tests and level diagrams. */
    public record Levels(double[] initialEv, double[] finalEv) {
        public double initialGroundEv() {
            return initialEv[0];
        }

        public double finalGroundEv() {
            return finalEv[0];
        }
    }

    /** All eigenvalues of H_i and H_f for these parameters (diagonalises every final block). */
    public Levels levels(Ion ion, MultipletParameters p) {
        Diagonalisation d = diagonalisation(ion, p);
        double[] ei = concat(d.initialValues);
        double[][] f = new double[d.model.fin.blocks()][];
        for (int b = 0; b < f.length; b++) f[b] = d.finalValues(b);
        double[] ef = concat(f);
        Arrays.sort(ei);
        Arrays.sort(ef);
        return new Levels(ei, ef);
    }

    private static double[] concat(double[][] a) {
        int n = 0;
        for (double[] x : a) n += x.length;
        double[] out = new double[n];
        int k = 0;
        for (double[] x : a) {
            System.arraycopy(x, 0, out, k, x.length);
            k += x.length;
        }
        return out;
    }

    /** The Boltzmann-weighted isotropic stick spectrum (see {@link StickSpectrum}). */
    public StickSpectrum sticks(Ion ion, MultipletParameters p) {
        Objects.requireNonNull(ion, "ion");
        Objects.requireNonNull(p, "parameters");
        Diagonalisation d = diagonalisation(ion, p);
        IonModel m = d.model;

        // 1. initial states: all eigenpairs sorted by energy; Boltzmann cut-off with whole manifolds
        int total = 0;
        for (double[] v : d.initialValues) total += v.length;
        double[] e = new double[total];
        int[] blk = new int[total], idx = new int[total];
        int k = 0;
        for (int b = 0; b < d.initialValues.length; b++) {
            for (int i = 0; i < d.initialValues[b].length; i++) {
                e[k] = d.initialValues[b][i];
                blk[k] = b;
                idx[k] = i;
                k++;
            }
        }
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(e[a], e[b]));
        double e0 = e[order[0]];
        double kT = BOLTZMANN_EV_PER_K * p.temperatureK();
        double maxGap = kT > 0 ? kT * Math.log(1.0 / BOLTZMANN_CUTOFF) : 0.0;
        int nStates = 0;
        double last = e0;
        while (nStates < total) {
            double en = e[order[nStates]];
            boolean inCut = en - e0 <= maxGap + DEGENERACY_TOLERANCE_EV;
            boolean sameManifold = en - last <= DEGENERACY_TOLERANCE_EV;
            if (!inCut && !sameManifold) break;
            last = en;
            nStates++;
        }
        double[] w = new double[nStates];
        double z = 0;
        for (int s = 0; s < nStates; s++) {
            double de = e[order[s]] - e0;
            w[s] = kT > 0 ? Math.exp(-de / kT) : 1.0;
            z += w[s];
        }
        for (int s = 0; s < nStates; s++) w[s] /= z;

        // 2. reference energies of the initial states for the pole positions
        double[] eRef = new double[nStates];
        double[][] hfOnInitial = null;
        if (options.poleConvention() == PoleConvention.QUANTY) {
            hfOnInitial = new double[m.initial.blocks()][];
        }
        for (int s = 0; s < nStates; s++) {
            int st = order[s];
            if (hfOnInitial == null) {
                eRef[s] = e[st];
            } else {
                int b = blk[st];
                if (hfOnInitial[b] == null) hfOnInitial[b] = m.initialTerms[b].assemble(d.coefFinal);
                eRef[s] = expectation(hfOnInitial[b], d.initialVectors[b], m.initialTerms[b].n, idx[st]);
            }
        }

        // 3. for each final block: vectors T_q |a> of the states that reach it, projected on the eigenvectors
        int nfb = m.fin.blocks();
        List<double[]> outE = new ArrayList<>();
        List<double[]> outI = new ArrayList<>();
        for (int fb = 0; fb < nfb; fb++) {
            List<int[]> cols = new ArrayList<>(); // (state s, q)
            for (int s = 0; s < nStates; s++) {
                for (int q = 0; q < 3; q++) {
                    if (m.dipole[blk[order[s]]][q].finalBlock() == fb) cols.add(new int[]{s, q});
                }
            }
            if (cols.isEmpty()) continue;
            int nf = m.finalTerms[fb].n;
            int mc = cols.size();
            // without a field, a block and its time-reversal partner share eigenvalues; solve only one
            int cb = fb;
            boolean useTr = options.solver() == Solver.BLOCKED && p.bzEv() == 0 && m.timeReversalVerified;
            if (useTr) cb = Math.min(fb, m.partnerBlock[fb]);
            double[] v = new double[nf * mc];
            for (int c = 0; c < mc; c++) {
                int s = cols.get(c)[0], q = cols.get(c)[1];
                int st = order[s];
                int ib = blk[st];
                IonModel.Dipole dp = m.dipole[ib][q];
                int ni = m.initialTerms[ib].n;
                double[] vec = d.initialVectors[ib];
                int off = idx[st] * ni;
                for (int j = 0; j < ni; j++) {
                    double a = vec[off + j];
                    if (a == 0) continue;
                    for (int ee = dp.colPtr()[j]; ee < dp.colPtr()[j + 1]; ee++) {
                        v[dp.rows()[ee] + c * nf] += dp.vals()[ee] * a;
                    }
                }
            }
            if (cb != fb) {
                // u_fb = P u_cb with (P u)[i] = sign_i u[perm_i]  =>  u_fb^T v = u_cb^T v', v'[perm_i] = sign_i v_i
                double[] vp = new double[nf * mc];
                int[] perm = m.partnerLocal[fb], sg = m.partnerSign[fb];
                for (int c = 0; c < mc; c++) {
                    for (int i = 0; i < nf; i++) vp[perm[i] + c * nf] = sg[i] * v[i + c * nf];
                }
                v = vp;
            }
            double[] ef = d.finalValues(cb);
            double[] amp2 = d.squaredAmplitudes(cb, v, mc);
            // sum |.|^2 over the q reaching the same (state, final) pair; intensity w_a * sum / 3 / Pcl
            int c = 0;
            while (c < mc) {
                int s = cols.get(c)[0];
                int c2 = c;
                double[] inten = new double[nf];
                while (c2 < mc && cols.get(c2)[0] == s) {
                    for (int f = 0; f < nf; f++) inten[f] += amp2[f + c2 * nf];
                    c2++;
                }
                double[] en = new double[nf];
                for (int f = 0; f < nf; f++) {
                    inten[f] *= w[s] / 6.0;
                    en[f] = ef[f] - eRef[s];
                }
                outE.add(en);
                outI.add(inten);
                c = c2;
            }
        }
        return assembleSticks(outE, outI, e0, nStates);
    }

    private StickSpectrum assembleSticks(List<double[]> outE, List<double[]> outI, double e0, int nStates) {
        double totalI = 0;
        int n = 0;
        for (double[] x : outI) {
            for (double v : x) totalI += v;
            n += x.length;
        }
        double cut = totalI * STICK_CUTOFF;
        double[] en = new double[n], in = new double[n];
        int k = 0;
        for (int b = 0; b < outE.size(); b++) {
            double[] xe = outE.get(b), xi = outI.get(b);
            for (int i = 0; i < xe.length; i++) {
                if (xi[i] <= cut) continue;
                en[k] = xe[i];
                in[k] = xi[i];
                k++;
            }
        }
        Integer[] ord = new Integer[k];
        for (int i = 0; i < k; i++) ord[i] = i;
        final double[] fe = en;
        Arrays.sort(ord, (a, b) -> Double.compare(fe[a], fe[b]));
        // merge sticks closer than STICK_MERGE_EV (degenerate final levels, Kramers pairs) into one
        // at their intensity-weighted mean energy
        double[] se = new double[k], si = new double[k];
        int out = 0;
        for (int i = 0; i < k; i++) {
            double ei = en[ord[i]], ii = in[ord[i]];
            if (out > 0 && ei - se[out - 1] / si[out - 1] <= STICK_MERGE_EV) {
                se[out - 1] += ei * ii;
                si[out - 1] += ii;
            } else {
                se[out] = ei * ii;
                si[out] = ii;
                out++;
            }
        }
        for (int i = 0; i < out; i++) se[i] /= si[i];
        return new StickSpectrum(Arrays.copyOf(se, out), Arrays.copyOf(si, out), e0, nStates, options.poleConvention());
    }

    private static double expectation(double[] h, double[] vecs, int n, int col) {
        double s = 0;
        int off = col * n;
        for (int j = 0; j < n; j++) {
            double vj = vecs[off + j];
            if (vj == 0) continue;
            double hv = 0;
            int hc = j * n;
            for (int i = 0; i < n; i++) hv += h[hc + i] * vecs[off + i];
            s += vj * hv;
        }
        return s;
    }

    /** Lorentzian switch energy in eV on the relative axis: the parameter's value, or {@link #defaultSwitchEnergyEv} by default. */
    public static double switchEnergyEv(Ion ion, MultipletParameters p) {
        return Double.isNaN(p.lorentzianSwitchEv()) ? defaultSwitchEnergyEv(ion) : p.lorentzianSwitchEv();
    }

    /** The default Lorentzian switch energy of an ion in eV on the relative axis: zeta2p/4 (between L3 and L2). */
    public static double defaultSwitchEnergyEv(Ion ion) {
        return ion.zeta2pEv() / 4.0;
    }

    /**
     * Broadens sticks onto arbitrary energies (eV, relative axis) with the parameters' Lorentzian
     * widths and switch energy; no Gaussian, no normalisation (absolute intensity, Quanty-comparable).
     */
    public static double[] lorentzianSpectrum(Ion ion, StickSpectrum sticks, MultipletParameters p, double[] energiesEv) {
        return Broadening.lorentzian(sticks.energiesEv(), sticks.intensities(), energiesEv, p.gamma1FwhmEv(),
                p.gamma2FwhmEv(), switchEnergyEv(ion, p));
    }

    /**
     * Broadened spectrum on a window (Lorentzian, then Gaussian computed with a margin so the window
     * edges are exact), optionally box-normalised to [0, 1].
     */
    public static double[] broaden(Ion ion, StickSpectrum sticks, MultipletParameters p, SpectrumWindow window,
                                   boolean boxNormalise) {
        int margin = Broadening.gaussianMargin(window.stepEv(), p.gaussianFwhmEv());
        int n = window.channels() + 2 * margin;
        double[] x = new double[n];
        for (int j = 0; j < n; j++) x[j] = window.startEv() + (j - margin) * window.stepEv();
        double[] y = lorentzianSpectrum(ion, sticks, p, x);
        if (p.gaussianFwhmEv() > 0) y = Broadening.gaussian(y, window.stepEv(), p.gaussianFwhmEv());
        double[] out = Arrays.copyOfRange(y, margin, margin + window.channels());
        if (boxNormalise) Broadening.boxNormalise(out);
        return out;
    }

    /** Seed 003 spectrum: 501 channels, [L3 edge - 5, L3 edge + 25] eV, box-normalised. */
    public MultipletSpectrum spectrum(Ion ion, MultipletParameters p) {
        SpectrumWindow window = SpectrumWindow.seed003(ion);
        return new MultipletSpectrum(ion, p, window, toFloat(broaden(ion, sticks(ion, p), p, window, true)));
    }

    /** Spectrum on a chosen window, box-normalised or not. */
    public MultipletSpectrum spectrum(Ion ion, MultipletParameters p, SpectrumWindow window, boolean boxNormalise) {
        return new MultipletSpectrum(ion, p, window, toFloat(broaden(ion, sticks(ion, p), p, window, boxNormalise)));
    }

    private static float[] toFloat(double[] y) {
        float[] f = new float[y.length];
        for (int i = 0; i < y.length; i++) f[i] = (float) y[i];
        return f;
    }

    /**
     * Many seed-003 spectra of one ion, computed in parallel on {@code threads} threads; row i is
     * {@code params.get(i)}. Reports progress to {@code listener} and stops early (throwing
     * {@link java.util.concurrent.CancellationException}) when it is cancelled.
     */
    public SpectrumMatrix spectra(Ion ion, List<MultipletParameters> params, int threads, ProgressListener listener) {
        SpectrumWindow window = SpectrumWindow.seed003(ion);
        int c = window.channels();
        float[] data = rows(ion, params, threads, listener, c, "multiplet spectra " + ion.name(),
                (p, out, off) -> spectrum(ion, p).copyInto(out, off));
        return new SpectrumMatrix(window.grid(), params.size(), data);
    }

    /**
     * Narrow spectra ({@link Rebroadening#narrow}) of many parameter sets on {@code threads} threads, on
     * {@code rebroadening}'s widened window; row i is {@code params.get(i)} (its broadening parameters are not used).
     */
    public SpectrumMatrix narrowSpectra(Ion ion, List<MultipletParameters> params, Rebroadening rebroadening, int threads,
                                        ProgressListener listener) {
        Objects.requireNonNull(rebroadening, "rebroadening");
        int c = rebroadening.narrowChannels();
        float[] data = rows(ion, params, threads, listener, c, "narrow multiplet spectra " + ion.name(), (p, out, off) -> {
            double[] y = rebroadening.narrow(sticks(ion, p));
            for (int j = 0; j < c; j++) out[off + j] = (float) y[j];
        });
        return new SpectrumMatrix(rebroadening.narrowWindow().grid(), params.size(), data);
    }

    private interface RowWriter {
        void write(MultipletParameters p, float[] out, int offset);
    }

    private float[] rows(Ion ion, List<MultipletParameters> params, int threads, ProgressListener listener, int c, String task,
                         RowWriter writer) {
        Objects.requireNonNull(params, "params");
        if (threads < 1 || threads > 1024) throw new IllegalArgumentException("threads = " + threads + ", expected 1..1024");
        ProgressListener pl = listener == null ? ProgressListener.NONE : listener;
        float[] data = new float[params.size() * c];
        prepare(ion);
        pl.start(task, params.size());
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "multiplet-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            int chunks = Math.min(params.size(), threads * 4);
            for (int ch = 0; ch < chunks; ch++) {
                final int first = (int) ((long) params.size() * ch / chunks);
                final int end = (int) ((long) params.size() * (ch + 1) / chunks);
                fs.add(pool.submit(() -> {
                    for (int i = first; i < end; i++) {
                        if (pl.isCancelled()) return;
                        writer.write(params.get(i), data, i * c);
                        pl.advance(done.incrementAndGet(), null);
                    }
                }));
            }
            for (Future<?> f : fs) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) throw re;
                    throw new IllegalStateException("multiplet worker failed", cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("interrupted");
                }
            }
            if (done.get() < params.size()) throw new java.util.concurrent.CancellationException("cancelled after " + done.get() + " of " + params.size() + " spectra");
        } finally {
            pool.shutdownNow();
            pl.finish();
        }
        return data;
    }
}
