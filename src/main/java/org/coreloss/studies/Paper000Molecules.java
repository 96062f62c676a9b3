package org.coreloss.studies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.coreloss.data.Datasets;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.Splits;
import org.coreloss.nn.DatasetTraining;
import org.coreloss.nn.RegressorSpec;
import org.coreloss.nn.Trainer;
import org.coreloss.nn.TrainingOptions;
import org.coreloss.nn.TrainingResult;
import org.coreloss.preprocess.Normalise;
import org.coreloss.preprocess.Pipeline;
import org.coreloss.preprocess.Resample;
import org.coreloss.progress.ProgressListener;
import org.coreloss.provenance.RunRecord;

/**
 * Seed 000 (molecular spectra -> molecular labels, with and without extra descriptor inputs) on the bundled measured
 * S K-edge XANES ({@code s-k-seidler}, 717 labelled compounds) with Kbeta-emission descriptors ({@code s-k-seidler-xes}):
 * compound class from the spectrum (softmax), formal S oxidation state (regression, rounded to {-2, 0, +2}), each
 * without and with the four descriptors. Split: stratified 5-fold by compound class, fold 0 = test, 15 % of the rest
 * = validation. docs/paper-000.md.
 */
public final class Paper000Molecules {
    public static final String NAME = "paper-000";
    /** Extra descriptor inputs: XES peak, centroid and width over 2460-2475 eV, and the conjugation flag. */
    public static final List<String> DESCRIPTORS = List.of("xes_peak_eV", "xes_centroid_eV", "xes_width_eV", "conj");
    /** The three inputs of the oxidation-state regressor. */
    public static final List<String> OXIDATION_INPUTS = List.of("spectrum", "descriptors", "spectrum + descriptors");
    static final double[] ALLOWED_OXIDATION_STATES = {-2, 0, 2};

    private Paper000Molecules() {
    }

    /**
     * @param seed      split and training seed
     * @param epochs    maximum epochs per network
     * @param batchSize mini-batch size
     * @param patience  early-stopping patience in epochs
     */
    public record Options(StudyMode mode, long seed, int epochs, int batchSize, int patience) {
        public static final Options QUICK = new Options(StudyMode.QUICK, 0, 12, 128, 12);
        public static final Options FULL = new Options(StudyMode.FULL, 0, 400, 32, 60);

        public Options {
            if (epochs < 1 || batchSize < 1 || patience < 1) {
                throw new IllegalArgumentException("paper-000 options: epochs, batchSize and patience must be >= 1, got "
                        + epochs + ", " + batchSize + ", " + patience);
            }
        }

        public static Options of(StudyMode mode) { return mode.quick() ? QUICK : FULL; }

        public Options withSeed(long s) { return new Options(mode, s, epochs, batchSize, patience); }
    }

    /** The claim as ranges: test accuracy of the class from the spectrum, oxidation-state MAE and rounded accuracy. */
    public record Thresholds(double minClassAccuracy, double maxOxidationMae, double minOxidationAccuracy) {
        /** Quick mode (12 epochs, not converged). */
        public static final Thresholds QUICK = new Thresholds(0.85, 0.5, 0.8);
        /** Full mode (docs/paper-000.md). */
        public static final Thresholds FULL = new Thresholds(0.92, 0.15, 0.95);

        public static Thresholds of(StudyMode mode) { return mode.quick() ? QUICK : FULL; }
    }

    /** Prepared inputs: measured XANES (240 channels, max 1) with the descriptor columns, and the XES set. */
    public record Data(SpectraDataset raw, SpectraDataset xes, SpectraDataset xanes) {
    }

    /** Per molecule XES peak energy, intensity-weighted centroid and standard deviation (eV) over 2460-2475 eV. */
    public static double[] xesDescriptorsEv(double[] energyEv, double[] intensity) {
        double s0 = 0, s1 = 0, s2 = 0, best = Double.NEGATIVE_INFINITY, peak = Double.NaN;
        for (int j = 0; j < energyEv.length; j++) {
            if (energyEv[j] < 2460 || energyEv[j] > 2475) continue;
            double w = Math.max(intensity[j], 0);
            s0 += w; s1 += w * energyEv[j]; s2 += w * energyEv[j] * energyEv[j];
            if (intensity[j] > best) { best = intensity[j]; peak = energyEv[j]; }
        }
        if (!(s0 > 0)) throw new IllegalArgumentException("XES spectrum has no positive intensity in 2460-2475 eV");
        double centroid = s1 / s0;
        return new double[] {peak, centroid, Math.sqrt(Math.max(s2 / s0 - centroid * centroid, 0))};
    }

