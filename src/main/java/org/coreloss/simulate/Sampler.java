package org.coreloss.simulate;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How points of the unit cube [0, 1)^d are drawn for a shard.
 * <ul>
 * <li>{@link #UNIFORM}: independent uniform draws, row by row (row i uses draws 9i .. 9i+8), so a
 *     shard's first m rows do not depend on its length.</li>
 * <li>{@link #LHS}: Latin hypercube of the shard's n points (McKay, Beckman and Conover 1979): for
 *     each dimension a random permutation of the n strata [k/n, (k+1)/n) and a uniform offset
 *     inside each stratum, so every dimension's marginal has exactly one point per stratum.
 *     Stratification holds within a shard (each shard is its own hypercube).</li>
 * </ul>
 * All draws come from the given {@link SplittableRandom}; same generator state, same points.
 */
public enum Sampler {
    UNIFORM, LHS;

    /** {@code n} points of [0, 1)^{@code dims}, as n rows of dims values. */
    public double[][] unitPoints(int n, int dims, SplittableRandom rng) {
        if (n < 0) throw new IllegalArgumentException("n = " + n + ", expected >= 0");
        if (dims < 1) throw new IllegalArgumentException("dims = " + dims + ", expected >= 1");
        double[][] u = new double[n][dims];
        switch (this) {
            case UNIFORM -> {
                for (int i = 0; i < n; i++) for (int d = 0; d < dims; d++) u[i][d] = rng.nextDouble();
            }
            case LHS -> {
                int[] perm = new int[n];
                for (int d = 0; d < dims; d++) {
                    for (int i = 0; i < n; i++) perm[i] = i;
                    for (int i = n - 1; i > 0; i--) { // Fisher-Yates
                        int j = rng.nextInt(i + 1);
                        int t = perm[i];
                        perm[i] = perm[j];
                        perm[j] = t;
                    }
                    for (int i = 0; i < n; i++) u[i][d] = Math.min((perm[i] + rng.nextDouble()) / n, Math.nextDown(1.0));
                }
            }
        }
        return u;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code uniform} or {@code lhs} (any case). */
    public static Sampler parse(String s) {
        if (s != null) {
            for (Sampler p : values()) if (p.id().equalsIgnoreCase(s.trim())) return p;
        }
        throw new IllegalArgumentException("sampler '" + s + "', expected uniform or lhs");
    }
}
