package org.coreloss.nn;

import org.coreloss.progress.ProgressListener;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mini-batch trainer for {@link NetworkSpec}s: standardises inputs (and regression targets) on the training
 * rows, centres generator targets (see below), shuffles each epoch with {@code SplittableRandom(seed, epoch)},
 * reseeds ND4J's generator (dropout) each epoch, applies the exponential learning-rate schedule, evaluates the validation loss after every
 * epoch, keeps the best weights, stops early after {@code patience} epochs without improvement, writes atomic
 * checkpoints ({@code last.zip}, {@code best.bin}, {@code state.json}) and resumes from them.
 *
 * <p>Generator targets (spectra) are centred per channel on the training mean and divided by one common
 * scale, the root mean square of the channel standard deviations ({@link Scaler#fitCentred}). The network
 * then starts at the mean training spectrum with unit-variance targets, where its initial weights put it,
 * instead of spending its first few hundred RMSProp steps shrinking random outputs of order 1 to spectra of
 * order 0.1 (docs/paper-003.md: with raw targets the quick seed-003 generators ended worse than the mean
 * spectrum). One common scale keeps the objective the plain MSE over channels (no channel is re-weighted);
 * reported generator losses (train, validation, best) are converted back to spectrum units (x scale^2),
 * so they are MSEs of the spectra as before. Regressor losses stay in standardised units.
 *
 * <p>Determinism: on one machine with a fixed thread count the same seed gives bit-identical weights.
 * Interruption (thread interrupt or {@link ProgressListener#isCancelled()}) is checked before every
 * iteration; the run then ends with the best weights so far (or the current ones if no epoch finished).
 */
public final class Trainer {
    private Trainer() {}

    /** Trains without validation rows: the training loss drives best-model selection and early stopping. */
    public static TrainingResult fit(NetworkSpec spec, float[][] xTrain, float[][] yTrain, TrainingOptions options,
                                     ProgressListener listener) {
        return fit(spec, xTrain, yTrain, null, null, options, listener);
    }

    /**
     * Trains {@code spec} on rows {@code xTrain} -> {@code yTrain} (one-hot rows for softmax heads) and
     * monitors {@code xVal} -> {@code yVal} (may both be null).
     */
    public static TrainingResult fit(NetworkSpec spec, float[][] xTrain, float[][] yTrain, float[][] xVal, float[][] yVal,
                                     TrainingOptions options, ProgressListener listener) {
        NativeMemory.markUsed();
        // thread choice (ComputeThreads): one thread for small dense steps unless set explicitly; restored afterwards
        long work = DenseFastPath.supports(spec) ? (long) Math.min(options.batchSize(), Math.max(1, xTrain.length)) * spec.parameterCount() : Long.MAX_VALUE;
        AutoCloseable threads = ComputeThreads.scopeForTraining(work);
        try {
            return fitWithThreads(spec, xTrain, yTrain, xVal, yVal, options, listener);
        } finally {
            try { threads.close(); } catch (Exception e) { throw new IllegalStateException(e); }
        }
    }

    private static TrainingResult fitWithThreads(NetworkSpec spec, float[][] xTrain, float[][] yTrain, float[][] xVal, float[][] yVal,
                                                 TrainingOptions options, ProgressListener listener) {
        if (listener == null) listener = ProgressListener.NONE;
        checkShapes("training", spec, xTrain, yTrain);
        boolean hasVal = xVal != null && xVal.length > 0;
        if (hasVal) checkShapes("validation", spec, xVal, yVal);
        boolean scaleTargets = spec instanceof RegressorSpec r && r.head() == RegressorSpec.Head.LINEAR;
        Scaler inScaler = Scaler.fit(xTrain);
        boolean generator = spec instanceof GeneratorSpec;
        Scaler outScaler = scaleTargets ? Scaler.fit(yTrain) : generator ? Scaler.fitCentred(yTrain) : Scaler.identity(spec.outputSize());
        // generator losses are reported in spectrum units: MSE in centred-and-scaled units times scale^2
        double lossUnit = generator ? (double) outScaler.std()[0] * outScaler.std()[0] : 1.0;
        float[] xs = flatten(inScaler.apply(xTrain)), ys = flatten(outScaler.apply(yTrain));
        float[] xv = hasVal ? flatten(inScaler.apply(xVal)) : null, yv = hasVal ? flatten(outScaler.apply(yVal)) : null;
        int n = xTrain.length, in = spec.inputSize(), out = spec.outputSize(), bs = Math.min(options.batchSize(), n);
        int batches = (n + bs - 1) / bs;

        ComputationGraph g;
        State st;
        Checkpoints cp = options.checkpointDir() == null ? null : new Checkpoints(options.checkpointDir());
        INDArray bestParams = null;
        if (cp != null && cp.exists()) {
            st = cp.readState(spec);
            g = cp.readLast();
            bestParams = cp.readBest();
        } else {
            g = Networks.build(spec, options.seed(), options.learningRate());
            st = new State(spec.toString(), 0, -1, Double.POSITIVE_INFINITY, 0, new ArrayList<>(), new ArrayList<>());
            st.targets = targetHandling(spec);
        }

        DenseFastPath fast = DenseFastPath.supports(spec) ? new DenseFastPath(g, spec) : null;
        boolean interrupted = false, early = false;
        listener.start("train " + (spec instanceof RegressorSpec ? "regressor" : "generator"), (long) options.epochs() * batches);
        try {
            float[] xb = new float[bs * in], yb = new float[bs * out];
            double currentLr = st.epochsDone == 0 ? options.learningRate() : Double.NaN;
            long lastMessageNs = 0;
            epochs:
            for (int epoch = st.epochsDone; epoch < options.epochs(); epoch++) {
                if (st.sinceBest >= options.patience()) { early = true; break; }
                double lr = options.learningRateAt(epoch);
                if (lr != currentLr) { g.setLearningRate(lr); currentLr = lr; } // costly call (~1 ms): only on change
                Nd4j.getRandom().setSeed(Networks.nd4jSeed(options.seed() * 1_000_003L + epoch)); // this thread's generator (dropout)
                if (fast != null) fast.seedDropout(options.seed() * 1_000_003L + epoch);
                int[] perm = permutation(n, new SplittableRandom(options.seed() ^ (0x9E3779B97F4A7C15L * (epoch + 1))));
                double lossSum = 0;
                for (int b = 0; b < batches; b++) {
                    if (listener.isCancelled() || Thread.currentThread().isInterrupted()) { interrupted = true; break epochs; }
                    int start = b * bs, m = Math.min(bs, n - start);
                    for (int i = 0; i < m; i++) {
                        int r = perm[start + i];
                        System.arraycopy(xs, r * in, xb, i * in, in);
                        System.arraycopy(ys, r * out, yb, i * out, out);
                    }
                    double s;
                    if (fast != null) {
                        s = fast.fit(xb, yb, m);
                    } else {
                        INDArray fx = Nd4j.create(m == bs ? xb : java.util.Arrays.copyOf(xb, m * in), new long[]{m, in}, DataType.FLOAT);
                        INDArray fy = Nd4j.create(m == bs ? yb : java.util.Arrays.copyOf(yb, m * out), new long[]{m, out}, DataType.FLOAT);
                        g.fit(new DataSet(fx, fy));
                        s = g.score();
                    }
                    s *= lossUnit;
                    lossSum += s * m;
                    long now = System.nanoTime();
                    String msg = null; // formatting every iteration costs more than a small batch: at most 10 messages/s
                    if (now - lastMessageNs > 100_000_000L) {
                        lastMessageNs = now;
                        msg = String.format("epoch %d/%d loss %.5g%s", epoch + 1, options.epochs(), s,
                                st.val.isEmpty() ? "" : String.format(" val %.5g best %.5g", st.val.get(st.val.size() - 1), st.bestLoss));
                    }
                    listener.advance((long) epoch * batches + b + 1, msg);
                }
                double trainLoss = lossSum / n;
                double valLoss = hasVal ? lossUnit * evaluate(g, fast, spec.loss(), xv, yv, in, out) : trainLoss;
                st.train.add(trainLoss);
                st.val.add(valLoss);
                st.epochsDone = epoch + 1;
                if (valLoss < st.bestLoss) {
                    st.bestLoss = valLoss;
                    st.bestEpoch = epoch;
                    st.sinceBest = 0;
                    bestParams = g.params().dup();
                } else {
                    st.sinceBest++;
                }
                if (listener instanceof EpochListener el) el.epochEnd(epoch, trainLoss, valLoss);
                listener.advance((long) (epoch + 1) * batches, String.format("epoch %d/%d loss %.5g val %.5g best %.5g",
                        epoch + 1, options.epochs(), trainLoss, valLoss, st.bestLoss));
                if (cp != null && ((epoch + 1) % options.checkpointEvery() == 0 || epoch + 1 == options.epochs())) {
                    if (fast != null) fast.syncUpdaterState();
                    cp.write(g, bestParams, st);
                }
            }
            if (!interrupted && !early && st.sinceBest >= options.patience() && st.epochsDone < options.epochs()) early = true;
        } finally {
            listener.finish();
        }
        if (fast != null) fast.syncUpdaterState(); // the graph (and any model file) carries the updater state
        if (interrupted) Thread.interrupted(); // consume: reported in the result
        if (bestParams != null) g.setParams(bestParams);

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("bestValidationLoss", st.bestLoss);
        metrics.put("bestEpoch", (double) st.bestEpoch);
        metrics.put("epochsRun", (double) st.epochsDone);
        ModelMetadata meta = new ModelMetadata(spec instanceof RegressorSpec ? "regressor" : "generator",
                spec instanceof RegressorSpec r ? r : null, spec instanceof GeneratorSpec gs ? gs : null,
                null, null, "", hash(xTrain, yTrain), options.seed(), inScaler, outScaler, versions(), metrics, null,
                spec.inputSize(), 0, null, List.of());
        return new TrainingResult(new TrainedModel(g, meta), st.epochsDone, st.bestEpoch, st.bestLoss, st.train, st.val, early, interrupted);
    }

    /** Loss of the graph on scaled rows, in the same units as the training loss (without the L2 term). */
    static double evaluate(ComputationGraph g, DenseFastPath fast, NetworkSpec.Loss loss, float[] x, float[] y, int in, int out) {
        int rows = x.length / in;
        double sum = 0;
        for (int start = 0; start < rows; start += 1024) {
            int m = Math.min(1024, rows - start);
            float[] rowsIn = java.util.Arrays.copyOfRange(x, start * in, (start + m) * in);
            float[] p = fast != null ? fast.output(rowsIn, m)
                    : flat(g.outputSingle(false, Nd4j.create(rowsIn, new long[]{m, in}, DataType.FLOAT)));
            for (int k = 0; k < p.length; k++) {
                double t = y[start * out + k], d = p[k] - t;
                sum += switch (loss) {
                    case MAE -> Math.abs(d);
                    case MSE -> d * d;
                    case XENT -> t > 0 ? -t * Math.log(Math.max(p[k], 1e-12)) : 0;
                };
            }
        }
        return loss == NetworkSpec.Loss.XENT ? sum / rows : sum / ((double) rows * out);
    }

    /** SHA-256 (hex) of the row counts and float bits of {@code x} and {@code y}: identifies training data. */
    public static String hash(float[][] x, float[][] y) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer bb = ByteBuffer.allocate(4 * 4096); // big-endian float bits, as before: hashes are unchanged
            for (float[][] a : new float[][][]{x, y}) {
                md.update(ByteBuffer.allocate(4).putInt(a.length).array());
                for (float[] r : a) {
                    for (int from = 0; from < r.length; from += 4096) {
                        int n = Math.min(4096, r.length - from);
                        bb.clear();
                        bb.asFloatBuffer().put(r, from, n);
                        md.update(bb.array(), 0, 4 * n);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        String c = Trainer.class.getPackage().getImplementationVersion();
        v.put("coreloss", c == null ? "dev" : c);
        String d = ComputationGraph.class.getPackage().getImplementationVersion();
        v.put("dl4j", d == null ? "unknown" : d);
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    private static void checkShapes(String what, NetworkSpec spec, float[][] x, float[][] y) {
        if (x == null || y == null) throw new IllegalArgumentException(what + " inputs and targets must not be null");
        if (x.length == 0) throw new IllegalArgumentException(what + " set has no rows");
        if (x.length != y.length) throw new IllegalArgumentException(what + ": " + x.length + " input rows but " + y.length + " target rows");
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != spec.inputSize()) throw new IllegalArgumentException(what + " input row " + i + " has " + x[i].length + " values, expected " + spec.inputSize());
            if (y[i].length != spec.outputSize()) throw new IllegalArgumentException(what + " target row " + i + " has " + y[i].length + " values, expected " + spec.outputSize());
        }
    }

    /** Row-major copy of any array's values. */
    static float[] flat(INDArray a) { return Nd4j.toFlattened('c', a).toFloatVector(); }

    static float[] flatten(float[][] rows) {
        int c = rows[0].length;
        float[] d = new float[rows.length * c];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, d, i * c, c);
        return d;
    }

    static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) { int j = rnd.nextInt(i + 1); int t = p[i]; p[i] = p[j]; p[j] = t; }
        return p;
    }

    /** How targets are handled for {@code spec}; stored in checkpoints, so a resume never mixes two conventions. */
    static String targetHandling(NetworkSpec spec) {
        if (spec instanceof GeneratorSpec) return "centred-common-scale";
        return spec instanceof RegressorSpec r && r.head() == RegressorSpec.Head.LINEAR ? "standardised" : "raw";
    }

    /** Mutable training progress, persisted as state.json. */
    static final class State {
        String targets; // targetHandling(spec); null in checkpoints written before generator targets were centred
        String spec; int epochsDone; int bestEpoch; double bestLoss; int sinceBest; List<Double> train; List<Double> val;
        State(String spec, int epochsDone, int bestEpoch, double bestLoss, int sinceBest, List<Double> train, List<Double> val) {
            this.spec = spec; this.epochsDone = epochsDone; this.bestEpoch = bestEpoch; this.bestLoss = bestLoss;
            this.sinceBest = sinceBest; this.train = train; this.val = val;
        }
    }

    /** Checkpoint directory: last.zip (graph + updater), best.bin (best parameters), state.json; all atomic. */
    static final class Checkpoints {
        final Path dir, last, best, state;
        Checkpoints(Path dir) {
            this.dir = dir; last = dir.resolve("last.zip"); best = dir.resolve("best.bin"); state = dir.resolve("state.json");
        }
        boolean exists() { return Files.isRegularFile(state) && Files.isRegularFile(last); }

        void write(ComputationGraph g, INDArray bestParams, State st) {
            try {
                Files.createDirectories(dir);
                ModelFiles.writeGraph(g, last);
                if (bestParams != null) {
                    Path tmp = org.coreloss.data.io.AtomicFiles.createTempFile(dir, ".best", ".tmp");
                    try {
                        try (DataOutputStream os = new DataOutputStream(Files.newOutputStream(tmp))) { Nd4j.write(bestParams, os); }
                        Files.move(tmp, best, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } finally { Files.deleteIfExists(tmp); }
                }
                ModelFiles.writeString(state, ModelFiles.GSON.toJson(st)); // written last: marks a complete checkpoint
            } catch (IOException e) {
                throw new UncheckedIOException("checkpoint " + dir + ": " + e.getMessage(), e);
            }
        }

        State readState(NetworkSpec spec) {
            try {
                State s = ModelFiles.GSON.fromJson(Files.readString(state), State.class);
                if (s == null || !spec.toString().equals(s.spec)) {
                    throw new IllegalArgumentException(state + ": checkpoint is for spec " + (s == null ? null : s.spec) + ", not " + spec);
                }
                String expected = targetHandling(spec);
                if (s.targets == null && spec instanceof GeneratorSpec) {
                    throw new IllegalArgumentException(state + ": generator checkpoint written before targets were centred (field 'targets' missing, expected '"
                            + expected + "'): delete the checkpoint directory " + dir + " and train again");
                }
                if (s.targets != null && !s.targets.equals(expected)) {
                    throw new IllegalArgumentException(state + ": checkpoint targets '" + s.targets + "', expected '" + expected + "'");
                }
                if (s.targets == null) s.targets = expected;
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException(state + ": " + e.getMessage(), e);
            }
        }

        ComputationGraph readLast() {
            try { return ModelSerializer.restoreComputationGraph(last.toFile(), true); }
            catch (IOException e) { throw new UncheckedIOException(last + ": " + e.getMessage(), e); }
        }

        INDArray readBest() {
            if (!Files.isRegularFile(best)) return null;
            try (DataInputStream is = new DataInputStream(Files.newInputStream(best))) { return Nd4j.read(is); }
            catch (IOException e) { throw new UncheckedIOException(best + ": " + e.getMessage(), e); }
        }
    }
}