    /** Conjugation label to number: Conj 1, Mixed 0.5, anything else 0. */
    public static double conjugation(String label) {
        return switch (label) { case "Conj" -> 1.0; case "Mixed" -> 0.5; default -> 0.0; };
    }

    /** Loads and prepares both bundled sets (unlabelled TEST compounds dropped). */
    public static Data data() {
        SpectraDataset raw = Datasets.load("s-k-seidler").filter(r -> !r.getString("compound_class").equals("unknown"));
        SpectraDataset xanes = Pipeline.of(Resample.uniform(2468.0, 2491.9, 240), Normalise.max()).apply(raw);
        SpectraDataset xes = Datasets.load("s-k-seidler-xes");
        int n = xanes.size();
        double[] peak = new double[n], centroid = new double[n], width = new double[n], conj = new double[n];
        String[] conjugation = xanes.labelAsString("conjugation");
        double[] e = xes.grid().energiesEv();
        for (int i = 0; i < n; i++) {
            int k = xes.indexOf(xanes.id(i));
            if (k < 0) throw new IllegalStateException("s-k-seidler-xes has no spectrum for " + xanes.id(i));
            double[] d = xesDescriptorsEv(e, xes.spectra().rowAsDouble(k));
            peak[i] = d[0]; centroid[i] = d[1]; width[i] = d[2];
            conj[i] = conjugation(conjugation[i]);
        }
        xanes = xanes.withColumn("xes_peak_eV", peak).withColumn("xes_centroid_eV", centroid)
                .withColumn("xes_width_eV", width).withColumn("conj", conj);
        return new Data(raw, xes, xanes);
    }

    /** Test accuracy and confusion matrix (rows true, columns predicted) of one classifier. */
    public record ClassResult(String inputs, double accuracy, double[][] confusion, int epochsRun) {
    }

    /** Oxidation-state regression on one input set: MAE, rounded accuracy, and the parity data. */
    public record OxidationResult(String inputs, double mae, double roundedAccuracy, double[] yTrain, double[] pTrain,
                                  double[] yTest, double[] pTest, int epochsRun) {
    }

