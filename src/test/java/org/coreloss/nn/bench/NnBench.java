package org.coreloss.nn.bench;

import org.coreloss.nn.GeneratorSpec;
import org.coreloss.nn.NetworkSpec;
import org.coreloss.nn.Networks;
import org.coreloss.nn.RegressorSpec;
import org.coreloss.nn.Trainer;
import org.coreloss.nn.TrainingOptions;
import org.coreloss.nn.TrainingResult;
import org.coreloss.progress.ProgressListener;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Training/inference throughput of the benchmark networks in DL4J (counterpart: environment/bench.d/nn_torch.py).
 * Prints {@code DL4J <case> <samples/s>} lines. Args: case names (regressor, small, generator, infer, raw-regressor).
 * System properties: bench.epochs (default 3).
 */
public final class NnBench {
    public static void main(String[] args) {
        int epochs = Integer.getInteger("bench.epochs", 3);
        if (Boolean.getBoolean("bench.noHelpers")) org.nd4j.linalg.factory.Nd4j.getEnvironment().allowHelpers(false); // oneDNN off
        for (String c : args.length == 0 ? new String[]{"regressor", "generator", "infer"} : args) {
            switch (c) {
                case "regressor" -> System.out.printf("DL4J regressor %.1f%n", train(regressorSpec(), 6400, Integer.getInteger("bench.regressorBatch", 64), epochs, 1e-3));
                case "generator" -> System.out.printf("DL4J generator %.1f%n", train(generatorSpec(), 2560, 256, epochs, 1e-4));
                case "small" -> System.out.printf("DL4J small %.1f%n", train(smallSpec(), 3200, Integer.getInteger("bench.smallBatch", 32), epochs, 1e-3));
                case "raw-regressor" -> System.out.printf("DL4J raw-regressor %.1f%n", raw(regressorSpec(), 6400, 64, epochs));
                case "raw-generator" -> System.out.printf("DL4J raw-generator %.1f%n", raw(generatorSpec(), 2560, 256, epochs));
                case "infer" -> System.out.printf("DL4J infer10k_s %.3f%n", infer());
                default -> throw new IllegalArgumentException("unknown case " + c);
            }
        }
    }

    /** 160 -> 256 -> 256 -> 6, dropout 0.5 on the first hidden layer's output, Adam, MAE. */
    static RegressorSpec regressorSpec() {
        return new RegressorSpec(160, 0, List.of(256, 256), 0.5, 0, 6, RegressorSpec.Head.LINEAR, NetworkSpec.Loss.MAE);
    }

    /**
     * The small network of issue 14: 226 channels -> 128 -> 64 -> 2 targets, no dropout, Adam, MAE (a user's
     * "spectrum -> coordination number and mean bond length" regressor).
     */
    static RegressorSpec smallSpec() {
        return new RegressorSpec(226, 0, List.of(128, 64), 0.0, 0, 2, RegressorSpec.Head.LINEAR, NetworkSpec.Loss.MAE);
    }

    /** 9 parameters -> 220 cubic polynomial features -> 260 -> 160 -> 5 x 1000 -> 501, RMSProp, MSE. */
    static GeneratorSpec generatorSpec() {
        return new GeneratorSpec(PolyFeatures.size(9, 3), GeneratorSpec.Arch.DNN, 260, 160, 5, 1000, 1, 501, 0);
    }

    static float[][] random(int n, int c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][c];
        for (float[] row : x) for (int j = 0; j < c; j++) row[j] = (float) r.nextDouble();
        return x;
    }

    static float[][] inputs(NetworkSpec s, int n) {
        if (s instanceof GeneratorSpec) return PolyFeatures.expand(random(n, 9, 1), 3);
        return random(n, s.inputSize(), 1);
    }

    /**
     * Samples per second of {@link Trainer#fit}'s training loop (after one warm-up epoch in an earlier fit),
     * timed from the trainer's {@code start} to its {@code finish} progress call, as nn_torch.py times its loop:
     * shuffling, batching, steps and the per-epoch bookkeeping count; building the network and scaling the
     * data before the loop (PyTorch's counterpart is outside its window too) do not. The whole call's time is
     * printed beside it.
     */
    static double train(NetworkSpec s, int n, int batch, int epochs, double lr) {
        float[][] x = inputs(s, n), y = random(n, s.outputSize(), 2);
        TrainingOptions o = new TrainingOptions(1, batch, lr, 1.0, 1000, 1, null, 1);
        Trainer.fit(s, x, y, o, null);
        long[] window = new long[2];
        ProgressListener timer = new ProgressListener() {
            @Override public void start(String task, long total) { window[0] = System.nanoTime(); }
            @Override public void advance(long done, String message) {}
            @Override public void finish() { window[1] = System.nanoTime(); }
        };
        long t0 = System.nanoTime();
        TrainingResult r = Trainer.fit(s, x, y, o.withEpochs(epochs), timer);
        double whole = (System.nanoTime() - t0) / 1e9, sec = (window[1] - window[0]) / 1e9;
        System.out.printf("# %s: %d epochs in %.2f s (whole fit call %.2f s), final loss %.4g, %d parameters%n",
                s.getClass().getSimpleName(), epochs, sec, whole, r.trainLoss().get(r.trainLoss().size() - 1), s.parameterCount());
        return (double) n * epochs / sec;
    }

    /** Lower bound on per-iteration overhead: pre-built batches, fit(DataSet) only, no shuffling. */
    static double raw(NetworkSpec s, int n, int batch, int epochs) {
        ComputationGraph g = Networks.build(s, 1, 1e-4);
        float[][] x = inputs(s, n), y = random(n, s.outputSize(), 2);
        int nb = n / batch;
        DataSet[] ds = new DataSet[nb];
        for (int b = 0; b < nb; b++) {
            float[][] xb = java.util.Arrays.copyOfRange(x, b * batch, (b + 1) * batch), yb = java.util.Arrays.copyOfRange(y, b * batch, (b + 1) * batch);
            ds[b] = new DataSet(Nd4j.create(xb), Nd4j.create(yb));
        }
        for (DataSet d : ds) g.fit(d);
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) for (DataSet d : ds) g.fit(d);
        double sec = (System.nanoTime() - t0) / 1e9;
        return (double) nb * batch * epochs / sec;
    }

    /** Seconds to generate 10,000 spectra with a trained-size generator (feature expansion included). */
    static double infer() {
        GeneratorSpec s = generatorSpec();
        float[][] p = random(10_000, 9, 3);
        float[][] x = PolyFeatures.expand(p, 3);
        org.coreloss.nn.TrainedModel m = Trainer.fit(s, java.util.Arrays.copyOf(x, 256), random(256, 501, 4),
                new TrainingOptions(1, 256, 1e-4, 1.0, 1000, 1, null, 1), null).model();
        m.predict(java.util.Arrays.copyOf(x, 2048)); // warm-up
        long t0 = System.nanoTime();
        float[][] out = m.predict(PolyFeatures.expand(p, 3));
        double sec = (System.nanoTime() - t0) / 1e9;
        if (out.length != 10_000 || out[0].length != 501) throw new IllegalStateException("bad output shape");
        return sec;
    }
}
