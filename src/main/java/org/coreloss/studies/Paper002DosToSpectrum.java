package org.coreloss.studies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.coreloss.data.Datasets;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.Splits;
import org.coreloss.eval.SpectrumError;
import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.nn.GeneratorSpec;
import org.coreloss.nn.Trainer;
import org.coreloss.nn.TrainingOptions;
import org.coreloss.nn.TrainingResult;
import org.coreloss.preprocess.Resample;
import org.coreloss.progress.ProgressListener;
import org.coreloss.provenance.RunRecord;
import org.coreloss.provenance.Step;
import org.coreloss.simulate.CrystalFieldDos;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.coreloss.stats.Pearson;

/**
 * Seed 002 (cheap ground-state information -> expensive spectrum, with and without one extra scalar) in two worlds
 * (docs/paper-002.md):
 * <ul>
 *   <li>(a) Ni2+: input the broadened one-electron D4h crystal-field d density ({@link CrystalFieldDos}) <em>and the
 *       Coulomb scaling S1</em>; target the multiplet L2,3 spectrum; quantity under test the many-electron excitation
 *       gap of H_i. Both arms see S1: the gap is a function of (Dq, Ds, Dt, S1), so the only difference between the
 *       arms is the gap itself, as the band gap is a function of the DOS in the seed. (The first version gave the gap
 *       arm S1's information through the gap while the other arm lacked S1: its gain was built into the inputs.)</li>
 *   <li>(b) S: input the Kbeta XES, target the K-edge XANES of the same molecule, quantity under test the formal
 *       S oxidation state.</li>
 * </ul>
 * Data and split use {@link Options#seed()}; each arm is trained once per training seed, and the effect (relative
 * change of the mean test MSE) is reported with its spread over seeds.
 */
public final class Paper002DosToSpectrum {
    public static final String NAME = "paper-002";
    static final int CHANNELS_A = 251;

    private Paper002DosToSpectrum() {
    }

    /**
     * @param seed          parameter sampling and split seed
     * @param trainingSeeds one training of each arm per seed (the effect's spread)
     * @param nMultiplet    Ni2+ spectra in world (a)
     * @param epochsA       maximum epochs (a); {@code patienceA} early-stopping patience
     * @param epochsB       maximum epochs (b); {@code patienceB}
     * @param lrDecayA      learning-rate decay per epoch (a)
     */
    public record Options(StudyMode mode, long seed, List<Long> trainingSeeds, int nMultiplet, int epochsA, int patienceA,
                          double lrDecayA, int epochsB, int patienceB, int engineThreads) {
        public static final Options QUICK = new Options(StudyMode.QUICK, 2, List.of(2L, 3L, 4L, 5L, 6L), 800, 6, 6, 0.97, 5, 5, 2);
        public static final Options FULL = new Options(StudyMode.FULL, 2, List.of(2L, 3L, 4L, 5L, 6L), 8000, 120, 30, 0.985, 300, 60, 2);

        public Options {
            trainingSeeds = List.copyOf(trainingSeeds);
            if (trainingSeeds.isEmpty()) throw new IllegalArgumentException("paper-002 options: at least one training seed");
            if (nMultiplet < 50) throw new IllegalArgumentException("paper-002 options: nMultiplet must be >= 50, got " + nMultiplet);
            if (epochsA < 1 || epochsB < 1 || patienceA < 1 || patienceB < 1 || engineThreads < 1) {
                throw new IllegalArgumentException("paper-002 options: epochs, patience and engineThreads must be >= 1");
            }
        }

        public static Options of(StudyMode mode) { return mode.quick() ? QUICK : FULL; }

        public Options withTrainingSeeds(List<Long> seeds) {
            return new Options(mode, seed, seeds, nMultiplet, epochsA, patienceA, lrDecayA, epochsB, patienceB, engineThreads);
        }
    }

    /**
     * The claim as ranges: each arm's mean test MSE relative to the mean training spectrum's (the generators must
     * learn something from the cheap input).
     */
    public record Thresholds(double maxMseRatioA, double maxMseRatioB) {
        public static final Thresholds QUICK = new Thresholds(0.8, 0.8);
        public static final Thresholds FULL = new Thresholds(0.6, 0.6);

        public static Thresholds of(StudyMode mode) { return mode.quick() ? QUICK : FULL; }
    }

