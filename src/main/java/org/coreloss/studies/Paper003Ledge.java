package org.coreloss.studies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.coreloss.data.SpectraDataset;
import org.coreloss.eval.SpectrumError;
import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.Ions;
import org.coreloss.nn.DatasetTraining;
import org.coreloss.nn.GeneratorSpec;
import org.coreloss.nn.ModelFiles;
import org.coreloss.nn.TrainedModel;
import org.coreloss.nn.TrainingOptions;
import org.coreloss.nn.TrainingResult;
import org.coreloss.progress.ProgressListener;
import org.coreloss.provenance.RunRecord;
import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.DatabaseSpec;
import org.coreloss.simulate.Preset;
import org.coreloss.simulate.Sampler;
import org.coreloss.simulate.ShardedDatabase;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;

/**
 * Seed 003 (neural generators of 2p XAS L-edge spectra from nine multiplet parameters): what the four notebooks of
 * {@code notebooks/paper-003-ledge/} share. Databases live in {@code build/paper-003/db/<preset>/<ion>-n<N>-s<seed>/}
 * (made if missing, resumed if partial, so a database made by one notebook is reused by the next); the per-ion split
 * generator is saved under {@code build/paper-003/models/} with its recipe in the name. docs/paper-003.md.
 */
public final class Paper003Ledge {
    public static final String NAME = "paper-003";
    /** The nine Table-1 parameter columns (generator inputs), in order. */
    public static final List<String> PARAMS = List.of("dq_eV", "ds_eV", "dt_eV", "s1", "s2", "temperature_K", "gaussian_fwhm_eV",
            "gamma1_fwhm_eV", "gamma2_fwhm_eV");
    /** Quick-mode ions: cheap multiplet spectra. */
    public static final List<String> QUICK_IONS = List.of("Ni2+", "Co2+", "Ni3+", "Fe2+");
    /** Degree of the feature expansion of the nine parameters (220 features, the paper's FES). */
    public static final int FEATURE_DEGREE = 3;

    /**
     * @param seed          database and training seed (test databases use seed + 1000, Oh + 2000, C4v + 3000)
     * @param ions          the ions of the run
     * @param nTrain        training + validation spectra per ion (the paper: 360,000)
     * @param nTest         test spectra per ion and symmetry (the paper: 10,000)
     * @param depth         characteristic layers of the split generator (the paper: 7)
     * @param epochs        epochs of the per-ion generator (the paper: 80)
     * @param engineThreads multiplet engine threads (Java)
     */
    public record Options(StudyMode mode, long seed, List<String> ions, int nTrain, int nTest, int depth, int epochs, int engineThreads) {
        public static final Options QUICK = new Options(StudyMode.QUICK, 3, QUICK_IONS, 800, 60, 2, 15,
                Runtime.getRuntime().availableProcessors());
        public static final Options FULL = new Options(StudyMode.FULL, 3, Ions.seed003().stream().map(Ion::name).toList(), 4000, 1000, 7, 80,
                Runtime.getRuntime().availableProcessors());

        public Options {
            ions = List.copyOf(ions);
            for (String ion : ions) Ions.get(ion);   // throws naming an unknown ion
            if (nTrain < 10 || nTest < 1 || depth < 1 || epochs < 1 || engineThreads < 1) {
                throw new IllegalArgumentException("paper-003 options: nTrain >= 10, nTest, depth, epochs, engineThreads >= 1 required");
            }
        }

        public static Options of(StudyMode mode) { return mode.quick() ? QUICK : FULL; }

        public boolean quick() { return mode.quick(); }

        /** The split generator's kind: split DNN in quick mode (LocallyConnected1D is too slow on CPU), split LCNN in full. */
        public GeneratorSpec.Arch splitArch() { return quick() ? GeneratorSpec.Arch.DNN : GeneratorSpec.Arch.LCNN; }

        /** e.g. {@code sDNN-2}. */
        public String splitName() { return "s" + splitArch() + "-" + depth; }
    }

