package org.coreloss.fit;

import org.coreloss.data.io.ColumnSpectrum;
import org.coreloss.eval.SpectrumError;
import org.coreloss.multiplet.Ion;
import org.coreloss.progress.ProgressListener;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.Well19937c;
import org.hipparchus.util.Pair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fits {@link SpectrumModel} to a measured spectrum in three stages:
 * <ol>
 * <li><b>Global start</b>: CMA-ES (Hipparchus) over the free nonlinear parameters in the unit cube of
 *     their bounds, with the free linear parameters (scale, step height, baseline) solved by linear least
 *     squares at every point (variable projection); several seeded runs, the best kept.</li>
 * <li><b>Local least squares</b>: Levenberg-Marquardt (Hipparchus) over all free parameters, forward
 *     differences, bounds enforced by clamping; Laplace covariance sigma^2 (J^T J)^+.</li>
 * <li><b>Posterior</b>: the affine-invariant ensemble sampler ({@link EnsembleSampler}) on
 *     log p = -RSS / (2 sigma^2) + log prior (uniform in the bounds, Gaussian priors where set), with the
 *     forward model itself or, for expensive ions, a {@link QuadraticEmulator} built from forward-model
 *     spectra around the optimum and validated on held-out points.</li>
 * </ol>
 * Same data, setup, options and seed give the same numbers.
 */
public final class Fitter {
    /** AUTO sampling uses the engine itself up to this final-space dimension (Cu2+: 6), else an emulator. */
    public static final int ENGINE_SAMPLING_MAX_FINAL_DIMENSION = 10;
    /** An emulator whose held-out RMS error exceeds this fraction of sigma is rejected (AUTO falls back to the engine). */
    public static final double EMULATOR_MAX_RMS_OVER_SIGMA = 0.2;
    /** AUTO falls back from a failed emulator to the forward model only up to this final-space dimension (engine spectra of a few ms). */
    public static final int ENGINE_FALLBACK_MAX_FINAL_DIMENSION = 300;
    /** Chains on the emulator (microseconds per step) run this many times the configured burn-in and kept steps. */
    public static final int EMULATOR_STEP_FACTOR = 3;
    /** Emulator box half-width in whitened coordinates. */
    public static final double EMULATOR_LIMIT = 6.0;

    private Fitter() {}

    /** Fits with the engine as forward model. */
    public static FitResult fit(ColumnSpectrum data, FitSetup setup, FitOptions options) {
        return fit(data, setup, new EngineForwardModel(setup.ion()), options, ProgressListener.NONE);
    }

    public static FitResult fit(ColumnSpectrum data, FitSetup setup, ForwardModel forward, FitOptions options, ProgressListener progress) {
        return fit(data, setup, forward, options, progress, true);
    }

    /**
     * A local fit for many similar spectra started near their answers (spectrum-image pixels started from a
     * regressor's prediction or a neighbour's fit): no global search; the free linear parameters are solved by
     * least squares at the setup's start, then Levenberg-Marquardt from there and from the e_g mirror of that
     * optimum (as in {@link #fit}: an isotropic spectrum hardly tells tetragonal elongation from compression), the
     * lower RSS kept; the Laplace covariance at each optimum in its heteroscedasticity-consistent (sandwich) form
     * ({@link #robustCovariance}: counting noise differs between the peaks and the background); the posterior as
     * {@code options.sampler()} says ({@code NONE}: 4000 draws of the Laplace Gaussians, clamped to the bounds, both
     * modes mixed by Laplace weight where both weigh, so the quantiles are those of the Laplace approximation). A
     * start in the wrong basin gives a local optimum.
     */
    public static FitResult fitLocal(ColumnSpectrum data, FitSetup setup, ForwardModel forward, FitOptions options) {
        return fit(data, setup, forward, options, ProgressListener.NONE, false);
    }