    /** Inputs and targets of one world: arm 0 without, arm 1 with the quantity under test (last input column). */
    public record World(String name, List<String> arms, float[][] without, float[][] with, float[][] targets, EnergyGrid grid,
                        Splits.Split split, String[] ids) {
        /** The target spectrum of test row {@code t}. */
        public double[] testTarget(int t) {
            return toDouble(targets[split.test()[t]]);
        }

        /** Name of test row {@code t} ({@code "test t"} when the world has no ids). */
        public String testId(int t) {
            return ids == null ? "test " + t : ids[split.test()[t]];
        }
    }

    /** One trained arm on one seed: per-test-spectrum MSE and SE, and its test predictions. */
    public record Arm(String name, long seed, int epochsRun, int bestEpoch, double meanMse, double medianMse, double meanSe,
                      double medianSe, double fractionSeBelow005, double[] mse, double[] se, float[][] predictions) {
        /** The predicted spectrum of test row {@code t}. */
        public double[] prediction(int t) {
            return toDouble(predictions[t]);
        }
    }

    /**
     * The effect of the quantity under test over training seeds.
     *
     * @param changes          relative change of the mean test MSE (with / without − 1), one per seed
     * @param meanChange       their mean; {@code sdChange} their sample standard deviation
     * @param resolved         true when every seed changes in the same direction and |mean| > 2 standard errors
     */
    public record Effect(List<Long> seeds, double[] changes, double meanChange, double sdChange, double minChange,
                         double maxChange, boolean resolved) {
        public static Effect of(List<Long> seeds, double[] changes) {
            double mean = Arrays.stream(changes).average().orElse(Double.NaN);
            double sd = 0;
            for (double c : changes) sd += (c - mean) * (c - mean);
            sd = changes.length > 1 ? Math.sqrt(sd / (changes.length - 1)) : Double.NaN;
            double min = Arrays.stream(changes).min().orElse(Double.NaN), max = Arrays.stream(changes).max().orElse(Double.NaN);
            boolean sameSign = min > 0 || max < 0;
            boolean resolved = changes.length >= 2 && sameSign && Math.abs(mean) > 2 * sd / Math.sqrt(changes.length);
            return new Effect(List.copyOf(seeds), changes.clone(), mean, sd, min, max, resolved);
        }
    }

    /** One world's outcome: both arms per seed, the mean-spectrum baseline and the effect. */
    public record WorldResult(World world, List<Arm> without, List<Arm> with, double baselineMeanMse, Effect effect) {
        public Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("arms", world.arms());
            m.put("split", Paper001Sites.split(world.split().train().length, world.split().validation().length, world.split().test().length));
            m.put("baselineMeanMse", baselineMeanMse);
            m.put("without", armSummary(without));
            m.put("with", armSummary(with));
            m.put("firstSeed", Map.of("without", one(without.get(0)), "with", one(with.get(0))));
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("seeds", effect.seeds());
            e.put("changes", effect.changes());
            e.put("meanChange", effect.meanChange());
            e.put("sdChange", effect.sdChange());
            e.put("minChange", effect.minChange());
            e.put("maxChange", effect.maxChange());
            e.put("resolved", effect.resolved());
            m.put("effect", e);
            return m;
        }

        static Map<String, Object> one(Arm a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", a.seed()); m.put("epochsRun", a.epochsRun()); m.put("bestEpoch", a.bestEpoch());
            m.put("meanMse", a.meanMse()); m.put("medianMse", a.medianMse()); m.put("meanSe", a.meanSe()); m.put("medianSe", a.medianSe());
            m.put("fractionSeBelow005", a.fractionSeBelow005());
            return m;
        }