    /**
     * The claim as ranges: on held-out D4h test spectra each ion's generator has a test MSE below
     * {@code maxMseRatio} × the mean training spectrum's, and at least {@code minShareSeBelow3} of its test spectra
     * have SE < 3 %.
     */
    public record Thresholds(double maxMseRatio, double minShareSeBelow3) {
        /** Quick mode (800 spectra per ion, 15 epochs of a small sDNN: far from the paper's errors). */
        public static final Thresholds QUICK = new Thresholds(0.6, 0.0);
        /** Full mode (docs/paper-003.md; not run here: the paper reports >= 88 % of test spectra in I1). */
        public static final Thresholds FULL = new Thresholds(0.2, 0.5);

        public static Thresholds of(StudyMode mode) { return mode.quick() ? QUICK : FULL; }
    }

    private final Options options;
    private final Path work, figures;
    private final Map<String, Double> timings = new LinkedHashMap<>();

    public Paper003Ledge(Options options) {
        this.options = options;
        this.work = StudyPaths.outputRoot().resolve("paper-003");
        this.figures = StudyPaths.figures("paper-003");
    }

    public Options options() { return options; }

    public boolean quick() { return options.quick(); }

    public long seed() { return options.seed(); }

    public List<String> ions() { return options.ions(); }

    /** {@code build/paper-003}: databases and models. */
    public Path work() { return work; }

    /** {@code <output root>/figures/paper-003} ({@link StudyPaths#figures}). */
    public Path figures() { return figures; }

    /** Named wall-clock timings (s) collected so far (database generation, training, ...). */
    public Map<String, Double> timings() { return timings; }

    /** Adds seconds to a named timing. */
    public void time(String key, double seconds) { timings.merge(key, seconds, Double::sum); }

    /** A seeded multiplet database (made if missing, resumed if partial) loaded as one dataset. */
    public SpectraDataset database(String ion, Preset preset, int n, long seed, ProgressListener progress) throws IOException {
        Path dir = work.resolve("db").resolve(preset.name().toLowerCase()).resolve(ion + "-n" + n + "-s" + seed);
        DatabaseSpec spec = new DatabaseSpec(ion, n, preset, Sampler.UNIFORM, seed, Math.min(n, 500));
        DatabaseGenerator.Result r = DatabaseGenerator.generate(spec, dir, options.engineThreads(), progress);
        if (r.spectraComputed() > 0) time("simulate_" + preset.name().toLowerCase() + "_s", r.seconds());
        return ShardedDatabase.load(dir);
    }

    /** The ion's D4h training database ({@code nTrain} spectra, seed). */
    public SpectraDataset trainingDatabase(String ion, ProgressListener progress) throws IOException {
        return database(ion, Preset.D4H, options.nTrain(), options.seed(), progress);
    }

    /** The ion's held-out test database of one symmetry: D4h seed + 1000, Oh + 2000, C4v + 3000. */
    public SpectraDataset testDatabase(String ion, Preset preset, ProgressListener progress) throws IOException {
        long offset = switch (preset) { case D4H -> 1000; case OH -> 2000; case C4V -> 3000; };
        return database(ion, preset, options.nTest(), options.seed() + offset, progress);
    }

    /** A generator of one kind at the mode's size: quick small layers, full {@link GeneratorSpec#cpuDefault}. */
    public GeneratorSpec sized(GeneratorSpec.Arch arch, int layers, int channels, int split) {
        int in = DatasetTraining.inputSize(PARAMS.size(), FEATURE_DEGREE);
        return quick() ? new GeneratorSpec(in, arch, 64, 64, layers, arch == GeneratorSpec.Arch.DNN ? 128 : 4, 5, channels, split)
                : GeneratorSpec.cpuDefault(in, arch, layers, channels, split);
    }

    /** First L2 channel: the Lorentzian switch zeta2p/4 on the relative axis (between L3 and L2). */
    public static int splitChannel(String ion, EnergyGrid grid) {
        return DatasetTraining.channelAt(grid, Ions.get(ion).zeta2pEv() / 4.0);
    }

    /** The ion's split network at the mode's size. */
    public GeneratorSpec splitNet(String ion, EnergyGrid grid, int layers) {
        return sized(options.splitArch(), layers, grid.size(), splitChannel(ion, grid));
    }