    private static FitResult fit(ColumnSpectrum data, FitSetup setup, ForwardModel forward, FitOptions options, ProgressListener progress,
                                 boolean globalStage) {
        if (!forward.ion().equals(setup.ion())) {
            throw new FitException("forward model is for " + forward.ion().name() + " but the setup for " + setup.ion().name());
        }
        long t0 = System.nanoTime();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
        Ion ion = setup.ion();
        int[] free = setup.freeIndices();
        int k = free.length;
        if (k == 0) throw new FitException("no free parameters: free at least one of " + SpectrumModel.NAMES);
        checkData(data, setup, k);
        double[] y = data.intensities();
        int n = y.length;
        SpectrumModel model = new SpectrumModel(forward, data.energiesEv());
        List<FitParameter> params = setup.parameters();
        List<String> warnings = new ArrayList<>(data.warnings());
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (progress == null) progress = ProgressListener.NONE;

        // 1. global start
        progress.start("fit " + ion.name() + " on " + data.name(), 100);
        double[] start = setup.startVector();
        List<double[]> global;
        if (globalStage) global = globalSearch(model, y, params, start, options, false, progress);
        // local fit: the start itself (linear parameters solved there)
        else {
            List<Integer> lin = new ArrayList<>();
            for (int i : free) if (SpectrumModel.isLinear(params.get(i).name())) lin.add(i);
            double[] th = start.clone();
            if (!lin.isEmpty()) profileLinear(model, y, params, lin, th, model.lineShape(th));
            global = List.of(th);
        }
        seconds.put("global", (System.nanoTime() - t0) * 1e-9);
        progress.advance(30, "global search done");

        // 2. local least squares from the best global run (cheap ions: from every run's best), lowest RSS kept
        long t1 = System.nanoTime();
        int starts = ion.finalDimension() <= 300 ? global.size() : 1;
        List<Local> locals = new ArrayList<>();
        for (int s = 0; s < starts; s++) {
            Local l = localLeastSquares(model, y, params, free, global.get(s));
            locals.add(l);
            double[] mirror = egMirror(l.theta, params);
            if (mirror != null) locals.add(localLeastSquares(model, y, params, free, mirror));
        }
        for (Local l : locals) l.rss[0] = rss(model.evaluate(l.theta), y);
        locals.sort((a, b) -> Double.compare(a.rss[0], b.rss[0]));
        // a misfit well above the data's own noise (second differences) suggests a missed optimum: search again
        // once, from twice as many new starts (different seed), and keep every local optimum found (not in fitLocal)
        double chi2Diff = locals.get(0).rss[0] / Math.max(1, n - k) / Math.pow(differenceNoise(data.energiesEv(), y), 2);
        if (globalStage && chi2Diff > GLOBAL_RETRY_CHI2 && options.globalRetry()) {
            double before = locals.get(0).rss[0];
            int runs = options.globalRuns() > 0 ? 2 * options.globalRuns() : 8;
            // the repeated search is stratified by the signs of Ds and Dt and the half of the Dq range (each stratum's
            // best screening point seeds a run); every run is polished for cheap ions, the best four for expensive ones
            // (before, one): the misses of the d4/d5 calibrations (docs/fit.md) sat in another stratum than the truth
            List<double[]> again = globalSearch(model, y, params, start,
                    options.withSeed(options.seed() + 0x5BD1E995L).withGlobal(options.globalEvaluations(), runs), true, ProgressListener.NONE);
            int polish = ion.finalDimension() <= 300 ? again.size() : Math.min(again.size(), 4);
            for (int s = 0; s < polish; s++) {
                Local l = localLeastSquares(model, y, params, free, again.get(s));
                l.rss[0] = rss(model.evaluate(l.theta), y);
                locals.add(l);
                double[] mirror = egMirror(l.theta, params);
                if (mirror != null) {
                    Local lm = localLeastSquares(model, y, params, free, mirror);
                    lm.rss[0] = rss(model.evaluate(lm.theta), y);
                    locals.add(lm);
                }
            }
            locals.sort((a, b) -> Double.compare(a.rss[0], b.rss[0]));
            warnings.add(String.format(java.util.Locale.ROOT,
                    "reduced chi2 %.3g against the difference noise > %.2g: global search repeated from %d more starts, RSS %.6g -> %.6g",
                    chi2Diff, GLOBAL_RETRY_CHI2, runs, before, locals.get(0).rss[0]));
        }
        Local local = locals.get(0);
        double[] best = local.theta;
        double[] lineShape = model.lineShape(best);
        SpectrumModel.Components comp = model.components(best, lineShape);
        double rss = rss(comp.total(), y);
        seconds.put("local", (System.nanoTime() - t1) * 1e-9);
        progress.advance(50, "least squares done");

        // noise
        double sigmaDiff = differenceNoise(data.energiesEv(), y);
        double sigma = switch (options.noise()) {
            case RESIDUAL -> Math.sqrt(rss / Math.max(1, n - k));
            case DIFFERENCE -> sigmaDiff;
            case GIVEN -> options.noiseSigma();
        };
        if (!(sigma > 0)) {
            sigma = Math.max(sigmaDiff, 1e-12 * maxAbs(y));
            warnings.add("noise sigma from residuals is 0 (exact fit): using " + sigma);
        }

        // Laplace covariance of the free parameters; the local fit (no sampler after it) uses the
        // heteroscedasticity-consistent form, since counting noise is not one sigma for all points
        double[][] cov = globalStage ? covariance(local.jacobian, local.scales, sigma)
                : robustCovariance(local.jacobian, local.scales, residuals(comp.total(), y), ROBUST_HALF_WINDOW);

        // 3. posterior: one chain per local mode with non-negligible Laplace weight, mixed by weight
        long t2 = System.nanoTime();
        FitOptions.Sampling sampling = options.sampler();
        if (sampling == FitOptions.Sampling.AUTO) {
            sampling = ion.finalDimension() <= ENGINE_SAMPLING_MAX_FINAL_DIMENSION || forward.isSurrogate()
                    ? FitOptions.Sampling.ENGINE : FitOptions.Sampling.EMULATOR;
        }
        List<Local> modes = new ArrayList<>();
        List<Double> logWeights = new ArrayList<>();
        for (Local l : locals) {
            boolean distinct = true;
            for (Local m : modes) if (sameMode(l.theta, m.theta)) { distinct = false; break; }
            if (!distinct) continue;
            double[][] c = covariance(l.jacobian, l.scales, sigma);
            double lw = -0.5 * (l.rss[0] - rss) / (sigma * sigma) + 0.5 * logDet(cholesky(c));
            modes.add(l);
            logWeights.add(lw);
        }
        double lw0 = logWeights.get(0), wsum = 0;
        double[] weights = new double[modes.size()];
        for (int m = 0; m < weights.length; m++) { weights[m] = Math.exp(logWeights.get(m) - lw0); wsum += weights[m]; }
        List<Integer> kept = new ArrayList<>();
        for (int m = 0; m < weights.length; m++) {
            weights[m] /= wsum;
            if (weights[m] >= MIN_MODE_WEIGHT) kept.add(m);
        }
        double keptSum = 0;
        for (int m : kept) keptSum += weights[m];
        List<double[][]> chains = new ArrayList<>();
        String mode = null;
        double acceptance = Double.NaN, emulatorRms = Double.NaN;
        for (int m : kept) {
            Local lm = modes.get(m);
            double[][] covM = m == 0 ? cov : globalStage ? covariance(lm.jacobian, lm.scales, sigma)
                    : robustCovariance(lm.jacobian, lm.scales, residuals(model.evaluate(lm.theta), y), ROBUST_HALF_WINDOW);
            Posterior post = samplePosterior(model, y, params, free, lm.theta, covM, sigma, sampling, options, forward, progress, warnings,
                    options.seed() + 7919L * m);
            chains.add(post.samples());
            if (mode == null) { mode = post.mode(); acceptance = post.acceptance(); emulatorRms = post.emulatorRms(); }
            if (m != 0) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < k; i++) sb.append(SpectrumModel.NAMES.get(free[i])).append('=').append(String.format(java.util.Locale.ROOT, "%.4g", lm.theta[free[i]])).append(' ');
                warnings.add(String.format(java.util.Locale.ROOT, "another posterior mode (Laplace weight %.3f, RSS %.4g vs %.4g) included: %s",
                        weights[m] / keptSum, lm.rss[0], rss, sb.toString().strip()));
            }
        }
        double[][] samples;
        if (chains.size() == 1) samples = chains.get(0);
        else {
            int total = chains.get(0).length;
            samples = new double[total][];
            SplittableRandom rm = new SplittableRandom(options.seed() ^ 0x77AA55L);
            for (int s2 = 0; s2 < total; s2++) {
                double u = rm.nextDouble() * keptSum, acc = 0;
                int pick = kept.size() - 1;
                for (int j = 0; j < kept.size(); j++) { acc += weights[kept.get(j)]; if (u < acc) { pick = j; break; } }
                double[][] ch = chains.get(pick);
                samples[s2] = ch[rm.nextInt(ch.length)];
            }
            mode = mode + "; mixture of " + chains.size() + " modes";
        }
        seconds.put("sampler", (System.nanoTime() - t2) * 1e-9);

        // summaries
        List<FitResult.Summary> summaries = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] col = new double[samples.length];
            for (int s = 0; s < samples.length; s++) col[s] = samples[s][i];
            double mean = Arrays.stream(col).average().orElse(Double.NaN);
            double var = 0;
            for (double v : col) var += (v - mean) * (v - mean);
            double sd = Math.sqrt(var / Math.max(1, col.length - 1));
            Arrays.sort(col);
            summaries.add(new FitResult.Summary(SpectrumModel.NAMES.get(free[i]), best[free[i]], quantile(col, 0.5), quantile(col, 0.025),
                    quantile(col, 0.05), quantile(col, 0.16), quantile(col, 0.84), quantile(col, 0.95), quantile(col, 0.975), mean, sd));
        }
        double[][] corr = correlation(samples, k);
        for (int i = 0; i < k; i++) {
            FitParameter p = params.get(free[i]);
            double range = p.max() - p.min();
            if (Double.isFinite(range) && range > 0 && (best[free[i]] - p.min() < 1e-3 * range || p.max() - best[free[i]] < 1e-3 * range)) {
                warnings.add(p.name() + " = " + best[free[i]] + " is at a bound [" + p.min() + ", " + p.max() + "]");
            }
        }

        double[] bgSub = new double[n];
        for (int i = 0; i < n; i++) bgSub[i] = y[i] - comp.background()[i];
        double seExp = SpectrumError.se(box(comp.multiplet()), box(bgSub));
        double seTotal = SpectrumError.se(box(comp.total()), box(y));

        Map<String, Object> surrogateCheck = null;
        if (forward.isSurrogate()) surrogateCheck = engineCheck(model, forward, data, best, params, free, y, sigma, rss, seExp);
        if (!forward.inDomain(SpectrumModel.multiplet(best))) warnings.add("answer lies outside the forward model's domain");
        seconds.put("total", (System.nanoTime() - t0) * 1e-9);
        if (cpu0 >= 0) seconds.put("cpu_total", (mx.getCurrentThreadCpuTime() - cpu0) * 1e-9);
        progress.advance(100, "done");
        progress.finish();
        return new FitResult(ion.name(), forward.kind(), data, setup, setup.freeNames(), best, comp, rss, sigma, options.noise(), sigmaDiff,
                seExp, seTotal, summaries, corr, samples, mode, acceptance, emulatorRms, seconds, forward.simulatorCalls(), warnings,
                surrogateCheck, options.seed());
    }

    /** Posterior samples around one mode. */
    private record Posterior(double[][] samples, String mode, double acceptance, double emulatorRms) {}

    private static Posterior samplePosterior(SpectrumModel model, double[] y, List<FitParameter> params, int[] free, double[] best,
                                             double[][] cov, double sigma, FitOptions.Sampling sampling, FitOptions options0,
                                             ForwardModel forward, ProgressListener progress, List<String> warnings, long seed) {
        FitOptions options = options0.withSeed(seed);
        int k = free.length;
        double[][] samples;
        String mode;
        double acceptance = Double.NaN, emulatorRms = Double.NaN;
        double[] bestFree = new double[k];
        for (int i = 0; i < k; i++) bestFree[i] = best[free[i]];
        double[][] chol = cholesky(cov);
        if (sampling == FitOptions.Sampling.NONE) {
            SplittableRandom r = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
            samples = new double[4000][];
            for (int s = 0; s < samples.length; s++) samples[s] = clampFree(QuadraticEmulator.unwhiten(bestFree, chol, gaussian(r, k, 1.0)), params, free);
            mode = "laplace";
        } else {
            final double sig2 = sigma * sigma;
            QuadraticEmulator emulator = null;
            if (sampling == FitOptions.Sampling.EMULATOR) {
                emulator = buildEmulator(model, params, free, best, bestFree, chol, options.seed(), progress, 1.5);
                Validation v = validateEmulator(emulator, model, y, params, free, best, bestFree, chol, options.seed(), sigma);
                if (!v.ok()) {
                    // a tighter design (the posterior bulk, not its tails) often emulates well enough where the wide one does not
                    QuadraticEmulator tight = buildEmulator(model, params, free, best, bestFree, chol, options.seed() + 13, progress, 1.0);
                    Validation vt = validateEmulator(tight, model, y, params, free, best, bestFree, chol, options.seed(), sigma);
                    if (vt.logLikelihoodError() < v.logLikelihoodError()) { emulator = tight; v = vt; }
                }
                emulatorRms = v.rmsOverSigma();
                String why = String.format(java.util.Locale.ROOT, "emulator RMS error %.3g sigma (limit %.2g), log-likelihood error %.3g (limit %.2g)",
                        v.rmsOverSigma(), EMULATOR_MAX_RMS_OVER_SIGMA, v.logLikelihoodError(), EMULATOR_MAX_LOGL_ERROR);
                if (!v.ok() && options.sampler() == FitOptions.Sampling.AUTO
                        && model.ion().finalDimension() <= ENGINE_FALLBACK_MAX_FINAL_DIMENSION) {
                    warnings.add(why + ": sampled on the forward model instead");
                    emulator = null;
                    sampling = FitOptions.Sampling.ENGINE;
                } else if (!v.ok()) {
                    warnings.add(why + ": intervals approximate"
                            + " (this ion's engine is too expensive for sampling on it; use --sampler engine to force it)");
                }
            }
            final QuadraticEmulator[] em = {emulator};
            final long[] boxCount = new long[2]; // [proposals on the emulator, proposals outside its box]
            java.util.function.ToDoubleFunction<double[]> logp = xf -> {
                double lp = 0;
                for (int i = 0; i < k; i++) {
                    lp += params.get(free[i]).logPrior(xf[i]);
                    if (lp == Double.NEGATIVE_INFINITY) return lp;
                }
                double[] m;
                if (em[0] != null) {
                    boxCount[0]++;
                    if (!em[0].inside(xf)) { boxCount[1]++; return Double.NEGATIVE_INFINITY; }
                    m = em[0].evaluate(xf);
                } else {
                    double[] th = best.clone();
                    for (int i = 0; i < k; i++) th[free[i]] = xf[i];
                    m = model.evaluate(th);
                }
                return lp - 0.5 * rss(m, y) / sig2;
            };
            int walkers = options.walkers() > 0 ? options.walkers() : Math.max(24, 2 * k + 4);
            if (walkers % 2 != 0) walkers++;
            SplittableRandom r = new SplittableRandom(options.seed() * 31 + 7);
            double[][] init = new double[walkers][];
            for (int w = 0; w < walkers; w++) {
                double shrink = 1.0; // the Laplace covariance itself: no ball to expand during burn-in
                double[] x;
                int tries = 0;
                do {
                    x = clampFree(QuadraticEmulator.unwhiten(bestFree, chol, gaussian(r, k, shrink)), params, free);
                    shrink *= 0.5;
                } while (!Double.isFinite(logp.applyAsDouble(x)) && ++tries < 30);
                if (tries >= 30) x = bestFree.clone();
                init[w] = x;
            }
            final ProgressListener pl = progress;
            EnsembleSampler.Chain chain;
            int rebuilds = 0, burn, kept;
            Validation lastChainCheck = null;
            while (true) {
                int factor = em[0] != null ? EMULATOR_STEP_FACTOR : 1;
                burn = factor * options.burnSteps();
                kept = factor * options.steps();
                int total = burn + kept;
                boxCount[0] = boxCount[1] = 0;
                chain = new EnsembleSampler().run(logp, init, burn, kept, options.seed() + 1000003L * rebuilds,
                        step -> { if (step % 20 == 0) pl.advance(50 + (long) (50.0 * step / total), "sampling step " + step + "/" + total); });
                if (em[0] == null) break;
                boolean leaves = leavesBox(chain, em[0], boxCount);
                Validation onChain = leaves ? null : validateOnSamples(em[0], model, y, best, free, chain.pooled(), options.seed() + rebuilds, sigma);
                if (!leaves && onChain.ok()) break;
                if (!leaves) lastChainCheck = onChain;
                // the chain presses against the emulator's box: rebuild it around the chain (its median, its
                // covariance widened), up to EMULATOR_MAX_REBUILDS times, then fall back to the forward model
                double[][] pooled = chain.pooled();
                double[] centre = chainMedian(pooled, k);
                double[][] covChain = sampleCovariance(pooled, k);
                for (double[] row : covChain) for (int j = 0; j < k; j++) row[j] *= EMULATOR_REBUILD_WIDEN * EMULATOR_REBUILD_WIDEN;
                double[][] cholChain = cholesky(covChain);
                double[][] last = chain.samples()[chain.samples().length - 1];
                QuadraticEmulator next = null;
                double rmsNext = Double.NaN;
                if (rebuilds < EMULATOR_MAX_REBUILDS) {
                    rebuilds++;
                    next = buildEmulator(model, params, free, best, centre, cholChain, options.seed() + 101L * rebuilds, progress, 1.5);
                    Validation vn = validateEmulator(next, model, y, params, free, best, centre, cholChain, options.seed() + 101L * rebuilds, sigma);
                    rmsNext = vn.rmsOverSigma();
                    if (!vn.ok()) next = null;
                }
                if (next != null) {
                    em[0] = next;
                    emulatorRms = rmsNext;
                } else if (model.ion().finalDimension() <= ENGINE_FALLBACK_MAX_FINAL_DIMENSION || options.sampler() == FitOptions.Sampling.EMULATOR) {
                    warnings.add(String.format(java.util.Locale.ROOT, "the chain left the emulator's box or the emulator failed on the chain's samples"
                            + " (%d rebuilds%s%s): sampled on the forward model instead",
                            rebuilds, Double.isNaN(rmsNext) ? "" : String.format(java.util.Locale.ROOT, ", last emulator RMS %.3g sigma", rmsNext),
                            lastChainCheck == null ? "" : String.format(java.util.Locale.ROOT, ", log-likelihood error on the chain %.3g", lastChainCheck.logLikelihoodError())));
                    em[0] = null;
                } else {
                    warnings.add("the chain presses against the emulator's box after " + rebuilds + " rebuilds: intervals may be too narrow");
                    break;
                }
                for (int w = 0; w < walkers; w++) {
                    init[w] = last[w].clone();
                    if (!Double.isFinite(logp.applyAsDouble(init[w]))) init[w] = centre.clone();
                }
                if (!Double.isFinite(logp.applyAsDouble(centre))) {
                    // the new box does not hold the chain's median: back to the forward model
                    em[0] = null;
                    for (int w = 0; w < walkers; w++) init[w] = last[w].clone();
                }
            }
            samples = chain.pooled();
            acceptance = chain.acceptanceFraction();
            mode = (em[0] != null ? "emulator" + (rebuilds > 0 ? " (rebuilt " + rebuilds + "x around the chain)" : "")
                    : forward.isSurrogate() ? "surrogate" : rebuilds > 0 || emulator != null ? "engine (emulator left or failed on the chain)" : "engine")
                    + ", " + walkers + " walkers x " + kept + " steps (+" + burn + " burn-in)";
            if (acceptance < 0.1) warnings.add(String.format(java.util.Locale.ROOT, "low sampler acceptance %.3f", acceptance));
        }
        return new Posterior(samples, mode, acceptance, emulatorRms);
    }

    /**
     * A best fit whose reduced chi2 against the difference-noise sigma exceeds this repeats the global search
     * once (simulated SNR-100 Ni2+ fits that found the optimum: 0.76-1.12; the two that missed it: 1.39, 2.57).
     */
    public static final double GLOBAL_RETRY_CHI2 = 1.2;

    /** Emulator box rebuilds around a chain that presses against the box before the fit falls back to the forward model. */
    public static final int EMULATOR_MAX_REBUILDS = 4;
    /** The chain's covariance is widened by this factor (standard deviations) for a rebuilt box. */
    static final double EMULATOR_REBUILD_WIDEN = 1.3;

    /**
     * Whether a chain on an emulator presses against the box: more than 2 % of proposals fell outside it,
     * or more than 0.5 % of the kept samples have a whitened coordinate beyond 2/3 of the box half-width
     * (a Gaussian posterior that fits the box has 4-sigma excursions in about 0.06 % of 10-d samples).
     */
    static boolean leavesBox(EnsembleSampler.Chain chain, QuadraticEmulator em, long[] boxCount) {
        if (boxCount[0] > 0 && boxCount[1] > 0.02 * boxCount[0]) return true;
        double edge = 2.0 / 3.0 * em.limit();
        long far = 0, n = 0;
        for (double[][] step : chain.samples()) for (double[] x : step) {
            n++;
            for (double z : em.whiten(x)) if (Math.abs(z) > edge) { far++; break; }
        }
        return far > 0.005 * n;
    }

    static double[] chainMedian(double[][] samples, int k) {
        double[] m = new double[k];
        double[] col = new double[samples.length];
        for (int i = 0; i < k; i++) {
            for (int s = 0; s < samples.length; s++) col[s] = samples[s][i];
            Arrays.sort(col);
            m[i] = quantile(col, 0.5);
        }
        return m;
    }

    static double[][] sampleCovariance(double[][] samples, int k) {
        int n = samples.length;
        double[] mean = new double[k];
        for (double[] s : samples) for (int i = 0; i < k; i++) mean[i] += s[i] / n;
        double[][] c = new double[k][k];
        for (double[] s : samples) for (int a = 0; a < k; a++) for (int b = a; b < k; b++) c[a][b] += (s[a] - mean[a]) * (s[b] - mean[b]) / Math.max(1, n - 1);
        for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) c[a][b] = c[b][a];
        return c;
    }

    /** Posterior modes weaker than this Laplace weight are not sampled. */
    public static final double MIN_MODE_WEIGHT = 0.01;

    static boolean sameMode(double[] a, double[] b) {
        for (int i = SpectrumModel.DQ; i <= SpectrumModel.DT; i++) if (Math.abs(a[i] - b[i]) > 0.01) return false;
        return true;
    }

    static double logDet(double[][] chol) {
        double s = 0;
        for (int i = 0; i < chol.length; i++) s += 2 * Math.log(chol[i][i]);
        return s;
    }

    /**
     * The crystal field with the two e_g-derived levels a1g (z2) and b1g (x2-y2) exchanged and b2g, eg kept
     * (centre of gravity unchanged): an isotropic spectrum hardly tells tetragonal elongation from
     * compression, so the least squares are also started there. Null when Dq, Ds, Dt are not all free or
     * the mirror lies outside their bounds.
     */
    static double[] egMirror(double[] th, List<FitParameter> params) {
        for (int i = SpectrumModel.DQ; i <= SpectrumModel.DT; i++) if (params.get(i).fixed()) return null;
        double dq = th[SpectrumModel.DQ], ds = th[SpectrumModel.DS], dt = th[SpectrumModel.DT];
        double a1g = 6 * dq - 2 * ds - 6 * dt, b2g = -4 * dq + 2 * ds - dt, eg = -4 * dq - ds + 4 * dt;
        double dq2 = (a1g - b2g) / 10;
        double ds2 = (eg + 4 * b2g + 20 * dq2) / 7;
        double dt2 = 2 * ds2 - b2g - 4 * dq2;
        double[] out = th.clone();
        out[SpectrumModel.DQ] = dq2; out[SpectrumModel.DS] = ds2; out[SpectrumModel.DT] = dt2;
        for (int i = SpectrumModel.DQ; i <= SpectrumModel.DT; i++) {
            FitParameter p = params.get(i);
            if (out[i] < p.min() || out[i] > p.max()) return null;
        }
        if (sameMode(out, th)) return null;
        return out;
    }

    // ---------------------------------------------------------------- checks

    static void checkData(ColumnSpectrum data, FitSetup setup, int k) {
        String where = data.file() != null ? data.file().toString() : data.name();
        int n = data.size();
        if (n < k + 5) {
            throw new FitException(where + ": " + n + " points for " + k + " free parameters, expected at least " + (k + 5));
        }
        double[] y = data.intensities();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) throw new FitException(where + ": intensity at point " + i + " is " + y[i] + ", expected finite values");
            lo = Math.min(lo, y[i]);
            hi = Math.max(hi, y[i]);
        }
        if (!(hi > lo)) throw new FitException(where + ": all intensities equal " + lo + ", expected a spectrum with an edge");
        Ion ion = setup.ion();
        FitParameter shift = setup.parameter("shift_eV");
        double edgeLo = ion.l3EdgeEv() + shift.min(), edgeHi = ion.l3EdgeEv() + shift.max();
        if (data.maxEnergyEv() < edgeLo || data.minEnergyEv() > edgeHi) {
            throw new FitException(String.format(java.util.Locale.ROOT,
                    "%s: the energy range %.2f .. %.2f eV does not contain the %s L3 edge (%.1f eV, %.1f .. %.1f eV with shift_eV in [%g, %g]);"
                            + " expected data around the edge of this ion (wrong ion or wrong file?)",
                    where, data.minEnergyEv(), data.maxEnergyEv(), ion.name(), ion.l3EdgeEv(), edgeLo, edgeHi, shift.min(), shift.max()));
        }
    }

    // ---------------------------------------------------------------- global stage

    private static List<double[]> globalSearch(SpectrumModel model, double[] y, List<FitParameter> params, double[] start,
                                         FitOptions o, boolean stratify, ProgressListener progress) {
        List<Integer> nl = new ArrayList<>(), lin = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).fixed()) continue;
            if (SpectrumModel.isLinear(params.get(i).name())) lin.add(i); else nl.add(i);
        }
        boolean cheap = model.ion().finalDimension() <= 300;
        int evals = o.globalEvaluations() > 0 ? o.globalEvaluations() : cheap ? 400 : 200;
        int runs = o.globalRuns() > 0 ? o.globalRuns() : cheap ? 3 : 2;
        double[] theta = start.clone();
        if (nl.isEmpty()) {
            profileLinear(model, y, params, lin, theta, model.lineShape(theta));
            return List.of(theta);
        }
        FitParameter shiftP = params.get(SpectrumModel.SHIFT);
        boolean profileShift = !shiftP.fixed();
        List<Integer> cmaIdx = new ArrayList<>(nl);
        if (profileShift) cmaIdx.remove(Integer.valueOf(SpectrumModel.SHIFT));
        int dc = cmaIdx.size();
        double step = model.gridStepEv();
        int nShift = profileShift ? (int) Math.floor((shiftP.max() - shiftP.min()) / step + 1e-9) + 1 : 1;
        java.util.function.Function<double[], double[]> decode = u -> {
            double[] th = start.clone();
            for (int i = 0; i < dc; i++) {
                FitParameter p = params.get(cmaIdx.get(i));
                th[cmaIdx.get(i)] = p.min() + Math.max(0, Math.min(1, u[i])) * (p.max() - p.min());
            }
            return th;
        };
        // objective: RSS with the linear parameters solved and (if free) the shift profiled on the grid, coarse then fine
        java.util.function.ToDoubleFunction<double[]> profiled = th -> {
            if (!profileShift) return profileLinear(model, y, params, lin, th, model.lineShape(th));
            SpectrumModel.Grid g = model.lineShapeGrid(th, shiftP.min(), shiftP.max());
            int coarse = Math.max(1, nShift / 60);
            double bestV = Double.POSITIVE_INFINITY;
            int bestJ = 0;
            for (int j = 0; j < nShift; j += coarse) {
                th[SpectrumModel.SHIFT] = shiftP.max() - j * step;
                double v = profileLinear(model, y, params, lin, th, model.sample(g, th[SpectrumModel.SHIFT]));
                if (v < bestV) { bestV = v; bestJ = j; }
            }
            int centre = bestJ;
            for (int j = Math.max(0, centre - coarse + 1); j <= Math.min(nShift - 1, centre + coarse - 1); j++) {
                if (j == centre) continue;
                th[SpectrumModel.SHIFT] = shiftP.max() - j * step;
                double v = profileLinear(model, y, params, lin, th, model.sample(g, th[SpectrumModel.SHIFT]));
                if (v < bestV) { bestV = v; bestJ = j; }
            }
            th[SpectrumModel.SHIFT] = shiftP.max() - bestJ * step;
            profileLinear(model, y, params, lin, th, model.sample(g, th[SpectrumModel.SHIFT]));
            return bestV;
        };
        if (dc == 0) {
            profiled.applyAsDouble(theta);
            return List.of(theta);
        }
        double[] runBestVal = {Double.POSITIVE_INFINITY};
        double[][] runBest = {theta.clone()};
        org.hipparchus.analysis.MultivariateFunction f = u -> {
            double[] th = decode.apply(u);
            double v = profiled.applyAsDouble(th);
            if (v < runBestVal[0]) {
                runBestVal[0] = v;
                runBest[0] = th;
            }
            return v;
        };
        List<double[]> results = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(o.seed() ^ 0x9E3779B97F4A7C15L);
        int d = dc;
        int lambda = 4 + (int) (3 * Math.log(d)) + 2;
        // screening: seeded uniform points in the unit cube (plus the setup's start); CMA-ES runs start from the best distinct ones
        // the stratified retry screens 30 points per run (240 for its default 8 runs), so that each stratum has candidates
        int screen = stratify ? Math.max(cheap ? 150 : 60, 30 * runs) : cheap ? 150 : 60;
        List<double[]> pts = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (int s = 0; s < screen; s++) {
            double[] u = new double[d];
            for (int i = 0; i < d; i++) {
                FitParameter p = params.get(cmaIdx.get(i));
                u[i] = s == 0 ? (p.value() - p.min()) / (p.max() - p.min()) : r.nextDouble();
            }
            pts.add(u);
            vals.add(profiled.applyAsDouble(decode.apply(u)));
        }
        Integer[] rank = new Integer[screen];
        for (int i = 0; i < screen; i++) rank[i] = i;
        Arrays.sort(rank, (a, b) -> Double.compare(vals.get(a), vals.get(b)));
        List<double[]> seeds = new ArrayList<>();
        int iDs = cmaIdx.indexOf(SpectrumModel.DS), iDt = cmaIdx.indexOf(SpectrumModel.DT);
        if (stratify && iDs >= 0 && iDt >= 0) {
            // the best screening point of each stratum (sign of Ds, sign of Dt, lower or upper half of the Dq range
            // when Dq is free), best stratum first
            int iDq = cmaIdx.indexOf(SpectrumModel.DQ);
            FitParameter pDq = params.get(SpectrumModel.DQ);
            boolean[] taken = new boolean[8];
            for (int idx : rank) {
                if (seeds.size() >= runs) break;
                double[] th = decode.apply(pts.get(idx));
                int q = (th[SpectrumModel.DS] >= 0 ? 1 : 0) + (th[SpectrumModel.DT] >= 0 ? 2 : 0)
                        + (iDq >= 0 && th[SpectrumModel.DQ] >= 0.5 * (pDq.min() + pDq.max()) ? 4 : 0);
                if (!taken[q]) { taken[q] = true; seeds.add(pts.get(idx)); }
            }
        }
        for (int idx : rank) {
            if (seeds.size() >= runs) break;
            boolean distinct = true;
            for (double[] q : seeds) {
                double dist = 0;
                for (int i = 0; i < d; i++) dist += (q[i] - pts.get(idx)[i]) * (q[i] - pts.get(idx)[i]);
                if (Math.sqrt(dist / d) < 0.15) { distinct = false; break; }
            }
            if (distinct) seeds.add(pts.get(idx));
        }
        progress.advance(10, "screened " + screen + " points");
        for (int run = 0; run < seeds.size(); run++) {
            runBestVal[0] = Double.POSITIVE_INFINITY;
            double[] u0 = seeds.get(run).clone();
            double[] sig = new double[d];
            Arrays.fill(sig, 0.15);
            double[] zeros = new double[d], ones = new double[d];
            Arrays.fill(ones, 1);
            CMAESOptimizer cma = new CMAESOptimizer(evals, 0, true, 0, 0, new Well19937c(o.seed() * 1000 + run), false, null);
            try {
                cma.optimize(new MaxEval(evals), new ObjectiveFunction(f), GoalType.MINIMIZE, new InitialGuess(u0),
                        new SimpleBounds(zeros, ones), new CMAESOptimizer.Sigma(sig), new CMAESOptimizer.PopulationSize(lambda));
            } catch (MathIllegalStateException budgetUsed) {
                // the evaluation budget is the stopping rule; the best point seen is kept
            }
            results.add(runBest[0]);
            values.add(runBestVal[0]);
            progress.advance(10 + 20L * (run + 1) / seeds.size(), "global search run " + (run + 1) + "/" + seeds.size());
        }
        // best first
        Integer[] order = new Integer[results.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(values.get(a), values.get(b)));
        List<double[]> sorted = new ArrayList<>();
        for (int i : order) sorted.add(results.get(i));
        return sorted;
    }

    /** Solves the free linear parameters by least squares (in place) and returns the RSS; scale kept >= its lower bound. */
    static double profileLinear(SpectrumModel model, double[] y, List<FitParameter> params, List<Integer> lin, double[] th, double[] lineShape) {
        double[][] basis = model.linearBasis(th, lineShape, lin.contains(SpectrumModel.STEP_HEIGHT) || th[SpectrumModel.STEP_HEIGHT] != 0);
        int n = y.length;
        double[] r = y.clone();
        int[] map = new int[lin.size()];
        for (int j = 0; j < SpectrumModel.LINEAR.length; j++) {
            int idx = SpectrumModel.LINEAR[j];
            int pos = lin.indexOf(idx);
            if (pos >= 0) map[pos] = j;
            else for (int i = 0; i < n; i++) r[i] -= th[idx] * basis[j][i];
        }
        int m = lin.size();
        if (m > 0) {
            double[][] ata = new double[m][m];
            double[] atr = new double[m];
            for (int c = 0; c < m; c++) {
                double[] bc = basis[map[c]];
                for (int c2 = c; c2 < m; c2++) {
                    double[] b2 = basis[map[c2]];
                    double acc = 0;
                    for (int i = 0; i < n; i++) acc += bc[i] * b2[i];
                    ata[c][c2] = ata[c2][c] = acc;
                }
                double acc = 0;
                for (int i = 0; i < n; i++) acc += bc[i] * r[i];
                atr[c] = acc;
            }
            double[] sol = solveSymmetric(ata, atr);
            for (int c = 0; c < m; c++) {
                FitParameter p = params.get(lin.get(c));
                th[lin.get(c)] = Math.max(p.min(), Math.min(p.max(), sol[c]));
            }
            for (int c = 0; c < m; c++) {
                double v = th[lin.get(c)];
                double[] bc = basis[map[c]];
                for (int i = 0; i < n; i++) r[i] -= v * bc[i];
            }
        }
        double s = 0;
        for (double v : r) s += v * v;
        return s;
    }

    /** Solves a small symmetric system by Gaussian elimination with partial pivoting; singular directions get 0. */
    static double[] solveSymmetric(double[][] a0, double[] b0) {
        int m = b0.length;
        double[][] a = new double[m][];
        for (int i = 0; i < m; i++) a[i] = a0[i].clone();
        double[] b = b0.clone();
        double tr = 0;
        for (int i = 0; i < m; i++) tr += Math.abs(a[i][i]);
        for (int i = 0; i < m; i++) a[i][i] += 1e-13 * tr + 1e-300;
        int[] perm = new int[m];
        for (int c = 0; c < m; c++) {
            int p = c;
            for (int r = c + 1; r < m; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
            double[] t = a[c]; a[c] = a[p]; a[p] = t;
            double tb = b[c]; b[c] = b[p]; b[p] = tb;
            for (int r = c + 1; r < m; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < m; k++) a[r][k] -= f * a[c][k];
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[m];
        for (int c = m - 1; c >= 0; c--) {
            double s = b[c];
            for (int k = c + 1; k < m; k++) s -= a[c][k] * x[k];
            x[c] = s / a[c][c];
            if (!Double.isFinite(x[c])) x[c] = 0;
        }
        return x;
    }

    // ---------------------------------------------------------------- local stage

    private record Local(double[] theta, double[][] jacobian, double[] scales, double[] rss) {}

    private static Local localLeastSquares(SpectrumModel model, double[] y, List<FitParameter> params, int[] free, double[] start) {
        int k = free.length;
        double[] scales = new double[k], centre = new double[k];
        for (int i = 0; i < k; i++) {
            FitParameter p = params.get(free[i]);
            centre[i] = start[free[i]];
            scales[i] = SpectrumModel.isLinear(p.name()) && !Double.isFinite(p.max() - p.min())
                    ? Math.max(Math.abs(start[free[i]]), 1e-3 * Math.max(maxAbs(y), 1e-12)) : p.typicalScale();
        }
        java.util.function.Function<double[], double[]> toTheta = v -> {
            double[] th = start.clone();
            for (int i = 0; i < k; i++) {
                FitParameter p = params.get(free[i]);
                th[free[i]] = Math.max(p.min(), Math.min(p.max(), centre[i] + scales[i] * v[i]));
            }
            return th;
        };
        final double h = 1e-5;
        org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction f = point -> {
            double[] v = point.toArray();
            double[] th = toTheta.apply(v);
            double[] m0 = model.evaluate(th);
            double[][] jac = new double[m0.length][k];
            for (int c = 0; c < k; c++) {
                FitParameter p = params.get(free[c]);
                double[] v2 = v.clone();
                double step = h;
                if (th[free[c]] + scales[c] * step > p.max()) step = -h;
                v2[c] += step;
                double[] m1 = model.evaluate(toTheta.apply(v2));
                for (int i = 0; i < m0.length; i++) jac[i][c] = (m1[i] - m0[i]) / step;
            }
            return new Pair<>(new ArrayRealVector(m0, false), new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresOptimizer.Optimum opt;
        double[] vBest;
        try {
            opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder().model(f).target(y)
                    .start(new double[k]).maxEvaluations(400).maxIterations(200)
                    .parameterValidator(p -> {
                        double[] v = p.toArray();
                        for (int i = 0; i < k; i++) {
                            FitParameter fp = params.get(free[i]);
                            double lo = (fp.min() - centre[i]) / scales[i], hi = (fp.max() - centre[i]) / scales[i];
                            v[i] = Math.max(lo, Math.min(hi, v[i]));
                        }
                        return new ArrayRealVector(v, false);
                    }).build());
            vBest = opt.getPoint().toArray();
        } catch (MathIllegalStateException e) {
            vBest = new double[k]; // keep the global answer when LM does not converge within its budget
        }
        double[] theta = toTheta.apply(vBest);
        double[][] jac = centralJacobian(model, params, free, start, centre, scales, vBest);
        return new Local(theta, jac, scales, new double[1]);
    }

    /** Step (in scaled coordinates) of the central differences of the covariance Jacobian. */
    static final double CENTRAL_STEP = 1e-4;

    /**
     * The Jacobian of the model at scaled point {@code v} by central differences (error O(h^2), not the
     * O(h) of LM's forward differences), used for the Laplace covariance that seeds and scales the sampler.
     * Near a bound the two-point stencil is moved inside (one-sided second-order formula).
     */
    static double[][] centralJacobian(SpectrumModel model, List<FitParameter> params, int[] free, double[] start, double[] centre,
                                      double[] scales, double[] v) {
        int k = free.length;
        double h = CENTRAL_STEP;
        java.util.function.Function<double[], double[]> eval = u -> {
            double[] th = start.clone();
            for (int i = 0; i < k; i++) {
                FitParameter p = params.get(free[i]);
                th[free[i]] = Math.max(p.min(), Math.min(p.max(), centre[i] + scales[i] * u[i]));
            }
            return model.evaluate(th);
        };
        double[] m0 = null;
        double[][] jac = null;
        for (int c = 0; c < k; c++) {
            FitParameter p = params.get(free[c]);
            double x = centre[c] + scales[c] * v[c];
            boolean upOk = x + scales[c] * h <= p.max(), downOk = x - scales[c] * h >= p.min();
            double[] col;
            if (upOk && downOk) {
                double[] a = v.clone(), b = v.clone();
                a[c] += h; b[c] -= h;
                double[] ma = eval.apply(a), mb = eval.apply(b);
                if (jac == null) jac = new double[ma.length][k];
                col = new double[ma.length];
                for (int i = 0; i < ma.length; i++) col[i] = (ma[i] - mb[i]) / (2 * h);
            } else {
                if (m0 == null) m0 = eval.apply(v);
                double sgn = upOk ? 1 : -1;
                double[] a = v.clone(), b = v.clone();
                a[c] += sgn * h; b[c] += sgn * 2 * h;
                double[] ma = eval.apply(a), mb = eval.apply(b);
                if (jac == null) jac = new double[ma.length][k];
                col = new double[ma.length];
                for (int i = 0; i < ma.length; i++) col[i] = sgn * (-3 * m0[i] + 4 * ma[i] - mb[i]) / (2 * h);
            }
            for (int i = 0; i < col.length; i++) jac[i][c] = col[i];
        }
        return jac;
    }

    /** Half-width (points) of the running mean of squared residuals in {@link #robustCovariance}. */
    static final int ROBUST_HALF_WINDOW = 7;

    static double[] residuals(double[] m, double[] y) {
        double[] r = new double[y.length];
        for (int i = 0; i < r.length; i++) r[i] = y[i] - m[i];
        return r;
    }

    /**
     * Heteroscedasticity-consistent ("sandwich") covariance of least squares, HC1 form (White 1980; MacKinnon and
     * White 1985): (J^T J)^+ J^T diag(v) J (J^T J)^+ n / (n - k), mapped back to parameter units, where v_i is the
     * squared residual averaged over the points within {@code halfWindow} of i (a local noise variance; counting
     * noise changes slowly along a spectrum). Under one noise level for all points it agrees with
     * sigma^2 (J^T J)^+; under counting noise, where the points that fix the parameters (the peaks) are noisier
     * than the average point, sigma^2 (J^T J)^+ is too narrow and this is not (FitTest, SparkImageFitTest).
     */
    static double[][] robustCovariance(double[][] jac, double[] scales, double[] resid, int halfWindow) {
        int n = resid.length, k = scales.length;
        double[] r2 = new double[n + 1];
        for (int i = 0; i < n; i++) r2[i + 1] = r2[i] + resid[i] * resid[i];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - halfWindow), b = Math.min(n, i + halfWindow + 1);
            v[i] = (r2[b] - r2[a]) / (b - a);
        }
        RealMatrix j = MatrixUtils.createRealMatrix(jac);
        RealMatrix inv = new SingularValueDecomposition(j.transposeMultiply(j)).getSolver().getInverse();
        double[][] meat = new double[k][k];
        for (int i = 0; i < n; i++) {
            double[] row = jac[i];
            for (int a = 0; a < k; a++) {
                double ra = row[a] * v[i];
                for (int b = 0; b < k; b++) meat[a][b] += ra * row[b];
            }
        }
        RealMatrix c0 = inv.multiply(MatrixUtils.createRealMatrix(meat)).multiply(inv);
        double hc1 = n / (double) Math.max(1, n - k);
        double[][] c = new double[k][k];
        for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) c[a][b] = hc1 * c0.getEntry(a, b) * scales[a] * scales[b];
        for (int a = 0; a < k; a++) {
            double floor = 1e-12 * scales[a] * scales[a];
            if (!(c[a][a] > floor)) c[a][a] = floor;
        }
        return c;
    }

    /** sigma^2 (J^T J)^+ mapped back to parameter units (J in scaled coordinates). */
    static double[][] covariance(double[][] jac, double[] scales, double sigma) {
        int k = scales.length;
        RealMatrix j = MatrixUtils.createRealMatrix(jac);
        RealMatrix jtj = j.transposeMultiply(j);
        RealMatrix inv = new SingularValueDecomposition(jtj).getSolver().getInverse();
        double[][] c = new double[k][k];
        for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) c[a][b] = sigma * sigma * inv.getEntry(a, b) * scales[a] * scales[b];
        for (int a = 0; a < k; a++) {
            double floor = 1e-12 * scales[a] * scales[a];
            if (!(c[a][a] > floor)) c[a][a] = floor;
        }
        return c;
    }

    static double[][] cholesky(double[][] c) {
        int k = c.length;
        double[][] l = new double[k][k];
        double jitter = 0;
        for (int attempt = 0; attempt < 10; attempt++) {
            boolean ok = true;
            for (int i = 0; i < k && ok; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = c[i][j] + (i == j ? jitter * c[i][i] : 0);
                    for (int m = 0; m < j; m++) s -= l[i][m] * l[j][m];
                    if (i == j) {
                        if (!(s > 0)) { ok = false; break; }
                        l[i][i] = Math.sqrt(s);
                    } else l[i][j] = s / l[j][j];
                }
            }
            if (ok) return l;
            jitter = jitter == 0 ? 1e-9 : jitter * 100;
        }
        for (int i = 0; i < k; i++) { Arrays.fill(l[i], 0); l[i][i] = Math.sqrt(Math.max(c[i][i], 1e-300)); }
        return l;
    }

    // ---------------------------------------------------------------- emulator

    private static QuadraticEmulator buildEmulator(SpectrumModel model, List<FitParameter> params, int[] free, double[] best,
                                                   double[] bestFree, double[][] chol, long seed, ProgressListener progress, double spread) {
        int k = free.length, q = QuadraticEmulator.features(k);
        int nd = 2 * q + 10;
        SplittableRandom r = new SplittableRandom(seed * 17 + 3);
        double[][] z = new double[nd][], ys = new double[nd][];
        for (int s = 0; s < nd; s++) {
            double[] x = clampFree(QuadraticEmulator.unwhiten(bestFree, chol, s == 0 ? new double[k] : designPoint(r, k, spread)), params, free);
            double[] th = best.clone();
            for (int i = 0; i < k; i++) th[free[i]] = x[i];
            ys[s] = model.evaluate(th);
            z[s] = x;
        }
        progress.advance(60, "emulator built from " + nd + " forward-model spectra");
        return QuadraticEmulator.fit(bestFree, chol, z, ys, EMULATOR_LIMIT);
    }

    /** Design points: mostly N(0, spread^2), every fourth one uniform in [-8/3 spread, 8/3 spread]^k (covers the tails; spread 1.5: [-4, 4]). */
    private static double[] designPoint(SplittableRandom r, int k, double spread) {
        if (r.nextInt(4) == 0) {
            double[] z = new double[k];
            double h = 8.0 / 3.0 * spread;
            for (int i = 0; i < k; i++) z[i] = -h + 2 * h * r.nextDouble();
            return z;
        }
        return gaussian(r, k, spread);
    }

    /**
     * Emulator validation on held-out points drawn from the Laplace approximation: the RMS error of the
     * spectrum (in units of sigma) and the standard deviation over the points of the error of the log
     * likelihood, -RSS / (2 sigma^2) (a constant offset does not change the posterior). The second is what the
     * sampler feels: 501 points with an RMS error of 0.1 sigma already move the log likelihood by about 2.5.
     */
    record Validation(double rmsOverSigma, double logLikelihoodError) {
        boolean ok() { return rmsOverSigma <= EMULATOR_MAX_RMS_OVER_SIGMA && logLikelihoodError <= EMULATOR_MAX_LOGL_ERROR; }
    }

    /** An emulator whose log-likelihood error (standard deviation over the validation points) exceeds this is rejected. */
    public static final double EMULATOR_MAX_LOGL_ERROR = 0.5;

    /**
     * The emulator checked where the sampler went: 20 seeded draws of the chain's samples, the same two
     * measures as {@link #validateEmulator}.
     */
    static Validation validateOnSamples(QuadraticEmulator em, SpectrumModel model, double[] y, double[] best, int[] free,
                                        double[][] samples, long seed, double sigma) {
        SplittableRandom r = new SplittableRandom(seed * 23 + 5);
        return validate(em, model, y, best, free, sigma, () -> samples[r.nextInt(samples.length)]);
    }

    private static Validation validateEmulator(QuadraticEmulator em, SpectrumModel model, double[] y, List<FitParameter> params, int[] free,
                                               double[] best, double[] bestFree, double[][] chol, long seed, double sigma) {
        SplittableRandom r = new SplittableRandom(seed * 19 + 11);
        return validate(em, model, y, best, free, sigma,
                () -> clampFree(QuadraticEmulator.unwhiten(bestFree, chol, gaussian(r, free.length, 1.0)), params, free));
    }

    /** Both emulator measures over 20 points drawn by {@code draw} (free-parameter vectors). */
    private static Validation validate(QuadraticEmulator em, SpectrumModel model, double[] y, double[] best, int[] free, double sigma,
                                       java.util.function.Supplier<double[]> draw) {
        int k = free.length, nv = 20;
        double s2 = 0;
        long count = 0;
        double[] dl = new double[nv];
        for (int s = 0; s < nv; s++) {
            double[] x = draw.get();
            double[] th = best.clone();
            for (int i = 0; i < k; i++) th[free[i]] = x[i];
            double[] exact = model.evaluate(th), approx = em.evaluate(x);
            for (int i = 0; i < exact.length; i++) { double d = exact[i] - approx[i]; s2 += d * d; count++; }
            dl[s] = (rss(exact, y) - rss(approx, y)) / (2 * sigma * sigma);
        }
        double mean = Arrays.stream(dl).average().orElse(0), v = 0;
        for (double d : dl) v += (d - mean) * (d - mean);
        return new Validation(Math.sqrt(s2 / count) / sigma, Math.sqrt(v / (nv - 1)));
    }

    // ---------------------------------------------------------------- surrogate check

    private static Map<String, Object> engineCheck(SpectrumModel surrogateModel, ForwardModel forward, ColumnSpectrum data, double[] best,
                                                   List<FitParameter> params, int[] free, double[] y, double sigma, double rss, double seExp) {
        EngineForwardModel engine = new EngineForwardModel(forward.ion());
        SpectrumModel em = new SpectrumModel(engine, data.energiesEv());
        double[] th = best.clone();
        List<Integer> lin = new ArrayList<>();
        for (int i : free) if (SpectrumModel.isLinear(params.get(i).name())) lin.add(i);
        double[] line = em.lineShape(th);
        double rssEngine = profileLinear(em, y, params, lin, th, line);
        SpectrumModel.Components c = em.components(th, line);
        double[] bgSub = new double[y.length];
        for (int i = 0; i < y.length; i++) bgSub[i] = y[i] - c.background()[i];
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("surrogate", forward.kind());
        m.put("surrogate_rss", rss);
        m.put("surrogate_se_exp", seExp);
        m.put("engine_rss", rssEngine);
        m.put("engine_se_exp", SpectrumError.se(box(c.multiplet()), box(bgSub)));
        m.put("engine_reduced_chi2", rssEngine / Math.max(1, y.length - free.length) / (sigma * sigma));
        m.put("in_domain", forward.inDomain(SpectrumModel.multiplet(best)));
        return m;
    }

    // ---------------------------------------------------------------- helpers

    static double rss(double[] m, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) { double d = m[i] - y[i]; s += d * d; }
        return s;
    }

    /** Noise sigma from second differences: sqrt(mean((y[i-1] - 2 y[i] + y[i+1])^2) / 6) (white noise, smooth signal). */
    public static double differenceNoise(double[] x, double[] y) {
        int n = y.length;
        if (n < 3) return Double.NaN;
        double s = 0;
        for (int i = 1; i < n - 1; i++) {
            double d = y[i - 1] - 2 * y[i] + y[i + 1];
            s += d * d;
        }
        return Math.sqrt(s / (n - 2) / 6.0);
    }

    static double maxAbs(double[] y) {
        double m = 0;
        for (double v : y) m = Math.max(m, Math.abs(v));
        return m;
    }

    static double[] box(double[] y) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : y) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        double[] out = new double[y.length];
        double r = hi - lo;
        for (int i = 0; i < y.length; i++) out[i] = r > 0 ? (y[i] - lo) / r : 0;
        return out;
    }

    static double[] gaussian(SplittableRandom r, int k, double scale) {
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double u1 = r.nextDouble(), u2 = r.nextDouble();
            z[i] = scale * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }
        return z;
    }

    static double[] clampFree(double[] x, List<FitParameter> params, int[] free) {
        double[] out = x.clone();
        for (int i = 0; i < free.length; i++) {
            FitParameter p = params.get(free[i]);
            out[i] = Math.max(p.min(), Math.min(p.max(), out[i]));
        }
        return out;
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = Math.min(lo + 1, sorted.length - 1);
        double f = pos - lo;
        return sorted[lo] * (1 - f) + sorted[hi] * f;
    }

    static double[][] correlation(double[][] samples, int k) {
        int n = samples.length;
        double[] mean = new double[k];
        for (double[] s : samples) for (int i = 0; i < k; i++) mean[i] += s[i] / n;
        double[][] c = new double[k][k];
        for (double[] s : samples) for (int a = 0; a < k; a++) for (int b = a; b < k; b++) c[a][b] += (s[a] - mean[a]) * (s[b] - mean[b]);
        double[][] r = new double[k][k];
        for (int a = 0; a < k; a++) for (int b = a; b < k; b++) {
            double d = Math.sqrt(c[a][a] * c[b][b]);
            r[a][b] = r[b][a] = d > 0 ? c[a][b] / d : (a == b ? 1 : 0);
        }
        return r;
    }
}