        static Map<String, Object> armSummary(List<Arm> arms) {
            double[] mean = arms.stream().mapToDouble(Arm::meanMse).toArray(), med = arms.stream().mapToDouble(Arm::medianMse).toArray();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("meanMsePerSeed", mean);
            m.put("meanMseAverage", Arrays.stream(mean).average().orElse(Double.NaN));
            m.put("medianMseAverage", Arrays.stream(med).average().orElse(Double.NaN));
            m.put("medianSeAverage", arms.stream().mapToDouble(Arm::medianSe).average().orElse(Double.NaN));
            return m;
        }
    }

    /**
     * @param gapStats  min, median, max of the gap (eV) in world (a)
     * @param rGapS1    Pearson r between the gap and S1; {@code rGap10Dq} between the gap and 10Dq
     */
    public record Result(Options options, WorldResult a, WorldResult b, double[] gapStats, double rGapS1, double rGap10Dq,
                         List<MultipletParameters> parameters, double[] gapEv, CrystalFieldDos dos, RunRecord record) implements StudyResult {
        @Override public String study() { return NAME; }

        @Override public StudyMode mode() { return options.mode(); }
        @Override
        public Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", options.mode().fileName());
            m.put("seed", options.seed());
            m.put("trainingSeeds", options.trainingSeeds());
            m.put("nMultiplet", options.nMultiplet());
            m.put("gapEv", Map.of("min", gapStats[0], "median", gapStats[1], "max", gapStats[2]));
            m.put("rGapS1", rGapS1);
            m.put("rGap10Dq", rGap10Dq);
            m.put("a", a.summary());
            m.put("b", b.summary());
            return m;
        }

        /** Throws unless every arm (first seed) beats the mean training spectrum by the stated factor. */
        public Result check(Thresholds t) {
            for (Arm arm : List.of(a.without().get(0), a.with().get(0))) {
                StudyCheckException.require(NAME, "(a) " + arm.name() + ": mean test MSE / mean-spectrum MSE", arm.meanMse() / a.baselineMeanMse(), 0, t.maxMseRatioA());
            }
            for (Arm arm : List.of(b.without().get(0), b.with().get(0))) {
                StudyCheckException.require(NAME, "(b) " + arm.name() + ": mean test MSE / mean-spectrum MSE", arm.meanMse() / b.baselineMeanMse(), 0, t.maxMseRatioB());
            }
            return this;
        }
    }

    /** The uniform parameter draw of world (a). */
    public static List<MultipletParameters> sampleParameters(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<MultipletParameters> params = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double dq = 0.2 * rnd.nextDouble(), ds = -0.4 + 0.8 * rnd.nextDouble(), dt = -0.2 + 0.4 * rnd.nextDouble();
            double s1 = 0.6 + 0.4 * rnd.nextDouble(), s2 = 0.6 + 0.4 * rnd.nextDouble();
            params.add(MultipletParameters.of(dq, ds, dt, s1, s2, 300, 0.1, 0.4, 0.6));
        }
        return params;
    }

    /**
     * Inputs of world (a): per parameter set the d density followed by S1 (arm "DOS + S1"), and the same followed by
     * the gap (arm "DOS + S1 + gap"): both arms carry S1.
     */
    static float[][][] inputsA(CrystalFieldDos dos, List<MultipletParameters> params, double[] gapEv) {
        int n = params.size();
        float[][] without = new float[n][], with = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] d = dos.densityFloat(params.get(i).initialCrystalField());
            without[i] = Arrays.copyOf(d, d.length + 1);
            without[i][d.length] = (float) params.get(i).s1();
            with[i] = Arrays.copyOf(without[i], d.length + 2);
            with[i][d.length + 1] = (float) gapEv[i];
        }
        return new float[][][] {without, with};
    }

    static float[] maxNormalised(float[] a) {
        float m = 0;
        for (float v : a) m = Math.max(m, v);
        if (!(m > 0)) throw new IllegalArgumentException("spectrum has no positive intensity");
        float[] o = a.clone();
        for (int i = 0; i < o.length; i++) o[i] /= m;
        return o;
    }

    static float[][] rows(float[][] a, int[] idx) {
        float[][] o = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) o[i] = a[idx[i]];
        return o;
    }

    /** Mean squared error of each row. */
    public static double[] mse(float[][] p, float[][] y) {
        double[] m = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double s = 0;
            for (int j = 0; j < p[i].length; j++) { double d = p[i][j] - y[i][j]; s += d * d; }
            m[i] = s / p[i].length;
        }
        return m;
    }

    public static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /** Row index of the median of {@code a} (the example spectrum of the figures). */
    public static int medianIndex(double[] a) {
        Integer[] o = new Integer[a.length];
        for (int i = 0; i < o.length; i++) o[i] = i;
        Arrays.sort(o, (x, y) -> Double.compare(a[x], a[y]));
        return o[a.length / 2];
    }

    static Arm evaluate(String name, long seed, TrainingResult r, float[][] x, float[][] y, EnergyGrid grid) {
        float[][] p = r.model().predict(x);
        double[] m = mse(p, y);
        double[] se = SpectrumError.se(SpectrumMatrix.of(grid, p), SpectrumMatrix.of(grid, y));
        double below = Arrays.stream(se).filter(v -> v < 0.05).count() / (double) se.length;
        return new Arm(name, seed, r.epochsRun(), r.bestEpoch(), Arrays.stream(m).average().orElse(Double.NaN), median(m),
                Arrays.stream(se).average().orElse(Double.NaN), median(se), below, m, se, p);
    }

    /** MSE of always predicting the mean training spectrum. */
    static double baselineMse(float[][] yTrain, float[][] yTest) {
        double[] mu = new double[yTrain[0].length];
        for (float[] r : yTrain) for (int j = 0; j < mu.length; j++) mu[j] += r[j] / (double) yTrain.length;
        double s = 0;
        for (float[] r : yTest) for (int j = 0; j < mu.length; j++) { double d = r[j] - mu[j]; s += d * d; }
        return s / ((double) yTest.length * mu.length);
    }

    /** Trains both arms of a world once per seed; {@code done} counts finished fits for the one progress bar of the run. */
    static WorldResult train(World w, List<Long> seeds, TrainingOptions base, ProgressListener progress, long[] done) {
        List<Arm> without = new ArrayList<>(), with = new ArrayList<>();
        Splits.Split s = w.split();
        float[][] yTr = rows(w.targets(), s.train()), yVa = rows(w.targets(), s.validation()), yTe = rows(w.targets(), s.test());
        double[] changes = new double[seeds.size()];
        for (int k = 0; k < seeds.size(); k++) {
            long seed = seeds.get(k);
            Arm[] arms = new Arm[2];
            for (int a = 0; a < 2; a++) {
                if (progress.isCancelled()) throw new java.util.concurrent.CancellationException("paper-002 interrupted");
                float[][] x = a == 0 ? w.without() : w.with();
                GeneratorSpec spec = new GeneratorSpec(x[0].length, GeneratorSpec.Arch.DNN, 128, 128, 1, 256, 1, w.grid().size(), 0);
                TrainingResult r = Trainer.fit(spec, rows(x, s.train()), yTr, rows(x, s.validation()), yVa, base.withSeed(seed), ProgressListener.NONE);
                arms[a] = evaluate(w.arms().get(a), seed, r, rows(x, s.test()), yTe, w.grid());
                progress.advance(++done[0], w.arms().get(a) + ", seed " + seed + ": " + r.epochsRun() + " epochs");
            }
            without.add(arms[0]);
            with.add(arms[1]);
            changes[k] = arms[1].meanMse() / arms[0].meanMse() - 1;
        }
        return new WorldResult(w, without, with, baselineMse(yTr, yTe), Effect.of(seeds, changes));
    }

    /** Runs both worlds. */
    public static Result run(Options o, ProgressListener progress) {
        long t0 = System.nanoTime();
        RunRecord.Builder rb = RunRecord.builder("paper-002-dos-to-spectrum").seed("data+split", o.seed()).option("mode", o.mode().fileName())
                .option("trainingSeeds", o.trainingSeeds()).option("nMultiplet", o.nMultiplet()).option("epochsA", o.epochsA())
                .option("epochsB", o.epochsB()).option("ion", "Ni2+").option("armsA", List.of("DOS + S1", "DOS + S1 + gap"));
        // (a) multiplet world
        Ion ion = Ions.get("Ni2+");
        List<MultipletParameters> params = sampleParameters(o.nMultiplet(), o.seed());
        MultipletEngine engine = new MultipletEngine();
        long t = System.nanoTime();
        SpectrumMatrix spectra = engine.spectra(ion, params, o.engineThreads(), ProgressListener.NONE);
        rb.timing("multipletSpectra_s", (System.nanoTime() - t) / 1e9);
        // generator target: every second channel (251 channels, 0.12 eV; the Lorentzian FWHM >= 0.4 eV loses nothing)
        int[] every2 = IntStream.range(0, CHANNELS_A).map(j -> 2 * j).toArray();
        double[] eAll = spectra.grid().energiesEv();
        float[][] yA = new float[o.nMultiplet()][CHANNELS_A];
        for (int i = 0; i < o.nMultiplet(); i++) for (int j = 0; j < CHANNELS_A; j++) yA[i][j] = spectra.get(i, every2[j]);
        EnergyGrid gridA = EnergyGrid.of(Arrays.stream(every2).mapToDouble(j -> eAll[j]).toArray());
        CrystalFieldDos dos = CrystalFieldDos.uniform(-4, 4, 161, 0.2);
        double[] gap = new double[o.nMultiplet()], s1 = new double[o.nMultiplet()], tenDq = new double[o.nMultiplet()];
        t = System.nanoTime();
        for (int i = 0; i < gap.length; i++) {
            gap[i] = CrystalFieldDos.excitationGapEv(engine.levels(ion, params.get(i)).initialEv(), 0.01);
            s1[i] = params.get(i).s1();
            tenDq[i] = 10 * params.get(i).dqEv();
        }
        float[][][] xa = inputsA(dos, params, gap);
        rb.timing("groundStateInputs_s", (System.nanoTime() - t) / 1e9);
        World a = new World("(a) Ni2+ L-edge from d density", List.of("DOS + S1", "DOS + S1 + gap"), xa[0], xa[1], yA, gridA,
                Splits.trainValidationTest(o.nMultiplet(), 0.1, o.seed()), null);
        TrainingOptions optA = TrainingOptions.defaults(o.seed()).withEpochs(o.epochsA()).withBatchSize(64)
                .withLearningRate(1e-3, o.lrDecayA()).withPatience(o.patienceA());
        t = System.nanoTime();
        long[] done = {0};
        progress.start("paper-002: 2 worlds x 2 arms x " + o.trainingSeeds().size() + " training seeds", 4L * o.trainingSeeds().size());
        WorldResult ra = train(a, o.trainingSeeds(), optA, progress, done);
        rb.timing("trainA_s", (System.nanoTime() - t) / 1e9);

        // (b) S XES -> XANES
        SpectraDataset xanes = Datasets.load("s-k-seidler"), xes = Datasets.load("s-k-seidler-xes");
        SpectraDataset xesR = Resample.uniform(2445, 2480, 200).apply(xes), xanesR = Resample.uniform(2467, 2498, 250).apply(xanes);
        double[] ox = xanes.label("oxidation_state");
        List<float[]> xb = new ArrayList<>(), xbs = new ArrayList<>(), yb = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < xanes.size(); i++) {
            int k = xes.indexOf(xanes.id(i));
            if (k < 0 || Double.isNaN(ox[i])) continue;
            float[] x = maxNormalised(xesR.spectra().row(k));
            xb.add(x);
            float[] xs = Arrays.copyOf(x, x.length + 1);
            xs[x.length] = (float) ox[i];
            xbs.add(xs);
            yb.add(maxNormalised(xanesR.spectra().row(i)));
            ids.add(xanes.id(i));
        }
        float[][] yB = yb.toArray(new float[0][]);
        World b = new World("(b) S XANES from S Kbeta XES", List.of("XES", "XES + oxidation state"), xb.toArray(new float[0][]),
                xbs.toArray(new float[0][]), yB, xanesR.grid(), Splits.trainValidationTest(yB.length, 0.15, o.seed()), ids.toArray(String[]::new));
        TrainingOptions optB = TrainingOptions.defaults(o.seed()).withEpochs(o.epochsB()).withBatchSize(32)
                .withLearningRate(1e-3, 0.995).withPatience(o.patienceB());
        t = System.nanoTime();
        WorldResult rbRes = train(b, o.trainingSeeds(), optB, progress, done);
        progress.finish();
        rb.timing("trainB_s", (System.nanoTime() - t) / 1e9);

        double[] sorted = gap.clone();
        Arrays.sort(sorted);
        rb.dataset("s-k-seidler", xanes.sha256()).dataset("s-k-seidler-xes", xes.sha256())
                .step(Step.of("crystal-field-dos", "startEv", -4, "endEv", 4, "points", 161, "fwhmEv", 0.2))
                .step(Step.of("excitation-gap", "thresholdEv", 0.01))
                .timing("run_s", (System.nanoTime() - t0) / 1e9);
        return new Result(o, ra, rbRes, new double[] {sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]},
                Pearson.of(gap, s1).r(), Pearson.of(gap, tenDq).r(), params, gap, dos, rb.build());
    }

    static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    /** The histogram input of figure 2: per-test-spectrum MSE of both arms (first training seed). */
    public static Map<String, double[]> mseByArm(WorldResult w) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(w.world().arms().get(0), w.without().get(0).mse());
        m.put(w.world().arms().get(1), w.with().get(0).mse());
        return m;
    }
}