    /**
     * A network of figure 3 by name: DNN, CNN, TCNN, LCNN, or a split one (sDNN, sLCNN, ...) split at the ion's L2 edge.
     */
    public GeneratorSpec architecture(String kind, int layers, String ion, EnergyGrid grid) {
        if (kind.startsWith("s")) return sized(GeneratorSpec.Arch.valueOf(kind.substring(1)), layers, grid.size(), splitChannel(ion, grid));
        return sized(GeneratorSpec.Arch.valueOf(kind), layers, grid.size(), 0);
    }

    /** Training options: quick batches of 64 at twice the learning rate, full 1e-3 decaying 0.97 per epoch; no early stop. */
    public TrainingOptions trainingOptions(int epochs, int batch) {
        return TrainingOptions.defaults(options.seed()).withEpochs(epochs).withBatchSize(batch)
                .withLearningRate(quick() ? 2e-3 : 1e-3, quick() ? 0.95 : 0.97).withPatience(epochs);
    }

    /** Batch size of the per-ion generator. */
    public int batchSize() { return quick() ? 64 : 256; }

    /** Where the ion's split generator is saved; the recipe is in the name, so another recipe's model is never picked up. */
    public Path modelBase(String ion) {
        return work.resolve("models").resolve((quick() ? "quick-" : "full-") + ion + "-" + options.splitName() + "-n" + options.nTrain()
                + "-e" + options.epochs());
    }

    /** The ion's training and validation splits (80:20, seeded). */
    public SpectraDataset[] trainValidation(String ion, ProgressListener progress) throws IOException {
        return DatasetTraining.split(trainingDatabase(ion, progress), 0.2, options.seed());
    }

    /** Trains the ion's split generator and saves it under {@link #modelBase}. */
    public TrainingResult trainGenerator(String ion, ProgressListener progress) throws IOException {
        SpectraDataset[] tv = trainValidation(ion, progress);
        long t = System.nanoTime();
        TrainingResult r = DatasetTraining.generator(tv[0], tv[1], PARAMS, FEATURE_DEGREE, splitNet(ion, tv[0].grid(), options.depth()),
                trainingOptions(options.epochs(), batchSize()), progress);
        time("per_ion_training_s", (System.nanoTime() - t) / 1e9);
        ModelFiles.save(r.model(), modelBase(ion));
        return r;
    }

    /** The ion's split generator: loaded when saved before, else trained (same recipe) and saved. */
    public TrainedModel generatorFor(String ion, ProgressListener progress) throws IOException {
        if (Files.exists(Path.of(modelBase(ion) + ".zip"))) return ModelFiles.load(modelBase(ion));
        return trainGenerator(ion, progress).model();
    }

    /** The baseline every generator must beat: the mean spectrum of the ion's training split, whatever the parameters. */
    public double[] trainingMean(String ion, ProgressListener progress) throws IOException {
        return SpectrumError.channelMean(trainValidation(ion, progress)[0].spectra());
    }

    /** {predicted, reference} spectra of a test database. */
    public static SpectrumMatrix[] predictAndReference(TrainedModel model, SpectraDataset test) {
        SpectrumMatrix p = model.generate(DatasetTraining.columns(test, PARAMS));
        return new SpectrumMatrix[] {SpectrumMatrix.of(test.grid(), p.toArray()), test.spectra()};
    }

    /** Mean squared error per channel and spectrum of {@code p} against {@code y}. */
    public static double mse(SpectrumMatrix p, SpectrumMatrix y) {
        if (p.rows() != y.rows() || p.channels() != y.channels()) {
            throw new IllegalArgumentException("mse: shapes differ, " + p.rows() + " x " + p.channels() + " vs " + y.rows() + " x " + y.channels());
        }
        double s = 0;
        for (int j = 0; j < y.rows(); j++) for (int i = 0; i < y.channels(); i++) { double d = p.get(j, i) - y.get(j, i); s += d * d; }
        return s / ((double) y.rows() * y.channels());
    }

