package org.coreloss.studies;

import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.nn.ComputeThreads;
import org.coreloss.nn.DatasetTraining;
import org.coreloss.nn.GeneratorSpec;
import org.coreloss.nn.SurrogateEnsemble;
import org.coreloss.nn.TrainedModel;
import org.coreloss.nn.Trainer;
import org.coreloss.nn.TrainingOptions;
import org.coreloss.nn.TrainingResult;
import org.coreloss.progress.ProgressListener;
import org.coreloss.data.io.AtomicFiles;
import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.ParameterSpace;
import org.coreloss.simulate.Preset;
import org.coreloss.simulate.Sampler;
import org.coreloss.spectrum.SpectrumMatrix;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * Active learning for seed 003's generators (issue 16): does choosing the engine spectra by the ensemble's
 * disagreement reach random sampling's accuracy with fewer spectra?
 *
 * <p>Per seed s, two arms that differ only in how spectra are chosen:
 * <ul>
 *   <li><b>random</b>: a sequence of uniform random parameter sets in the ion's D4h Table 1 box (seed s); the
 *       ensemble is trained on its first n spectra for n = initial, initial + step, ..., final;</li>
 *   <li><b>active</b>: starts from the same first {@code initial} spectra; each round trains the ensemble, scores a
 *       candidate pool (uniform random parameter sets, another seed; parameters only, no engine call) by the
 *       members' disagreement ({@link SurrogateEnsemble#disagreement}: mean SE of each member against the mean),
 *       simulates the {@code step} highest-scoring candidates with the engine and adds them.</li>
 * </ul>
 * Both arms train the same network with the same options and member seeds from scratch at every size, and are
 * scored on the same test set (uniform, seed s + 1000; used for measurement only, never for a choice). The
 * result: the number of engine spectra the active arm needs to reach the random arm's test MSE at {@code final}
 * spectra (linear interpolation of log MSE between rounds), as a share of {@code final}; NaN when the active arm
 * never reaches it. Batch selection is greedy top-k (no diversity term), stated in the results file.
 */
public final class ActiveLearning {
    private ActiveLearning() {}

    /**
     * Options of one study.
     *
     * @param ion         e.g. Ni2+
     * @param initial     random spectra both arms start from
     * @param step        spectra added per round
     * @param finalCount  spectra of the random arm's last round (and the active arm's cap)
     * @param poolSize    candidate parameter sets the active arm chooses from
     * @param testCount   test spectra
     * @param members     ensemble members (>= 2: the disagreement needs two)
     * @param layers      DNN characteristic layers
     * @param units       neurons per characteristic layer
     * @param epochs      training epochs at every size (no early stopping)
     * @param batch       batch size
     * @param learningRate initial RMSProp learning rate
     * @param lrDecay     per-epoch decay
     * @param simThreads  engine threads
     */
    public record Options(String ion, int initial, int step, int finalCount, int poolSize, int testCount, int members,
                          int layers, int units, int epochs, int batch, double learningRate, double lrDecay, int simThreads) {
        public Options {
            Ions.get(ion);
            if (initial < 20) throw new IllegalArgumentException("initial = " + initial + ", expected >= 20");
            if (step < 1) throw new IllegalArgumentException("step = " + step + ", expected >= 1");
            if (finalCount <= initial || (finalCount - initial) % step != 0)
                throw new IllegalArgumentException("finalCount = " + finalCount + ", expected initial (" + initial + ") + a positive multiple of step (" + step + ")");
            if (poolSize < finalCount - initial) throw new IllegalArgumentException("poolSize = " + poolSize + ", expected >= finalCount - initial = " + (finalCount - initial));
            if (testCount < 10) throw new IllegalArgumentException("testCount = " + testCount + ", expected >= 10");
            if (members < 2) throw new IllegalArgumentException("members = " + members + ", expected >= 2 (disagreement needs two)");
            if (layers < 1 || units < 1 || epochs < 1 || batch < 1) throw new IllegalArgumentException("layers, units, epochs and batch must be >= 1");
        }

        /** The quick preset (CI-sized: seconds). */
        public static Options quick(String ion) { return new Options(ion, 100, 50, 300, 600, 100, 2, 1, 32, 8, 32, 1e-3, 0.97, 2); }

        /** The preset of the committed results (minutes per seed on two cores). */
        public static Options full(String ion) { return new Options(ion, 1000, 500, 4000, 12000, 1000, 3, 3, 256, 60, 64, 1e-3, 0.97, 2); }

        int rounds() { return (finalCount - initial) / step + 1; }
    }