    /**
     * @param majorityClassAccuracy accuracy of always predicting the most frequent training class (the yardstick)
     * @param meanPredictorMae      oxidation-state MAE of always predicting the training mean
     */
    public record Result(Options options, List<String> classes, int train, int validation, int test,
                         List<ClassResult> classification, List<OxidationResult> oxidation,
                         double majorityClassAccuracy, double meanPredictorMae, RunRecord record) implements StudyResult {
        @Override public String study() { return NAME; }

        @Override public StudyMode mode() { return options.mode(); }

        public ClassResult classification(String inputs) {
            return classification.stream().filter(c -> c.inputs().equals(inputs)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no classifier on inputs " + inputs));
        }

        public OxidationResult oxidation(String inputs) {
            return oxidation.stream().filter(c -> c.inputs().equals(inputs)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no regressor on inputs " + inputs + " (have " + OXIDATION_INPUTS + ")"));
        }

        /** Every number the docs quote, keyed without spaces (value-marker pointers). */
        @Override
        public Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", options.mode().fileName());
            m.put("seed", options.seed());
            m.put("split", Paper001Sites.split(train, validation, test));
            m.put("classAccuracySpectrum", classification("spectrum").accuracy());
            m.put("classAccuracySpectrumDescriptors", classification("spectrum + descriptors").accuracy());
            m.put("classAccuracyChange", classification("spectrum + descriptors").accuracy() - classification("spectrum").accuracy());
            m.put("majorityClassAccuracy", majorityClassAccuracy);
            Map<String, Object> ox = new LinkedHashMap<>();
            for (OxidationResult o : oxidation) {
                ox.put(key(o.inputs()), Map.of("mae", o.mae(), "roundedAccuracy", o.roundedAccuracy(),
                        "correct", Math.round(o.roundedAccuracy() * o.yTest().length), "testSize", o.yTest().length));
            }
            m.put("oxidation", ox);
            m.put("meanPredictorOxidationMae", meanPredictorMae);
            return m;
        }

        /** Throws {@link StudyCheckException} unless the claim holds within the thresholds. */
        public Result check(Thresholds t) {
            StudyCheckException.require(NAME, "class accuracy from the spectrum", classification("spectrum").accuracy(), t.minClassAccuracy(), 1);
            StudyCheckException.require(NAME, "class accuracy above the majority class", classification("spectrum").accuracy() - majorityClassAccuracy, 1e-9, 1);
            OxidationResult o = oxidation("spectrum");
            StudyCheckException.require(NAME, "oxidation-state MAE from the spectrum", o.mae(), 0, Math.min(t.maxOxidationMae(), meanPredictorMae));
            StudyCheckException.require(NAME, "oxidation-state accuracy after rounding", o.roundedAccuracy(), t.minOxidationAccuracy(), 1);
            return this;
        }
    }

    static String key(String inputs) {
        return switch (inputs) {
            case "spectrum" -> "spectrum";
            case "descriptors" -> "descriptors";
            case "spectrum + descriptors" -> "spectrumDescriptors";
            default -> inputs.replace(" ", "");
        };
    }

    /** Nearest allowed formal oxidation state. */
    public static double snap(double v) {
        double b = ALLOWED_OXIDATION_STATES[0];
        for (double a : ALLOWED_OXIDATION_STATES) if (Math.abs(a - v) < Math.abs(b - v)) b = a;
        return b;
    }

    static float[][] oneHot(String[] labels, List<String> classes) {
        float[][] y = new float[labels.length][classes.size()];
        for (int i = 0; i < labels.length; i++) {
            int k = classes.indexOf(labels[i]);
            if (k < 0) throw new IllegalArgumentException("class " + labels[i] + " not among " + classes);
            y[i][k] = 1f;
        }
        return y;
    }

    /** Confusion matrix: rows true class, columns predicted. */
    public static double[][] confusion(String[] truth, int[] predicted, List<String> classes) {
        double[][] m = new double[classes.size()][classes.size()];
        for (int i = 0; i < truth.length; i++) m[classes.indexOf(truth[i])][predicted[i]]++;
        return m;
    }

    /** Fraction on the diagonal. */
    public static double accuracy(double[][] confusion) {
        double ok = 0, n = 0;
        for (int i = 0; i < confusion.length; i++) for (int j = 0; j < confusion.length; j++) { n += confusion[i][j]; if (i == j) ok += confusion[i][j]; }
        return ok / n;
    }

    /** Mean absolute error and fraction correct after {@link #snap}. */
    public static double[] maeAndRoundedAccuracy(double[] predicted, double[] truth) {
        double mae = 0, ok = 0;
        for (int i = 0; i < predicted.length; i++) {
            mae += Math.abs(predicted[i] - truth[i]) / predicted.length;
            if (snap(predicted[i]) == truth[i]) ok += 1.0 / predicted.length;
        }
        return new double[] {mae, ok};
    }

    /** Runs the whole study. */
    public static Result run(Options o, ProgressListener progress) {
        long t0 = System.nanoTime();
        Data data = data();
        SpectraDataset xanes = data.xanes();
        Splits.Fold fold = Splits.stratifiedKFold(xanes, "compound_class", 5, o.seed()).get(0);
        SpectraDataset test = xanes.subset(fold.test());
        SpectraDataset[] tv = DatasetTraining.split(xanes.subset(fold.train()), 0.15, o.seed());
        SpectraDataset train = tv[0], val = tv[1];
        TrainingOptions opts = TrainingOptions.defaults(o.seed()).withEpochs(o.epochs()).withBatchSize(o.batchSize()).withPatience(o.patience());
        List<String> classes = new ArrayList<>(new TreeSet<>(List.of(train.labelAsString("compound_class"))));

        List<ClassResult> cls = new ArrayList<>();
        for (List<String> extra : List.of(List.<String>of(), DESCRIPTORS)) {
            RegressorSpec cs = new RegressorSpec(xanes.channels(), extra.size(), List.of(64), 0.2, 1e-4, classes.size(),
                    RegressorSpec.Head.SOFTMAX, RegressorSpec.Loss.XENT);
            TrainingResult r = Trainer.fit(cs, DatasetTraining.inputs(train, extra), oneHot(train.labelAsString("compound_class"), classes),
                    DatasetTraining.inputs(val, extra), oneHot(val.labelAsString("compound_class"), classes), opts, progress);
            double[][] m = confusion(test.labelAsString("compound_class"), r.model().predictClass(DatasetTraining.inputs(test, extra)), classes);
            cls.add(new ClassResult(extra.isEmpty() ? "spectrum" : "spectrum + descriptors", accuracy(m), m, r.epochsRun()));
        }

        List<OxidationResult> ox = new ArrayList<>();
        for (String mode : OXIDATION_INPUTS) {
            boolean noSpectrum = mode.equals("descriptors");
            List<String> extra = mode.equals("spectrum") ? List.of() : DESCRIPTORS;
            Function<SpectraDataset, float[][]> in = d -> noSpectrum ? DatasetTraining.columns(d, DESCRIPTORS) : DatasetTraining.inputs(d, extra);
            RegressorSpec rs = new RegressorSpec(noSpectrum ? DESCRIPTORS.size() : xanes.channels(), noSpectrum ? 0 : extra.size(),
                    List.of(64), 0.2, 1e-4, 1, RegressorSpec.Head.LINEAR, RegressorSpec.Loss.MAE);
            TrainingResult r = Trainer.fit(rs, in.apply(train), DatasetTraining.columns(train, List.of("oxidation_state")),
                    in.apply(val), DatasetTraining.columns(val, List.of("oxidation_state")), opts, progress);
            double[] pTr = column0(r.model().predict(in.apply(train))), pTe = column0(r.model().predict(in.apply(test)));
            double[] yTe = test.label("oxidation_state");
            double[] ma = maeAndRoundedAccuracy(pTe, yTe);
            ox.add(new OxidationResult(mode, ma[0], ma[1], train.label("oxidation_state"), pTr, yTe, pTe, r.epochsRun()));
        }

        // yardsticks: majority class and mean predictor, both from the training split
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String c : train.labelAsString("compound_class")) counts.merge(c, 1, Integer::sum);
        String majority = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double majorityAcc = 0;
        for (String c : test.labelAsString("compound_class")) if (c.equals(majority)) majorityAcc += 1.0 / test.size();
        double meanOx = java.util.Arrays.stream(train.label("oxidation_state")).average().orElse(0), meanMae = 0;
        for (double y : test.label("oxidation_state")) meanMae += Math.abs(y - meanOx) / test.size();

        RunRecord.Builder rb = RunRecord.builder("paper-000-molecules").seed("split+training", o.seed()).option("mode", o.mode().fileName())
                .option("epochs", o.epochs()).option("batchSize", o.batchSize()).option("patience", o.patience())
                .option("descriptors", DESCRIPTORS).dataset("s-k-seidler", data.raw().sha256()).dataset("s-k-seidler-xes", data.xes().sha256())
                .steps(xanes.history()).timing("run_s", (System.nanoTime() - t0) / 1e9);
        return new Result(o, classes, train.size(), val.size(), test.size(), cls, ox, majorityAcc, meanMae, rb.build());
    }