    /** The same for one spectrum (e.g. a training mean) predicted for every row of {@code y}. */
    public static double mse(double[] constant, SpectrumMatrix y) {
        if (constant.length != y.channels()) throw new IllegalArgumentException("mse: " + constant.length + " channels vs " + y.channels());
        double s = 0;
        for (int j = 0; j < y.rows(); j++) for (int i = 0; i < y.channels(); i++) { double d = constant[i] - y.get(j, i); s += d * d; }
        return s / ((double) y.rows() * y.channels());
    }

    /** {MSE, MAE} of a generator on a database (tables 2 and 3). */
    public static double[] mseMae(TrainedModel m, SpectraDataset d) {
        SpectrumMatrix p = m.generate(DatasetTraining.columns(d, PARAMS));
        double se = 0, ae = 0;
        long n = 0;
        for (int j = 0; j < d.size(); j++) for (int i = 0; i < d.channels(); i++) {
            double diff = p.get(j, i) - d.spectra().get(j, i);
            se += diff * diff; ae += Math.abs(diff); n++;
        }
        return new double[] {se / n, ae / n};
    }

    /** The first {@code n} rows of a dataset (figure 3b data sizes). */
    public static SpectraDataset head(SpectraDataset d, int n) {
        return d.subset(IntStream.range(0, Math.min(n, d.size())).toArray());
    }

    /** A run-record builder with the run's seeds, options and timings. */
    public RunRecord.Builder record(String name) {
        RunRecord.Builder b = RunRecord.builder(name).seed("seed", options.seed()).option("mode", options.mode().fileName())
                .option("ions", options.ions()).option("n_train_per_ion", options.nTrain()).option("n_test_per_ion", options.nTest())
                .option("split_network", options.splitName()).option("epochs", options.epochs());
        timings.forEach(b::timing);
        return b;
    }

    /**
     * Tables 2 and 3 of seed 003 (sLCNN-7 after 80 epochs, 360k spectra per ion): ion -> {train MSE, train MAE,
     * validation MSE, validation MAE}.
     */
    public static final Map<String, double[]> PAPER_TABLES_2_3 = paperTables();

    private static Map<String, double[]> paperTables() {
        Map<String, double[]> p = new LinkedHashMap<>();
        p.put("Ti2+", new double[] {4.60e-5, 0.0034, 1.12e-4, 0.0046}); p.put("V2+", new double[] {4.33e-5, 0.0034, 1.02e-4, 0.0046});
        p.put("Cr2+", new double[] {3.64e-5, 0.0032, 9.13e-5, 0.0043}); p.put("Mn2+", new double[] {3.23e-5, 0.0030, 3.24e-5, 0.0030});
        p.put("Fe2+", new double[] {2.34e-5, 0.0025, 5.90e-5, 0.0033}); p.put("Co2+", new double[] {2.19e-5, 0.0023, 4.62e-5, 0.0029});
        p.put("Ni2+", new double[] {7.61e-6, 0.0011, 1.76e-5, 0.0014});
        p.put("V3+", new double[] {4.89e-5, 0.0037, 1.40e-4, 0.0038}); p.put("Cr3+", new double[] {3.66e-5, 0.0033, 1.10e-4, 0.0050});
        p.put("Mn3+", new double[] {3.65e-5, 0.0034, 9.42e-5, 0.0046}); p.put("Fe3+", new double[] {3.67e-5, 0.0033, 8.98e-5, 0.0044});
        p.put("Co3+", new double[] {2.09e-5, 0.0025, 6.05e-5, 0.0035}); p.put("Ni3+", new double[] {2.02e-5, 0.0023, 4.69e-5, 0.0030});
        p.put("Cr4+", new double[] {5.93e-5, 0.0044, 1.65e-4, 0.0064}); p.put("Mn4+", new double[] {5.39e-5, 0.0043, 1.39e-4, 0.0061});
        p.put("Fe4+", new double[] {4.19e-5, 0.0038, 1.13e-4, 0.0053}); p.put("Co4+", new double[] {3.831e-5, 0.0034, 1.08e-4, 0.0048});
        p.put("Ni4+", new double[] {2.87e-5, 0.0029, 7.96e-5, 0.0041});
        p.put("Mn5+", new double[] {6.74e-5, 0.0049, 1.98e-4, 0.0073}); p.put("Fe5+", new double[] {5.25e-5, 0.0044, 1.46e-4, 0.0065});
        p.put("Co5+", new double[] {4.21e-5, 0.0039, 1.17e-4, 0.0056});
        p.put("Fe6+", new double[] {6.95e-5, 0.0051, 2.06e-4, 0.0077});
        return java.util.Collections.unmodifiableMap(p);
    }

