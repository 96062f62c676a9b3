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
            g = cp.readGraph(st, spec, options);
            bestParams = cp.readBest(st);
        } else {
            g = Networks.build(spec, options.seed(), options.learningRate());
            st = new State(spec.toString(), 0, -1, Double.POSITIVE_INFINITY, 0, new ArrayList<>(), new ArrayList<>());
            st.targets = targetHandling(spec);
        }

        DenseFastPath fast = DenseFastPath.supports(spec) ? new DenseFastPath(g, spec) : null;
        boolean interrupted = false, early = false, budgetOut = false;
        Budget budget = new Budget(options, st);
        listener.start("train " + (spec instanceof RegressorSpec ? "regressor" : "generator"), (long) options.epochs() * batches);
        try {
            float[] xb = new float[bs * in], yb = new float[bs * out];
            double currentLr = Double.NaN; // set at the first epoch of every run, fresh or resumed: the same calls either way
            long lastMessageNs = 0;
            epochs:
            for (int epoch = st.epochsDone; epoch < options.epochs(); epoch++) {
                if (st.sinceBest >= options.patience()) { early = true; break; }
                if (budget.nextEpochWouldExceed()) { budgetOut = true; break; }
                budget.epochStart();
                double lr = options.learningRateAt(epoch);
                if (lr != currentLr) { g.setLearningRate(lr); currentLr = lr; } // costly call (~1 ms): only on change
                Nd4j.getRandom().setSeed(Networks.nd4jSeed(options.seed() * 1_000_003L + epoch)); // this thread's generator (dropout)
                if (fast != null) fast.seedDropout(options.seed() * 1_000_003L + epoch);
                int[] perm = permutation(n, new SplittableRandom(options.seed() ^ (0x9E3779B97F4A7C15L * (epoch + 1))));
                double lossSum = 0;
                for (int b = 0; b < batches; b++) {
                    if (listener.isCancelled() || Thread.currentThread().isInterrupted()) { interrupted = true; break epochs; }
                    if (budget.exceeded()) { budgetOut = true; break epochs; }
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
                budget.epochEnd(st);
                if (listener instanceof EpochListener el) el.epochEnd(epoch, trainLoss, valLoss);
                listener.advance((long) (epoch + 1) * batches, String.format("epoch %d/%d loss %.5g val %.5g best %.5g",
                        epoch + 1, options.epochs(), trainLoss, valLoss, st.bestLoss));
                if (cp != null && ((epoch + 1) % options.checkpointEvery() == 0 || epoch + 1 == options.epochs())) {
                    if (fast != null) fast.syncUpdaterState();
                    cp.write(g, bestParams, st);
                }
            }
            if (!interrupted && !early && !budgetOut && st.sinceBest >= options.patience() && st.epochsDone < options.epochs()) early = true;
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
        return new TrainingResult(new TrainedModel(g, meta), st.epochsDone, st.bestEpoch, st.bestLoss, st.train, st.val, early, interrupted,
                budgetOut, st.wallSeconds, st.cpuSeconds);
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
        /** 2: generation-named raw files (params-E.bin, updater-E.bin, best-E.bin); absent (0): last.zip + best.bin */
        int format;
        int iterationCount, epochCount;
        String paramsFile, updaterFile, bestFile;
        /** training time so far, all runs of this checkpoint together (budgets count it), and the last epoch's cost */
        double wallSeconds, cpuSeconds, lastEpochWallSeconds, lastEpochCpuSeconds;
        State(String spec, int epochsDone, int bestEpoch, double bestLoss, int sinceBest, List<Double> train, List<Double> val) {
            this.spec = spec; this.epochsDone = epochsDone; this.bestEpoch = bestEpoch; this.bestLoss = bestLoss;
            this.sinceBest = sinceBest; this.train = train; this.val = val;
        }
    }

    /**
     * Wall and CPU time budget of a run ({@link TrainingOptions#budgetWallSeconds()}, {@link TrainingOptions#budgetCpuSeconds()}),
     * counted over all runs of one checkpoint. An epoch is not started when the last epoch's cost would take the total past
     * the budget; a running epoch stops (mid-epoch) only when the budget is already spent.
     */
    static final class Budget {
        private static final java.lang.management.OperatingSystemMXBean OS = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        final double wallLimit, cpuLimit, wall0, cpu0;
        final long t0 = System.nanoTime(), c0 = processCpuNanos();
        long epochT0, epochC0;
        double lastWall, lastCpu;

        Budget(TrainingOptions o, State st) {
            wallLimit = o.budgetWallSeconds(); cpuLimit = o.budgetCpuSeconds();
            wall0 = st.wallSeconds; cpu0 = st.cpuSeconds; lastWall = st.lastEpochWallSeconds; lastCpu = st.lastEpochCpuSeconds;
        }

        /** CPU time of this process (all threads), nanoseconds; -1 where the JVM does not say. */
        static long processCpuNanos() {
            return OS instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : -1;
        }

        double wall() { return wall0 + (System.nanoTime() - t0) * 1e-9; }
        double cpu() { long c = processCpuNanos(); return c < 0 ? Double.NaN : cpu0 + (c - c0) * 1e-9; }

        boolean nextEpochWouldExceed() {
            return (Double.isFinite(wallLimit) && wall() + lastWall > wallLimit) || (Double.isFinite(cpuLimit) && cpu() + lastCpu > cpuLimit);
        }

        boolean exceeded() {
            return (Double.isFinite(wallLimit) && wall() > wallLimit) || (Double.isFinite(cpuLimit) && cpu() > cpuLimit);
        }

        void epochStart() { epochT0 = System.nanoTime(); epochC0 = processCpuNanos(); }

        void epochEnd(State st) {
            lastWall = (System.nanoTime() - epochT0) * 1e-9;
            long c = processCpuNanos();
            lastCpu = c < 0 ? 0 : (c - epochC0) * 1e-9;
            st.wallSeconds = wall(); st.cpuSeconds = cpu(); st.lastEpochWallSeconds = lastWall; st.lastEpochCpuSeconds = lastCpu;
        }
    }

    /**
     * Checkpoint directory. Format 2 (written now): {@code params-E.bin}, {@code updater-E.bin} and {@code best-E.bin}
     * (raw float32 arrays, E = epochs done) and {@code state.json}, which names them and is moved into place last, so
     * a checkpoint is complete and consistent as a set: a process killed at any point leaves the previous set intact
     * (the files of the previous set are deleted only after the new state.json is in place). Format 1 (read only):
     * {@code last.zip} + {@code best.bin}; there a kill between moving last.zip and state.json left weights of epoch
     * E+1 with a state of epoch E, and the resumed run then differed from the uninterrupted one.
     *
     * <p>Cost: the 4.77 M-parameter generator wrote last.zip (ModelSerializer, deflated) and best.bin
     * ({@code Nd4j.write}: one 4-byte unbuffered write per value) in ~9 CPU-s per epoch, mostly system time; raw
     * files are written in a few bulk writes (docs/surrogates.md has the measurement).
     */
    static final class Checkpoints {
        static final byte[] MAGIC = "CLRAW001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        final Path dir, last, best, state;
        Checkpoints(Path dir) {
            this.dir = dir; last = dir.resolve("last.zip"); best = dir.resolve("best.bin"); state = dir.resolve("state.json");
        }
        boolean exists() { return Files.isRegularFile(state); }

        void write(ComputationGraph g, INDArray bestParams, State st) {
            try {
                Files.createDirectories(dir);
                List<String> old = new ArrayList<>();
                for (String f : new String[]{st.paramsFile, st.updaterFile, st.bestFile}) if (f != null) old.add(f);
                if (st.format < 2) { old.add(last.getFileName().toString()); old.add(best.getFileName().toString()); }
                int e = st.epochsDone;
                String pf = "params-" + e + ".bin", uf = "updater-" + e + ".bin", bf = "best-" + e + ".bin";
                writeRaw(g.params(), dir.resolve(pf));
                INDArray u = g.getUpdater(true) == null ? null : g.getUpdater(true).getStateViewArray();
                if (u != null) writeRaw(u, dir.resolve(uf));
                if (bestParams != null) writeRaw(bestParams, dir.resolve(bf));
                st.format = 2;
                st.paramsFile = pf; st.updaterFile = u == null ? null : uf; st.bestFile = bestParams == null ? null : bf;
                st.iterationCount = g.getConfiguration().getIterationCount();
                st.epochCount = g.getConfiguration().getEpochCount();
                ModelFiles.writeString(state, ModelFiles.GSON.toJson(st)); // moved last: the new set is now the checkpoint
                for (String f : old) if (!f.equals(pf) && !f.equals(uf) && !f.equals(bf)) Files.deleteIfExists(dir.resolve(f));
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
                if (s.format < 2 && !Files.isRegularFile(last)) throw new IllegalArgumentException(state + ": no " + last + " next to it (format 1 checkpoint)");
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException(state + ": " + e.getMessage(), e);
            }
        }

        /** The graph of the checkpoint: format 2 builds the spec's graph and loads parameters, updater state and counters. */
        ComputationGraph readGraph(State st, NetworkSpec spec, TrainingOptions options) {
            if (st.format < 2) {
                try { return ModelSerializer.restoreComputationGraph(last.toFile(), true); }
                catch (IOException e) { throw new UncheckedIOException(last + ": " + e.getMessage(), e); }
            }
            ComputationGraph g = Networks.build(spec, options.seed(), options.learningRate());
            g.params().assign(readRaw(dir.resolve(st.paramsFile), g.numParams()));
            if (st.updaterFile != null) {
                INDArray u = g.getUpdater(true).getStateViewArray();
                if (u == null) throw new IllegalArgumentException(state + ": names updater state " + st.updaterFile + " but the graph's updater has none");
                u.assign(readRaw(dir.resolve(st.updaterFile), u.length()));
            }
            g.getConfiguration().setIterationCount(st.iterationCount);
            g.getConfiguration().setEpochCount(st.epochCount);
            return g;
        }

        INDArray readBest(State st) {
            if (st.format >= 2) return st.bestFile == null ? null : readRaw(dir.resolve(st.bestFile), -1);
            if (!Files.isRegularFile(best)) return null;
            try (DataInputStream is = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(best)))) { return Nd4j.read(is); }
            catch (IOException e) { throw new UncheckedIOException(best + ": " + e.getMessage(), e); }
        }

        /** Atomic write of {@code a}'s values (row-major) as MAGIC, int count, float32 little-endian. */
        static void writeRaw(INDArray a, Path target) throws IOException {
            float[] v = a.toFloatVector();
            ByteBuffer bb = ByteBuffer.allocate(MAGIC.length + 4 + 4 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            bb.put(MAGIC).putInt(v.length);
            bb.asFloatBuffer().put(v);
            Path tmp = org.coreloss.data.io.AtomicFiles.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
            try {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                    bb.rewind();
                    while (bb.hasRemaining()) ch.write(bb);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        /** Reads a {@link #writeRaw} file as a [1, n] float row; {@code expected} >= 0 checks the count. */
        static INDArray readRaw(Path file, long expected) {
            try {
                byte[] all = Files.readAllBytes(file);
                ByteBuffer bb = ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                byte[] magic = new byte[MAGIC.length];
                if (all.length < MAGIC.length + 4) throw new IllegalArgumentException(file + ": too short for a checkpoint array (" + all.length + " bytes)");
                bb.get(magic);
                if (!java.util.Arrays.equals(magic, MAGIC)) throw new IllegalArgumentException(file + ": not a checkpoint array (bad magic)");
                int n = bb.getInt();
                if (all.length != MAGIC.length + 4 + 4L * n) throw new IllegalArgumentException(file + ": " + n + " values announced, " + (all.length - MAGIC.length - 4) / 4 + " present (truncated?)");
                if (expected >= 0 && n != expected) throw new IllegalArgumentException(file + ": " + n + " values, expected " + expected);
                float[] v = new float[n];
                bb.asFloatBuffer().get(v);
                return Nd4j.createFromArray(v).reshape(1, n);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
        }
    }
}