    /**
     * The C K-edge QM9 inputs of seed 000 read with {@code CkEdgeHdf5} and {@code Qm9Xyz}: the real database when
     * {@code CORELOSS_CK_EDGE_SITES} names {@code site_spectra_0.5eV.hdf5} (and {@code CORELOSS_QM9_XYZ} the xyz folder),
     * otherwise the format fixtures of the tests (synthetic, not data).
     *
     * @param usedFixtures true when the fixtures stood in for the database
     */
    public record CkEdge(SpectraDataset sites, SpectraDataset molecules, SpectraDataset labelled, boolean usedFixtures, String source) {
    }

    /** Reads the C K-edge database (or the fixtures); quick mode reads the first 200 molecules. */
    public static CkEdge readCkEdge(StudyMode mode) throws java.io.IOException {
        java.nio.file.Path root = StudyPaths.root();
        String sitesEnv = System.getenv("CORELOSS_CK_EDGE_SITES"), xyzEnv = System.getenv("CORELOSS_QM9_XYZ");
        boolean have = sitesEnv != null && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(sitesEnv));
        java.nio.file.Path sitesFile = have ? java.nio.file.Path.of(sitesEnv) : root.resolve("src/test/resources/ckedge/site_spectra_fixture.hdf5");
        java.nio.file.Path xyz = xyzEnv != null && java.nio.file.Files.isDirectory(java.nio.file.Path.of(xyzEnv))
                ? java.nio.file.Path.of(xyzEnv) : root.resolve("src/test/resources/qm9");
        org.coreloss.data.io.CkEdgeHdf5.Options opts = org.coreloss.data.io.CkEdgeHdf5.Options.defaults()
                .withMaxMolecules(mode.quick() ? 200 : Integer.MAX_VALUE);
        SpectraDataset sites = org.coreloss.data.io.CkEdgeHdf5.read(sitesFile, opts, ProgressListener.NONE);
        SpectraDataset molecules = org.coreloss.data.io.CkEdgeHdf5.moleculesFromSites(sites);
        SpectraDataset labelled = org.coreloss.data.io.CkEdgeHdf5.withQm9Labels(molecules, org.coreloss.data.io.Qm9Xyz.readFolder(xyz));
        String source = have ? sitesFile.toString()
                : "format fixture " + root.relativize(sitesFile) + " (set CORELOSS_CK_EDGE_SITES to site_spectra_0.5eV.hdf5 from doi:10.6084/m9.figshare.c.5494395)";
        return new CkEdge(sites, molecules, labelled, !have, source);
    }

    static double[] column0(float[][] p) {
        double[] o = new double[p.length];
        for (int i = 0; i < p.length; i++) o[i] = p[i][0];
        return o;
    }
}