    /** Per ion: test MSE of the generator and of the mean training spectrum on one symmetry's test set. */
    public record TestError(String ion, String symmetry, int testSpectra, double generatorMse, double meanSpectrumMse, double shareSeBelow3) {
        public double ratio() { return generatorMse / meanSpectrumMse; }
    }

    /** Throws {@link StudyCheckException} unless every ion's D4h test error meets the thresholds. */
    public static void check(List<TestError> d4hErrors, Thresholds t) {
        if (d4hErrors.isEmpty()) throw new StudyCheckException(NAME + ": no test errors to check");
        for (TestError e : d4hErrors) {
            StudyCheckException.require(NAME, e.ion() + " " + e.symmetry() + " test MSE / mean-spectrum MSE", e.ratio(), 0, t.maxMseRatio());
            StudyCheckException.require(NAME, e.ion() + " " + e.symmetry() + " share of test spectra with SE < 3 %", e.shareSeBelow3(), t.minShareSeBelow3(), 1);
        }
    }

    /** The summary of test errors for the results JSON: {@code ion -> symmetry -> numbers}. */
    public static Map<String, Object> summary(List<TestError> errors) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (TestError e : errors) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ion = (Map<String, Object>) m.computeIfAbsent(e.ion(), k -> new LinkedHashMap<String, Object>());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("testSpectra", e.testSpectra()); v.put("generatorMse", e.generatorMse()); v.put("meanSpectrumMse", e.meanSpectrumMse());
            v.put("ratio", e.ratio()); v.put("shareSeBelow3", e.shareSeBelow3());
            ion.put(e.symmetry(), v);
        }
        return m;
    }

    /**
     * Notebook 1's claim: the ion's D4h database has {@code n} spectra of 501 channels, each box-normalised to
     * [0, 1], with every one of the nine parameters inside its Table-1 range. Throws {@link StudyCheckException}
     * naming the ion, row and parameter otherwise.
     */
    public static void checkDatabase(String ion, SpectraDataset db, int n) {
        if (db.size() != n) throw new StudyCheckException(NAME + ": " + ion + " database has " + db.size() + " spectra, expected " + n);
        if (db.channels() != 501) throw new StudyCheckException(NAME + ": " + ion + " database has " + db.channels() + " channels, expected 501");
        for (int r = 0; r < db.size(); r++) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < db.channels(); c++) {
                double v = db.spectra().get(r, c);
                if (!Double.isFinite(v)) throw new StudyCheckException(NAME + ": " + ion + " row " + r + " channel " + c + " is " + v);
                min = Math.min(min, v); max = Math.max(max, v);
            }
            if (Math.abs(min) > 1e-6 || Math.abs(max - 1) > 1e-6) {
                throw new StudyCheckException(NAME + ": " + ion + " row " + r + " spans [" + min + ", " + max + "], expected box-normalised [0, 1]");
            }
        }
        var params = Preset.D4H.space(ion).parameters();
        for (int k = 0; k < params.size(); k++) {
            var p = params.get(k);
            double[] v = db.label(PARAMS.get(k));
            for (int r = 0; r < v.length; r++) {
                if (v[r] < p.min() - 1e-9 || v[r] > p.max() + 1e-9) {
                    throw new StudyCheckException(NAME + ": " + ion + " row " + r + ": " + PARAMS.get(k) + " = " + v[r]
                            + " outside the Table-1 range [" + p.min() + ", " + p.max() + "]");
                }
            }
        }
    }

    /** Ions with their 3d electron count and zeta2p (eV), for the table of notebook 1. */
    public static List<Object[]> ionTable(List<String> ions) {
        List<Object[]> rows = new ArrayList<>();
        for (String name : ions) { Ion ion = Ions.get(name); rows.add(new Object[] {name, ion.electrons3d(), ion.zeta2pEv()}); }
        return rows;
    }
}
