package org.coreloss.nn;

import org.coreloss.data.SpectraDataset;
import org.coreloss.progress.ProgressListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;


/**
 * The small argument surface shared by {@code %train} and {@code coreloss train}: a kind (regressor,
 * classifier, generator) and {@code --key value} options, turned into specs and {@link TrainingOptions}
 * and run on a {@link SpectraDataset}. See {@link #USAGE}.
 */
public record TrainingRecipe(String kind, List<String> targets, String label, List<String> params, List<String> scalars,
                             List<Integer> hidden, double dropout, double l2, NetworkSpec.Loss loss,
                             GeneratorSpec.Arch arch, int layers, Integer units, Integer kernel, int degree, Double splitEv,
                             boolean paper, double validationFraction, double testFraction, int epochs, int batch, Double learningRate,
                             double lrDecay, int patience, long seed, Path checkpoints, int checkpointEvery,
                             Double budgetMinutes, Double budgetCpuMinutes) {

    public static final String USAGE =
            "regressor  --targets A,B [--scalars S,..] [--hidden 256,256] [--dropout 0.5] [--l2 0] [--loss mae|mse]" + "\n" +
            "classifier --label COLUMN [--hidden 64] [--dropout 0.5] [--l2 0]" + "\n" +
            "generator  [--params P,..(default: all numeric columns)] [--degree 3] [--arch dnn|cnn|tcnn|lcnn] [--layers 5]" + "\n" +
            "           [--units N] [--kernel K] [--split-ev E (L3/L2 split at energy E)] [--paper (seed 003 sizes)]" + "\n" +
            "common:    [--val 0.2] [--test-fraction 0 (held-out test rows, evaluated against the mean predictor)] [--epochs 100] [--batch auto (regressor/classifier, see autoBatch)|256 (generator)] [--lr 1e-3] [--lr-decay 1] [--patience 20]" + "\n" +
            "           [--seed 1] [--checkpoints DIR] [--checkpoint-every 1 (epochs)]" + "\n" +
            "           [--budget MIN (wall minutes of training)] [--budget-cpu MIN (process CPU minutes)]";

    public TrainingRecipe {
        if (!List.of("regressor", "classifier", "generator").contains(kind)) {
            throw new IllegalArgumentException("kind '" + kind + "', expected regressor, classifier or generator");
        }
        if (kind.equals("regressor") && targets.isEmpty()) throw new IllegalArgumentException("regressor: --targets is required");
        if (kind.equals("classifier") && label == null) throw new IllegalArgumentException("classifier: --label is required");
        if (!(validationFraction >= 0 && validationFraction < 1)) throw new IllegalArgumentException("--val " + validationFraction + ", expected in [0, 1)");
        if (!(testFraction >= 0 && testFraction < 1)) throw new IllegalArgumentException("--test-fraction " + testFraction + ", expected in [0, 1)");
        if (testFraction > 0 && !kind.equals("regressor")) throw new IllegalArgumentException("--test-fraction: the evaluation against the mean predictor is for regressors; " + kind + " takes --val only");
        if (checkpointEvery < 1) throw new IllegalArgumentException("--checkpoint-every " + checkpointEvery + ", expected >= 1");
        if (budgetMinutes != null && !(budgetMinutes > 0)) throw new IllegalArgumentException("--budget " + budgetMinutes + ", expected minutes > 0");
        if (budgetCpuMinutes != null && !(budgetCpuMinutes > 0)) throw new IllegalArgumentException("--budget-cpu " + budgetCpuMinutes + ", expected minutes > 0");
        if (degree < 0 || degree > 6) throw new IllegalArgumentException("--degree " + degree + ", expected 0..6");
    }

    /**
     * Default initial learning rate of every kind, generators included (RMSProp on centred spectra): measured in
     * docs/surrogates.md (Ni2+, DNN-5; 1e-4 was the generator default before and trained several times slower).
     */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    /** Parses {@code kind --key value ...}; unknown options and bad numbers are errors naming the option. */
    public static TrainingRecipe parse(List<String> args) {
        if (args.isEmpty()) throw new IllegalArgumentException("expected regressor, classifier or generator, then options:\n" + USAGE);
        String kind = args.get(0);
        List<String> targets = List.of(), params = List.of(), scalars = List.of();
        List<Integer> hidden = null;
        String label = null;
        double dropout = 0.5, l2 = 0, val = 0.2, test = 0, decay = 1;
        NetworkSpec.Loss loss = NetworkSpec.Loss.MAE;
        GeneratorSpec.Arch arch = GeneratorSpec.Arch.DNN;
        int layers = 5, degree = kind.equals("generator") ? 3 : 0, epochs = 100, batch = kind.equals("generator") ? 256 : 0, patience = 20;
        Integer units = null, kernel = null;
        Double split = null, lr = null, budget = null, budgetCpu = null;
        int every = 1;
        boolean paper = false;
        long seed = 1;
        Path cp = null;
        for (int i = 1; i < args.size(); i++) {
            String k = args.get(i);
            if (k.equals("--paper")) { paper = true; continue; }
            if (!k.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + k + "'; options:\n" + USAGE);
            if (i + 1 >= args.size()) throw new IllegalArgumentException(k + ": expected a value");
            String v = args.get(++i);
            switch (k) {
                case "--targets" -> targets = list(v);
                case "--label" -> label = v;
                case "--params" -> params = list(v);
                case "--scalars" -> scalars = list(v);
                case "--hidden" -> hidden = list(v).stream().map(s -> intArg(k, s)).toList();
                case "--dropout" -> dropout = num(k, v);
                case "--l2" -> l2 = num(k, v);
                case "--loss" -> loss = switch (v.toLowerCase(Locale.ROOT)) {
                    case "mae" -> NetworkSpec.Loss.MAE;
                    case "mse" -> NetworkSpec.Loss.MSE;
                    default -> throw new IllegalArgumentException("--loss " + v + ", expected mae or mse");
                };
                case "--arch" -> {
                    try { arch = GeneratorSpec.Arch.valueOf(v.toUpperCase(Locale.ROOT)); }
                    catch (IllegalArgumentException e) { throw new IllegalArgumentException("--arch " + v + ", expected dnn, cnn, tcnn or lcnn"); }
                }
                case "--layers" -> layers = intArg(k, v);
                case "--units" -> units = intArg(k, v);
                case "--kernel" -> kernel = intArg(k, v);
                case "--degree" -> degree = intArg(k, v);
                case "--split-ev" -> split = num(k, v);
                case "--val" -> val = num(k, v);
                case "--test-fraction" -> test = num(k, v);
                case "--epochs" -> epochs = intArg(k, v);
                case "--batch" -> batch = intArg(k, v);
                case "--lr" -> lr = num(k, v);
                case "--lr-decay" -> decay = num(k, v);
                case "--patience" -> patience = intArg(k, v);
                case "--seed" -> seed = (long) num(k, v);
                case "--checkpoints" -> cp = Path.of(v);
                case "--checkpoint-every" -> every = intArg(k, v);
                case "--budget" -> budget = num(k, v);
                case "--budget-cpu" -> budgetCpu = num(k, v);
                default -> throw new IllegalArgumentException("unknown option " + k + "; options:\n" + USAGE);
            }
        }
        if (hidden == null) hidden = kind.equals("classifier") ? List.of(64) : List.of(256, 256);
        if (batch < 0 || (batch == 0 && args.contains("--batch"))) throw new IllegalArgumentException("--batch " + batch + ", expected >= 1");
        return new TrainingRecipe(kind, targets, label, params, scalars, hidden, dropout, l2, loss, arch, layers, units, kernel,
                degree, split, paper, val, test, epochs, batch, lr, decay, patience, seed, cp,
                every, budget, budgetCpu);
    }

    /** Training options of this recipe for {@code trainingRows} training rows (an automatic batch is resolved with {@link #autoBatch}). */
    public TrainingOptions options(int trainingRows) {
        double rate = learningRate != null ? learningRate : DEFAULT_LEARNING_RATE;
        return new TrainingOptions(epochs, batch > 0 ? batch : autoBatch(trainingRows), rate, lrDecay, patience, seed, checkpoints, checkpointEvery,
                budgetMinutes == null ? Double.POSITIVE_INFINITY : 60 * budgetMinutes,
                budgetCpuMinutes == null ? Double.POSITIVE_INFINITY : 60 * budgetCpuMinutes);
    }

    /** Training options for a batch given explicitly (or 64 if automatic: use {@link #options(int)} when the row count is known). */
    public TrainingOptions options() { return options(64 * 16); }

    /**
     * Default batch of regressors and classifiers (no {@code --batch}): the largest power of two not above
     * trainingRows / 16, clamped to [32, 256]. Larger batches train faster in samples per second (the per-step cost
     * of a small network is mostly fixed: results/nn-small/bench.json, docs/nn.md "Threads and batch size"); the
     * trainingRows / 16 term keeps at least 16 optimiser steps per epoch so small data sets still get enough updates.
     * Examples: 144 rows -> 32, 1,500 -> 64, 2,770 -> 128, 5,000 -> 256.
     */
    public static int autoBatch(int trainingRows) {
        int b = 32;
        while (b < 256 && 2L * b * 16 <= trainingRows) b *= 2;
        return b;
    }

    /** Seed of the test split: {@code seed XOR 0x5DEECE66D}, so test rows differ from the validation draw of the same seed. */
    public static final long TEST_SEED_XOR = 0x5DEECE66DL;

    /**
     * {train+validation, test}: the test rows are the first round(testFraction x N) of the seeded permutation
     * ({@link DatasetTraining#split} with seed {@code seed ^ TEST_SEED_XOR}); test is null for testFraction 0.
     */
    public SpectraDataset[] trainTestSplit(SpectraDataset ds) {
        return DatasetTraining.split(ds, testFraction, seed ^ TEST_SEED_XOR);
    }

    /**
     * Holds out the test rows, trains on the rest ({@link #run}) and, for regressors with a test fraction, evaluates
     * the model on the test rows against the mean predictor of the training rows.
     */
    public Outcome runAndEvaluate(SpectraDataset ds, ProgressListener listener) {
        SpectraDataset[] tt = trainTestSplit(ds);
        TrainingResult r = run(tt[0], listener);
        org.coreloss.eval.RegressionEvaluation ev = tt[1] == null || !kind.equals("regressor") ? null
                : DatasetTraining.evaluate(r.model(), tt[0], tt[1], "test fraction " + testFraction + ", seed " + seed);
        return new Outcome(r, tt[0], tt[1], ev);
    }

    /** A training run with its held-out test rows (null without a test fraction) and their evaluation (null likewise). */
    public record Outcome(TrainingResult result, SpectraDataset trainingRows, SpectraDataset test, org.coreloss.eval.RegressionEvaluation evaluation) {}

    /** Splits {@code ds} into training and validation rows (seeded), builds the spec for its sizes and trains. */
    public TrainingResult run(SpectraDataset ds, ProgressListener listener) {
        SpectraDataset[] tv = DatasetTraining.split(ds, validationFraction, seed);
        SpectraDataset train = tv[0], val = tv[1];
        switch (kind) {
            case "regressor" -> {
                RegressorSpec spec = new RegressorSpec(ds.channels(), scalars.size(), hidden, dropout, l2, targets.size(),
                        RegressorSpec.Head.LINEAR, loss);
                return DatasetTraining.regressor(train, val, targets, scalars, spec, options(train.size()), listener);
            }
            case "classifier" -> {
                int classes = (int) Arrays.stream(ds.labelAsString(label)).distinct().count();
                RegressorSpec spec = RegressorSpec.classifier(ds.channels(), hidden, dropout, l2, classes);
                return DatasetTraining.classifier(train, val, label, spec, options(train.size()), listener);
            }
            default -> {
                List<String> p = params.isEmpty() ? ds.numericColumnNames() : params;
                int in = DatasetTraining.inputSize(p.size(), degree);
                int splitChannel = splitEv == null ? 0 : DatasetTraining.channelAt(ds.grid(), splitEv);
                GeneratorSpec base = paper ? GeneratorSpec.paper(in, arch, layers, ds.channels(), splitChannel)
                        : GeneratorSpec.cpuDefault(in, arch, layers, ds.channels(), splitChannel);
                GeneratorSpec spec = new GeneratorSpec(in, arch, base.pre1(), base.pre2(), layers,
                        units != null ? units : base.units(), kernel != null ? kernel : base.kernelSize(), ds.channels(), splitChannel);
                return DatasetTraining.generator(train, val, p, degree, spec, options(train.size()), listener);
            }
        }
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) if (!s.isBlank()) out.add(s.trim());
        return List.copyOf(out);
    }

    private static double num(String k, String v) {
        try { return Double.parseDouble(v); } catch (NumberFormatException e) { throw new IllegalArgumentException(k + ": '" + v + "' is not a number"); }
    }

    private static int intArg(String k, String v) {
        try { return Integer.parseInt(v.trim()); } catch (NumberFormatException e) { throw new IllegalArgumentException(k + ": '" + v + "' is not an integer"); }
    }

}
