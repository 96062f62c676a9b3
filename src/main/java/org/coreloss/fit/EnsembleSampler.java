package org.coreloss.fit;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Affine-invariant ensemble sampler (Goodman and Weare 2010, the "stretch move" of emcee): W walkers;
 * each update moves walker k towards/away from a random walker j of the other half,
 * y = x_j + z (x_k - x_j) with z ~ g(z) proportional to 1/sqrt(z) on [1/a, a], accepted with probability
 * min(1, z^(d-1) p(y)/p(x_k)). The two halves are updated in turn (the parallel form). Seeded: the same
 * seed, start and target give the same chain.
 */
public final class EnsembleSampler {
    /** The chain: samples[step][walker][dim] of the production steps, and acceptance fraction. */
    public record Chain(double[][][] samples, double[][] logProbability, double acceptanceFraction) {
        /** All production samples pooled, [steps * walkers][dim]. */
        public double[][] pooled() {
            int s = samples.length, w = samples[0].length;
            double[][] out = new double[s * w][];
            for (int i = 0; i < s; i++) for (int k = 0; k < w; k++) out[i * w + k] = samples[i][k].clone();
            return out;
        }
    }

    private final double stretch;

    public EnsembleSampler() { this(2.0); }

    public EnsembleSampler(double stretch) {
        if (!(stretch > 1)) throw new IllegalArgumentException("stretch a = " + stretch + ", expected > 1");
        this.stretch = stretch;
    }

    /**
     * Runs {@code burn} discarded steps then {@code steps} kept steps from the walkers {@code start}
     * ([W][d], every one with finite log probability, W even and >= 2d).
     */
    public Chain run(ToDoubleFunction<double[]> logProbability, double[][] start, int burn, int steps, long seed,
                     java.util.function.IntConsumer progress) {
        int w = start.length, d = start[0].length;
        if (w % 2 != 0 || w < 4) throw new IllegalArgumentException("walkers = " + w + ", expected an even number >= 4");
        double[][] x = new double[w][];
        double[] lp = new double[w];
        for (int k = 0; k < w; k++) {
            x[k] = start[k].clone();
            lp[k] = logProbability.applyAsDouble(x[k]);
            if (!Double.isFinite(lp[k])) throw new IllegalArgumentException("walker " + k + " starts where the log probability is " + lp[k]);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][][] samples = new double[steps][][];
        double[][] lps = new double[steps][];
        long accepted = 0, proposed = 0;
        int half = w / 2;
        for (int it = 0; it < burn + steps; it++) {
            if (Thread.currentThread().isInterrupted()) throw new java.util.concurrent.CancellationException("sampling interrupted");
            for (int part = 0; part < 2; part++) {
                int from = part * half, other = (1 - part) * half;
                for (int k = from; k < from + half; k++) {
                    int j = other + rnd.nextInt(half);
                    double u = rnd.nextDouble();
                    double z = Math.pow((stretch - 1) * u + 1, 2) / stretch;
                    double[] y = new double[d];
                    for (int i = 0; i < d; i++) y[i] = x[j][i] + z * (x[k][i] - x[j][i]);
                    double lpy = logProbability.applyAsDouble(y);
                    double logAccept = (d - 1) * Math.log(z) + lpy - lp[k];
                    double r = rnd.nextDouble();
                    if (it >= burn) proposed++;
                    if (Double.isFinite(lpy) && Math.log(r) < logAccept) {
                        x[k] = y;
                        lp[k] = lpy;
                        if (it >= burn) accepted++;
                    }
                }
            }
            if (it >= burn) {
                double[][] snap = new double[w][];
                for (int k = 0; k < w; k++) snap[k] = x[k].clone();
                samples[it - burn] = snap;
                lps[it - burn] = lp.clone();
            }
            if (progress != null) progress.accept(it + 1);
        }
        return new Chain(samples, lps, proposed == 0 ? 0 : accepted / (double) proposed);
    }
}
