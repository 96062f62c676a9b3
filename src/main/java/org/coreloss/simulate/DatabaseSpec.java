package org.coreloss.simulate;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What a multiplet database is: ion, number of spectra, preset (parameter ranges), sampler, seed and
 * shard size. Every shard of the database is a pure function of this record and its index
 * ({@link ShardFunction}); the record is stored as {@code spec.json} in the database folder and a
 * re-run into the same folder must give an equal record.
 *
 * @param ion       ion name as in {@code hf_parameters.csv}, e.g. {@code "Ni2+"}
 * @param count     number of spectra (seed 003: 360,000 per ion)
 * @param preset    parameter ranges ({@link Preset})
 * @param sampler   how the unit cube is sampled ({@link Sampler})
 * @param seed      master seed; shard k draws from {@link #shardRandom(int)}
 * @param shardSize spectra per shard (the last shard may be shorter)
 */
public record DatabaseSpec(String ion, int count, Preset preset, Sampler sampler, long seed, int shardSize) {
    /** Largest database accepted (spectra). */
    public static final int MAX_COUNT = 100_000_000;
    /** Largest shard accepted (spectra). */
    public static final int MAX_SHARD_SIZE = 1_000_000;

    public DatabaseSpec {
        Objects.requireNonNull(ion, "ion");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(sampler, "sampler");
        if (count < 1 || count > MAX_COUNT) throw new IllegalArgumentException("count = " + count + ", expected 1.." + MAX_COUNT + " spectra");
        if (shardSize < 1 || shardSize > MAX_SHARD_SIZE) {
            throw new IllegalArgumentException("shardSize = " + shardSize + ", expected 1.." + MAX_SHARD_SIZE + " spectra");
        }
        Table1Ranges.forIon(ion); // validates the ion name (with the list of known ions)
    }

    /** Number of shards, ceil(count / shardSize). */
    public int shards() {
        return (count + shardSize - 1) / shardSize;
    }

    /** First global row of shard {@code k}. */
    public int firstRow(int k) {
        checkShard(k);
        return k * shardSize;
    }

    /** Rows in shard {@code k} (shardSize, or fewer for the last one). */
    public int rowsInShard(int k) {
        checkShard(k);
        return Math.min(shardSize, count - k * shardSize);
    }

    private void checkShard(int k) {
        if (k < 0 || k >= shards()) throw new IllegalArgumentException("shard index " + k + ", expected 0.." + (shards() - 1));
    }

    /** The parameter space of the preset for this ion. */
    public ParameterSpace space() {
        return preset.space(ion);
    }

    /** Folder name of shard {@code k}: {@code shard-00000}. */
    public static String shardName(int k) {
        return String.format(java.util.Locale.ROOT, "shard-%05d", k);
    }

    /**
     * The random generator of shard {@code k}: seeded with a SplitMix64 hash of (seed, the ion name's
     * UTF-8 bytes, k), so each shard can be recomputed alone, on any machine, in any order. Presets
     * and samplers share the draws (same seed and ion: Oh, D4h and C4v points are paired).
     */
    public SplittableRandom shardRandom(int k) {
        checkShard(k);
        return new SplittableRandom(shardSeed(seed, ion, k));
    }

    static long shardSeed(long seed, String ion, int k) {
        long h = mix64(seed ^ 0x636f72656c6f7373L); // "coreloss"
        for (byte b : ion.getBytes(StandardCharsets.UTF_8)) h = mix64(h ^ (b & 0xff));
        return mix64(h ^ (0x9E3779B97F4A7C15L * (k + 1L)));
    }

    /** SplitMix64 finaliser (Steele, Lea and Flood 2014). */
    static long mix64(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
