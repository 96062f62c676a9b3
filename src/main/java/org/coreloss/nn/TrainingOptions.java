package org.coreloss.nn;

import java.nio.file.Path;

/**
 * Settings of one training run.
 *
 * @param epochs              maximum passes over the training rows (>= 1)
 * @param batchSize           rows per gradient step (>= 1)
 * @param learningRate        initial learning rate of Adam/RMSProp (> 0)
 * @param lrDecayPerEpoch     exponential schedule: lr(epoch) = learningRate * lrDecayPerEpoch^epoch, in (0, 1]
 * @param patience            early stopping: stop after this many epochs without a better validation loss
 *                            (>= 1; use {@code epochs} to disable)
 * @param seed                seed of initial weights, shuffling and dropout
 * @param checkpointDir       directory for atomic checkpoints and resume, or null for none
 * @param checkpointEvery     epochs between checkpoints (>= 1)
 * @param budgetWallSeconds   training stops (best weights kept) when the wall time spent training, over all runs of a
 *                            checkpoint, would pass this with one more epoch; {@code Double.POSITIVE_INFINITY} for none
 * @param budgetCpuSeconds    the same in CPU seconds of the process (all threads); {@code Double.POSITIVE_INFINITY} for none
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, double lrDecayPerEpoch, int patience,
                              long seed, Path checkpointDir, int checkpointEvery, double budgetWallSeconds, double budgetCpuSeconds) {
    /** Without time budgets. */
    public TrainingOptions(int epochs, int batchSize, double learningRate, double lrDecayPerEpoch, int patience,
                           long seed, Path checkpointDir, int checkpointEvery) {
        this(epochs, batchSize, learningRate, lrDecayPerEpoch, patience, seed, checkpointDir, checkpointEvery,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    public TrainingOptions {
        if (!(budgetWallSeconds > 0)) throw new IllegalArgumentException("budgetWallSeconds = " + budgetWallSeconds + ", expected > 0 (or infinity for none)");
        if (!(budgetCpuSeconds > 0)) throw new IllegalArgumentException("budgetCpuSeconds = " + budgetCpuSeconds + ", expected > 0 (or infinity for none)");
        if (epochs < 1) throw new IllegalArgumentException("epochs = " + epochs + ", expected >= 1");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize = " + batchSize + ", expected >= 1");
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) throw new IllegalArgumentException("learningRate = " + learningRate + ", expected finite > 0");
        if (!(lrDecayPerEpoch > 0 && lrDecayPerEpoch <= 1)) throw new IllegalArgumentException("lrDecayPerEpoch = " + lrDecayPerEpoch + ", expected in (0, 1]");
        if (patience < 1) throw new IllegalArgumentException("patience = " + patience + ", expected >= 1");
        if (checkpointEvery < 1) throw new IllegalArgumentException("checkpointEvery = " + checkpointEvery + ", expected >= 1");
    }

    /** Defaults: 100 epochs, batch 64, lr 1e-3, no decay, patience 20, no checkpoints. */
    public static TrainingOptions defaults(long seed) {
        return new TrainingOptions(100, 64, 1e-3, 1.0, 20, seed, null, 1);
    }

    public TrainingOptions withEpochs(int e) { return new TrainingOptions(e, batchSize, learningRate, lrDecayPerEpoch, patience, seed, checkpointDir, checkpointEvery, budgetWallSeconds, budgetCpuSeconds); }
    public TrainingOptions withBatchSize(int b) { return new TrainingOptions(epochs, b, learningRate, lrDecayPerEpoch, patience, seed, checkpointDir, checkpointEvery, budgetWallSeconds, budgetCpuSeconds); }
    public TrainingOptions withLearningRate(double lr, double decay) { return new TrainingOptions(epochs, batchSize, lr, decay, patience, seed, checkpointDir, checkpointEvery, budgetWallSeconds, budgetCpuSeconds); }
    public TrainingOptions withPatience(int p) { return new TrainingOptions(epochs, batchSize, learningRate, lrDecayPerEpoch, p, seed, checkpointDir, checkpointEvery, budgetWallSeconds, budgetCpuSeconds); }
    public TrainingOptions withSeed(long s) { return new TrainingOptions(epochs, batchSize, learningRate, lrDecayPerEpoch, patience, s, checkpointDir, checkpointEvery, budgetWallSeconds, budgetCpuSeconds); }
    public TrainingOptions withCheckpoints(Path dir, int every) { return new TrainingOptions(epochs, batchSize, learningRate, lrDecayPerEpoch, patience, seed, dir, every, budgetWallSeconds, budgetCpuSeconds); }

    /** Copy with a wall-time and a CPU-time budget in seconds (infinity: none). */
    public TrainingOptions withBudget(double wallSeconds, double cpuSeconds) {
        return new TrainingOptions(epochs, batchSize, learningRate, lrDecayPerEpoch, patience, seed, checkpointDir, checkpointEvery, wallSeconds, cpuSeconds);
    }

    /** Learning rate used during {@code epoch} (0-based). */
    public double learningRateAt(int epoch) { return learningRate * Math.pow(lrDecayPerEpoch, epoch); }
}