    /** One point of a learning curve. */
    public record Point(int spectra, double testMse) {}

    /** One seed: both curves and the share. */
    public record SeedResult(long seed, List<Point> random, List<Point> active, double randomFinalMse,
                             double activeSpectraToReachRandom, double share) {
        /** Engine spectra of each round (the same for both arms). */
        public double[] spectra() { return random.stream().mapToDouble(Point::spectra).toArray(); }
        /** Test MSE of the random arm per round. */
        public double[] randomMse() { return random.stream().mapToDouble(Point::testMse).toArray(); }
        /** Test MSE of the active arm per round. */
        public double[] activeMse() { return active.stream().mapToDouble(Point::testMse).toArray(); }
    }

    /** The per-seed results of a results file written by {@link #run}. */
    public static List<SeedResult> readResults(Path file) throws IOException {
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(file)).getAsJsonObject();
        if (!o.has("per_seed")) throw new IOException(file + ": no per_seed array (not an active-learning results file)");
        return Arrays.asList(Paper003Surrogates.GSON.fromJson(o.get("per_seed"), SeedResult[].class));
    }

    record Saved(Options options, SeedResult result, double wallSeconds) {}

    /** Runs the study for one seed. */
    public static SeedResult runSeed(Options o, long seed, ProgressListener listener) {
        if (listener == null) listener = ProgressListener.NONE;
        Ion ion = Ions.get(o.ion());
        ParameterSpace space = Preset.D4H.space(o.ion());
        MultipletEngine engine = DatabaseGenerator.newEngine();
        int dims = space.dimensions();
        double[][] randomParams = points(space, Sampler.UNIFORM.unitPoints(o.finalCount(), dims, new SplittableRandom(seed)));
        double[][] poolParams = points(space, Sampler.UNIFORM.unitPoints(o.poolSize(), dims, new SplittableRandom(seed + 500)));
        double[][] testParams = points(space, Sampler.UNIFORM.unitPoints(o.testCount(), dims, new SplittableRandom(seed + 1000)));
        float[][] testX = toFloat(testParams);
        float[][] testY = simulate(engine, ion, testParams, o.simThreads(), listener);
        float[][] randomY = simulate(engine, ion, randomParams, o.simThreads(), listener);
        double[][] ranges = new double[dims][];
        for (int k = 0; k < dims; k++) ranges[k] = new double[]{space.parameters().get(k).min(), space.parameters().get(k).max()};
        double[] grid = engineGrid(engine, ion);

        listener.start("active learning " + o.ion() + " seed " + seed, 2L * o.rounds());
        long done = 0;
        // random arm: prefixes of the random sequence
        List<Point> random = new ArrayList<>();
        for (int r = 0; r < o.rounds(); r++) {
            int n = o.initial() + r * o.step();
            SurrogateEnsemble e = train(o, seed, toFloat(Arrays.copyOf(randomParams, n)), Arrays.copyOf(randomY, n), ranges, grid, listener);
            random.add(new Point(n, Paper003Surrogates.mse(e.predict(testX), testY)));
            listener.advance(++done, String.format("random n=%d test MSE %.3e", n, random.get(random.size() - 1).testMse()));
        }
        double target = random.get(random.size() - 1).testMse();
        // active arm
        List<double[]> chosen = new ArrayList<>(Arrays.asList(Arrays.copyOf(randomParams, o.initial())));
        List<float[]> chosenY = new ArrayList<>(Arrays.asList(Arrays.copyOf(randomY, o.initial())));
        boolean[] used = new boolean[poolParams.length];
        float[][] poolX = toFloat(poolParams);
        List<Point> active = new ArrayList<>();
        for (int r = 0; r < o.rounds(); r++) {
            if (listener.isCancelled()) throw new CancellationException("active learning interrupted");
            SurrogateEnsemble e = train(o, seed, toFloat(chosen.toArray(double[][]::new)), chosenY.toArray(float[][]::new), ranges, grid, listener);
            active.add(new Point(chosen.size(), Paper003Surrogates.mse(e.predict(testX), testY)));
            listener.advance(++done, String.format("active n=%d test MSE %.3e (random at %d: %.3e)", chosen.size(),
                    active.get(active.size() - 1).testMse(), o.finalCount(), target));
            if (r == o.rounds() - 1) break;
            double[] score = e.disagreement(poolX);
            int[] next = topUnused(score, used, o.step());
            double[][] add = new double[next.length][];
            for (int i = 0; i < next.length; i++) { add[i] = poolParams[next[i]]; used[next[i]] = true; }
            float[][] addY = simulate(engine, ion, add, o.simThreads(), ProgressListener.NONE);
            chosen.addAll(Arrays.asList(add));
            chosenY.addAll(Arrays.asList(addY));
        }
        listener.finish();
        double need = spectraToReach(active, target);
        return new SeedResult(seed, random, active, target, need, need / o.finalCount());
    }

    /**
     * Runs the seeds, writes the results JSON atomically (if {@code out} is not null) and returns its content.
     * Resumable by seed: with a {@code work} folder each finished seed is kept as {@code seed-S.json} (with its
     * options) and not run again.
     */
    public static Map<String, Object> run(Options o, List<Long> seeds, Path out, Path work, ProgressListener listener) throws IOException {
        long t0 = System.nanoTime();
        List<SeedResult> rs = new ArrayList<>();
        double seconds = 0;
        for (long s : seeds) {
            Path f = work == null ? null : work.resolve("seed-" + s + ".json");
            if (f != null && java.nio.file.Files.isRegularFile(f)) {
                Saved saved = Paper003Surrogates.GSON.fromJson(java.nio.file.Files.readString(f), Saved.class);
                if (saved.options().equals(o)) { rs.add(saved.result()); seconds += saved.wallSeconds(); continue; }
            }
            long t1 = System.nanoTime();
            SeedResult r = runSeed(o, s, listener);
            double w = (System.nanoTime() - t1) / 1e9;
            seconds += w;
            rs.add(r);
            if (f != null) {
                java.nio.file.Files.createDirectories(work);
                AtomicFiles.writeString(f, Paper003Surrogates.GSON.toJson(new Saved(o, r, w)));
            }
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("ion", o.ion());
        res.put("options", o);
        res.put("seeds", seeds);
        double[] shares = rs.stream().mapToDouble(SeedResult::share).toArray();
        res.put("share_per_seed", shares);
        boolean all = Arrays.stream(shares).allMatch(Double::isFinite);
        res.put("reached_in_every_seed", all);
        res.put("share_mean", all ? Arrays.stream(shares).average().orElse(Double.NaN) : Double.NaN);
        res.put("share_sd", all ? sd(shares) : Double.NaN);
        res.put("share_max", all ? Arrays.stream(shares).max().orElse(Double.NaN) : Double.NaN);
        res.put("target_share", 0.6);
        res.put("selection", "greedy top-" + o.step() + " by ensemble disagreement (mean SE of member vs mean) over a uniform pool of "
                + o.poolSize() + "; both arms retrain from scratch at every size with the same options and member seeds");
        res.put("per_seed", rs);
        res.put("wall_seconds", seconds);
        res.put("cores", Runtime.getRuntime().availableProcessors());
        res.put("load_average_end", Paper003Surrogates.load());
        res.put("created_utc", Instant.now().toString());
        if (out != null) AtomicFiles.writeString(out, Paper003Surrogates.GSON.toJson(res));
        return res;
    }

    /** Spectra at which a decreasing-ish curve first reaches {@code target} (log-MSE interpolation), NaN if never. */
    static double spectraToReach(List<Point> curve, double target) {
        for (int i = 0; i < curve.size(); i++) {
            Point p = curve.get(i);
            if (p.testMse() <= target) {
                if (i == 0) return p.spectra();
                Point q = curve.get(i - 1);
                double a = Math.log(q.testMse()), b = Math.log(p.testMse()), t = Math.log(target);
                double f = a == b ? 1 : (a - t) / (a - b);
                return q.spectra() + f * (p.spectra() - q.spectra());
            }
        }
        return Double.NaN;
    }

    static int[] topUnused(double[] score, boolean[] used, int k) {
        Integer[] idx = new Integer[score.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        // NaN scores last; ties by index (deterministic)
        Arrays.sort(idx, (a, b) -> {
            double sa = Double.isNaN(score[a]) ? Double.NEGATIVE_INFINITY : score[a], sb = Double.isNaN(score[b]) ? Double.NEGATIVE_INFINITY : score[b];
            int c = Double.compare(sb, sa);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[k];
        int m = 0;
        for (int i = 0; i < idx.length && m < k; i++) if (!used[idx[i]]) out[m++] = idx[i];
        if (m < k) throw new IllegalStateException("pool exhausted: " + m + " unused candidates, " + k + " needed");
        return out;
    }

    private static SurrogateEnsemble train(Options o, long seed, float[][] x, float[][] y, double[][] ranges, double[] grid, ProgressListener listener) {
        ComputeThreads.set(1);
        float[][] xe = DatasetTraining.expand(x, 3);
        GeneratorSpec spec = new GeneratorSpec(DatasetTraining.inputSize(x[0].length, 3), GeneratorSpec.Arch.DNN, 260, 160,
                o.layers(), o.units(), 1, y[0].length, 0);
        List<TrainedModel> ms = new ArrayList<>();
        for (int k = 0; k < o.members(); k++) {
            TrainingOptions to = TrainingOptions.defaults(seed * 100 + k).withEpochs(o.epochs()).withBatchSize(o.batch())
                    .withLearningRate(o.learningRate(), o.lrDecay()).withPatience(o.epochs());
            TrainingResult r = Trainer.fit(spec, xe, y, null, null, to, ProgressListener.cancelledWith(listener));
            if (r.interrupted()) throw new CancellationException("active learning interrupted while training");
            ms.add(r.model().withInputs(x[0].length, 3, grid));
        }
        return new SurrogateEnsemble(ms, ranges, 1.0);
    }

    private static double[][] points(ParameterSpace space, double[][] u) {
        double[][] p = new double[u.length][];
        for (int i = 0; i < u.length; i++) p[i] = space.at(u[i]);
        return p;
    }

    private static float[][] toFloat(double[][] p) {
        float[][] f = new float[p.length][];
        for (int i = 0; i < p.length; i++) {
            f[i] = new float[p[i].length];
            for (int j = 0; j < f[i].length; j++) f[i][j] = (float) p[i][j];
        }
        return f;
    }

    private static float[][] simulate(MultipletEngine engine, Ion ion, double[][] params, int threads, ProgressListener listener) {
        List<MultipletParameters> ps = new ArrayList<>(params.length);
        for (double[] v : params) ps.add(ParameterSpace.toMultipletParameters(v));
        SpectrumMatrix m = engine.spectra(ion, ps, threads, ProgressListener.NONE);
        return m.toArray();
    }

    private static double[] engineGrid(MultipletEngine engine, Ion ion) {
        SpectrumMatrix m = engine.spectra(ion, List.of(ParameterSpace.toMultipletParameters(Preset.D4H.space(ion.name()).at(new double[]{.5, .5, .5, .5, .5, .5, .5, .5, .5}))), 1, ProgressListener.NONE);
        double[] g = new double[m.channels()];
        for (int j = 0; j < g.length; j++) g[j] = m.grid().energyEv(j);
        return g;
    }

    private static double sd(double[] v) {
        double m = Arrays.stream(v).average().orElse(Double.NaN), s = 0;
        for (double d : v) s += (d - m) * (d - m);
        return v.length > 1 ? Math.sqrt(s / (v.length - 1)) : Double.NaN;
    }
}
