package org.coreloss.fit;

/**
 * Settings of a fit. {@code seed} drives every random choice (global search, sampler, emulator design).
 *
 * @param seed random seed
 * @param noise how the noise sigma of the likelihood is set
 * @param noiseSigma the sigma for {@link Noise#GIVEN} (data units), else ignored
 * @param globalEvaluations model evaluations per CMA-ES run; 0 = automatic (600 for ions whose final
 *        space has at most 300 states, i.e. engine spectra under ~5 ms; 250 otherwise)
 * @param globalRuns CMA-ES runs from different starts (the setup's start, then seeded uniform points); 0 = automatic (3 / 2)
 * @param sampler where the posterior is sampled
 * @param walkers ensemble walkers; 0 = automatic (max(24, 2 d + 4), d free parameters)
 * @param burnSteps discarded sampler steps
 * @param steps kept sampler steps
 * @param globalRetry repeat the global search once (twice the runs, another seed) when the best fit's reduced
 *        chi2 against the difference noise exceeds {@link Fitter#GLOBAL_RETRY_CHI2} (default true; measured
 *        spectra with model error always trigger it)
 */
public record FitOptions(long seed, Noise noise, double noiseSigma, int globalEvaluations, int globalRuns,
                         Sampling sampler, int walkers, int burnSteps, int steps, boolean globalRetry) {
    public FitOptions(long seed, Noise noise, double noiseSigma, int globalEvaluations, int globalRuns,
                      Sampling sampler, int walkers, int burnSteps, int steps) {
        this(seed, noise, noiseSigma, globalEvaluations, globalRuns, sampler, walkers, burnSteps, steps, true);
    }

    /** Noise sigma: from the best fit's residuals (RSS / (N - k)), from second differences of the data, or given. */
    public enum Noise { RESIDUAL, DIFFERENCE, GIVEN }

    /**
     * Where the posterior is sampled: {@code ENGINE} (the forward model itself), {@code EMULATOR} (a local
     * quadratic emulator validated against the forward model), {@code AUTO} (engine when the ion's final
     * space has at most {@link Fitter#ENGINE_SAMPLING_MAX_FINAL_DIMENSION} states, else emulator; an
     * emulator that fails validation falls back to the engine), {@code NONE} (Laplace approximation only).
     */
    public enum Sampling { AUTO, ENGINE, EMULATOR, NONE }

    public FitOptions {
        if (noise == null) throw new FitException("noise mode is null, expected RESIDUAL, DIFFERENCE or GIVEN");
        if (noise == Noise.GIVEN && !(noiseSigma > 0 && Double.isFinite(noiseSigma))) {
            throw new FitException("noise sigma = " + noiseSigma + ", expected a finite value > 0 with noise GIVEN");
        }
        if (sampler == null) throw new FitException("sampler is null, expected AUTO, ENGINE, EMULATOR or NONE");
        if (globalEvaluations < 0 || globalRuns < 0 || walkers < 0 || burnSteps < 0 || steps < 0) {
            throw new FitException("negative count in fit options: globalEvaluations " + globalEvaluations + ", globalRuns " + globalRuns
                    + ", walkers " + walkers + ", burnSteps " + burnSteps + ", steps " + steps);
        }
        if (sampler != Sampling.NONE && steps < 10) throw new FitException("steps = " + steps + ", expected >= 10 when sampling");
    }

    /** Defaults: residual noise, automatic budgets and sampler, 200 burn-in and 300 kept steps. */
    public static FitOptions defaults(long seed) {
        return new FitOptions(seed, Noise.RESIDUAL, Double.NaN, 0, 0, Sampling.AUTO, 0, 200, 300);
    }

    public FitOptions withSeed(long s) { return new FitOptions(s, noise, noiseSigma, globalEvaluations, globalRuns, sampler, walkers, burnSteps, steps, globalRetry); }
    public FitOptions withNoise(Noise n, double sigma) { return new FitOptions(seed, n, sigma, globalEvaluations, globalRuns, sampler, walkers, burnSteps, steps, globalRetry); }
    public FitOptions withSampler(Sampling s) { return new FitOptions(seed, noise, noiseSigma, globalEvaluations, globalRuns, s, walkers, burnSteps, steps, globalRetry); }
    public FitOptions withSteps(int burn, int kept) { return new FitOptions(seed, noise, noiseSigma, globalEvaluations, globalRuns, sampler, walkers, burn, kept, globalRetry); }
    public FitOptions withGlobal(int evaluations, int runs) { return new FitOptions(seed, noise, noiseSigma, evaluations, runs, sampler, walkers, burnSteps, steps, globalRetry); }
    public FitOptions withGlobalRetry(boolean r) { return new FitOptions(seed, noise, noiseSigma, globalEvaluations, globalRuns, sampler, walkers, burnSteps, steps, r); }
    public FitOptions withWalkers(int w) { return new FitOptions(seed, noise, noiseSigma, globalEvaluations, globalRuns, sampler, w, burnSteps, steps, globalRetry); }
}
