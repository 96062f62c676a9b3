package org.coreloss.studies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coreloss.data.Datasets;
import org.coreloss.data.NearestSpectra;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.Splits;
import org.coreloss.eval.MispredictionAnalysis;
import org.coreloss.eval.RegressionReport;
import org.coreloss.nn.DatasetTraining;
import org.coreloss.nn.GridSearch;
import org.coreloss.nn.RegressorSpec;
import org.coreloss.nn.TrainedModel;
import org.coreloss.nn.TrainingOptions;
import org.coreloss.nn.TrainingResult;
import org.coreloss.preprocess.Crop;
import org.coreloss.preprocess.ExcitationEnergyAlign;
import org.coreloss.preprocess.GaussianBroadening;
import org.coreloss.preprocess.Noise;
import org.coreloss.preprocess.Pipeline;
import org.coreloss.preprocess.ThresholdAlign;
import org.coreloss.preprocess.Transform;
import org.coreloss.progress.ProgressListener;
import org.coreloss.provenance.RunRecord;
import org.coreloss.spectrum.EnergyGrid;
import tech.tablesaw.api.Table;

/**
 * Seed 001 (per-site properties from O K-edge spectra) on the bundled {@code o-k-litmo} set (147 site spectra):
 * threshold alignment, Gaussian broadening σ = 0.5 eV, crop to 160 inputs; split grouped by O atom; grouped 5-fold
 * grid search; parity/MAE (figure 2); without/with onset alignment with zero padding (figure 5); worst-N analysis with
 * nearest training spectra (figure 3, table 1); counting noise and a σ = 0.1 eV retrain. docs/paper-001.md.
 */
public final class Paper001Sites {
    public static final String NAME = "paper-001";
    public static final List<String> PROPERTIES = List.of("mean_bond_length_A", "mean_bond_angle_deg", "voronoi_volume_A3",
            "coordination_number", "n_Fe", "onset_ev");
    public static final List<String> LABELS = List.of("mean bond length (Å)", "mean bond angle (deg)", "Voronoi volume (Å³)",
            "coordination number", "Fe neighbours", "onset energy (eV)");
    static final EnergyGrid WIDE = EnergyGrid.uniform(-10, 30, 401);
    public static final double[] SNRS = {100, 30, 10, 5};
    public static final int WORST_N = 5;

    private Paper001Sites() {
    }

    /**
     * @param epochs       final models; {@code gridEpochs} each grid-search fit
     * @param batchSize    mini-batch size (quick: one full batch per epoch)
     * @param learningRate Adam learning rate
     * @param patience     early-stopping patience of the final models
     * @param noiseDraws   seeded Poisson draws per SNR
     */
    public record Options(StudyMode mode, long seed, int epochs, int gridEpochs, int batchSize, double learningRate, int patience,
                          int noiseDraws, GridSearch.Grid grid) {
        public static final Options QUICK = new Options(StudyMode.QUICK, 1, 60, 20, 128, 5e-3, 60, 2,
                new GridSearch.Grid(List.of(1, 2), List.of(64), List.of(1e-3)));
        public static final Options FULL = new Options(StudyMode.FULL, 1, 200, 200, 32, 2e-3, 40, 5,
                new GridSearch.Grid(List.of(1, 2, 3), List.of(32, 128), List.of(1e-4, 1e-2)));

        public Options {
            if (epochs < 1 || gridEpochs < 1 || batchSize < 1 || patience < 1 || noiseDraws < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("paper-001 options: epochs, gridEpochs, batchSize, patience, noiseDraws >= 1 and learningRate > 0 required");
            }
        }

        public static Options of(StudyMode mode) { return mode.quick() ? QUICK : FULL; }
    }

    /**
     * The claim as ranges: test MAE of the network below {@code maxMaeRatio} × the training-mean predictor's MAE for
     * the mean bond length, the Voronoi volume and the coordination number (seed 001's well-predicted properties).
     */
    public record Thresholds(double maxMaeRatio, List<String> properties) {
        public static final Thresholds QUICK = new Thresholds(0.8, List.of("mean_bond_length_A", "voronoi_volume_A3", "coordination_number"));
        public static final Thresholds FULL = new Thresholds(0.7, List.of("mean_bond_length_A", "voronoi_volume_A3", "coordination_number"));

        public static Thresholds of(StudyMode mode) { return mode.quick() ? QUICK : FULL; }
    }

    /** Preprocessing of seed 001 with the given Gaussian σ (eV). */
    public static Pipeline preprocessing(double sigmaEv) {
        return Pipeline.of(new ThresholdAlign(0.1, 0.0, WIDE), GaussianBroadening.ofSigma(sigmaEv), new Crop(-1.0001, 14.9001));
    }

    /** The nearest-training-spectrum analysis of figure 3 / table 1. */
    public record Neighbours(MispredictionAnalysis mispredictions, int[] repeatedlyWorst, double[] distanceToNearest,
                             double[] relativeDistance, double medianTrainDistance, int spectrumA, int spectrumB,
                             MispredictionAnalysis.NeighbourTable tableA, MispredictionAnalysis.NeighbourTable tableB) {
    }

    /** Everything the notebook shows; {@link #summary()} holds the quoted numbers. */
    public record Result(Options options, SpectraDataset raw, SpectraDataset data, Splits.Split split, SpectraDataset train,
                         SpectraDataset validation, SpectraDataset test, Table gridTable, RegressorSpec best, TrainingResult fit,
                         double[][] yTrain, double[][] pTrain, double[][] yTest, double[][] pTest, RegressionReport report,
                         RegressionReport meanPredictor, Transform energyAlign, RegressionReport reportAligned,
                         Neighbours neighbours, double[][] noiseMae, RegressionReport reportSigma01, RegressionReport crossSigma,
                         double[] noisySigma01Snr10, double meanRelativeL1Sigma, RunRecord record) implements StudyResult {
        @Override public String study() { return NAME; }

        @Override public StudyMode mode() { return options.mode(); }

        /** Relative MAE change with onset alignment, per property (with / without − 1). */
        public double[] alignmentChange() {
            double[] c = new double[PROPERTIES.size()];
            for (int j = 0; j < c.length; j++) c[j] = reportAligned.mae()[j] / report.mae()[j] - 1;
            return c;
        }

        @Override
        public Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", options.mode().fileName());
            m.put("seed", options.seed());
            m.put("split", Paper001Sites.split(train.size(), validation.size(), test.size()));
            m.put("bestHidden", best.hiddenWidths());
            m.put("bestDepth", best.hiddenWidths().size());
            m.put("bestL2", best.l2());
            m.put("epochsRun", fit.epochsRun());
            m.put("testMae", byProperty(report.mae()));
            m.put("meanPredictorMae", byProperty(meanPredictor.mae()));
            double[] ratio = new double[PROPERTIES.size()];
            for (int j = 0; j < ratio.length; j++) ratio[j] = report.mae()[j] / meanPredictor.mae()[j];
            m.put("maeRatioToMeanPredictor", byProperty(ratio));
            m.put("testMaeOnsetAligned", byProperty(reportAligned.mae()));
            m.put("alignmentChange", byProperty(alignmentChange()));
            Map<String, Object> noise = new LinkedHashMap<>();
            for (int k = 0; k < SNRS.length; k++) noise.put("snr" + (int) SNRS[k], byProperty(noiseMae[k]));
            m.put("noiseMae", noise);
            m.put("testMaeSigma01", byProperty(reportSigma01.mae()));
            m.put("testMaeSigma05ModelOnSigma01Inputs", byProperty(crossSigma.mae()));
            m.put("testMaeSigma01Snr10", byProperty(noisySigma01Snr10));
            m.put("meanRelativeL1Sigma01VsSigma05", meanRelativeL1Sigma);
            m.put("repeatedlyWorst", neighbours.repeatedlyWorst().length);
            m.put("medianTrainNearestDistance", neighbours.medianTrainDistance());
            return m;
        }

        /** Throws unless the network beats the training-mean predictor by the stated factor on the stated properties. */
        public Result check(Thresholds t) {
            for (String p : t.properties()) {
                int j = PROPERTIES.indexOf(p);
                if (j < 0) throw new IllegalArgumentException("paper-001 thresholds: unknown property " + p + " (have " + PROPERTIES + ")");
                StudyCheckException.require(NAME, "test MAE / training-mean MAE of " + p, report.mae()[j] / meanPredictor.mae()[j], 0, t.maxMaeRatio());
            }
            return this;
        }
    }

    static Map<String, Object> split(int train, int validation, int test) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train", train); m.put("validation", validation); m.put("test", test);
        return m;
    }

    static Map<String, Double> byProperty(double[] v) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < PROPERTIES.size(); j++) m.put(PROPERTIES.get(j), v[j]);
        return m;
    }

    static double[][] predict(TrainedModel m, SpectraDataset d) {
        float[][] p = m.predict(DatasetTraining.inputs(d, List.of()));
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = new double[p[i].length];
            for (int j = 0; j < p[i].length; j++) out[i][j] = p[i][j];
        }
        return out;
    }

    /** Per-property training means predicted for every test row. */
    public static double[][] meanPrediction(double[][] yTrain, int testRows) {
        int q = yTrain[0].length;
        double[] mu = new double[q];
        for (double[] r : yTrain) for (int j = 0; j < q; j++) mu[j] += r[j] / yTrain.length;
        double[][] out = new double[testRows][];
        for (int i = 0; i < testRows; i++) out[i] = mu.clone();
        return out;
    }

    /** Test MAE per property averaged over seeded Poisson noise draws at one SNR. */
    static double[] noisyMae(TrainedModel m, SpectraDataset test, double[][] yTest, double snr, int draws, long seed) {
        double[] s = new double[PROPERTIES.size()];
        for (int k = 0; k < draws; k++) {
            SpectraDataset noisy = Noise.Poisson.ofSnr(snr, seed * 1000 + k).apply(test);
            double[] mae = RegressionReport.of(PROPERTIES, yTest, predict(m, noisy)).mae();
            for (int j = 0; j < s.length; j++) s[j] += mae[j] / draws;
        }
        return s;
    }

    /** Spectrum A (repeatedly mispredicted, farthest from training) and B (repeatedly mispredicted, closest). */
    static Neighbours neighbours(SpectraDataset train, SpectraDataset test, double[][] yTrain, double[][] pTrain,
                                 double[][] yTest, double[][] pTest) {
        MispredictionAnalysis mis = MispredictionAnalysis.of(PROPERTIES, yTest, pTest, WORST_N);
        int[] repeated = mis.repeatedlyWorst(3);
        NearestSpectra nn = NearestSpectra.fit(train);
        NearestSpectra.Result nnTest = nn.query(test, 3);
        NearestSpectra.Result nnTrain = nn.query(train, 2);  // k = 2: the first is the spectrum itself
        double[] dTrain = new double[train.size()];
        for (int i = 0; i < dTrain.length; i++) dTrain[i] = nnTrain.distances()[i][1];
        double medianNn = Arrays.stream(dTrain).sorted().toArray()[dTrain.length / 2];
        double[] d1 = new double[test.size()], rel = new double[test.size()];
        for (int t = 0; t < test.size(); t++) { d1[t] = nnTest.distances()[t][0]; rel[t] = d1[t] / medianNn; }
        int[] cands = repeated.length >= 2 ? repeated : mis.repeatedlyWorst(2);
        if (cands.length < 2) cands = mis.worst(PROPERTIES.get(0));
        int a = cands[0], b = cands[0];
        for (int t : cands) { if (rel[t] > rel[a]) a = t; if (rel[t] < rel[b]) b = t; }
        if (a == b) b = cands[1] == a ? cands[0] : cands[1];
        var tabA = MispredictionAnalysis.nearestTraining(PROPERTIES, a, 3, test.spectra(), yTest, pTest, train.spectra(), yTrain, pTrain);
        var tabB = MispredictionAnalysis.nearestTraining(PROPERTIES, b, 3, test.spectra(), yTest, pTest, train.spectra(), yTrain, pTrain);
        return new Neighbours(mis, repeated, d1, rel, medianNn, a, b, tabA, tabB);
    }

    /** Mean over rows of sum|a − b| / sum|a|. */
    static double meanRelativeL1(SpectraDataset a, SpectraDataset b) {
        double dev = 0;
        for (int i = 0; i < a.size(); i++) {
            double[] x = a.spectra().rowAsDouble(i), y = b.spectra().rowAsDouble(i);
            double num = 0, den = 0;
            for (int j = 0; j < x.length; j++) { num += Math.abs(x[j] - y[j]); den += Math.abs(x[j]); }
            dev += num / den / a.size();
        }
        return dev;
    }

    /** Runs the whole study (grid search, three trainings, noise and broadening tests). */
    public static Result run(Options o, ProgressListener progress) {
        long t0 = System.nanoTime();
        RunRecord.Builder rec = RunRecord.builder("paper-001-site-properties").seed("split", o.seed()).seed("training", o.seed())
                .option("mode", o.mode().fileName()).option("epochs", o.epochs()).option("gridEpochs", o.gridEpochs())
                .option("batchSize", o.batchSize()).option("learningRate", o.learningRate()).option("noiseDraws", o.noiseDraws())
                .option("grid", o.grid().toString()).option("folds", 5).option("dropoutRate", 0.5).option("targets", PROPERTIES);
        SpectraDataset raw = Datasets.load("o-k-litmo");
        rec.dataset("o-k-litmo", raw.sha256());
        SpectraDataset data = preprocessing(0.5).fitApply(raw);
        Splits.Split split = Splits.groupedTrainValidationTest(data.labelAsString("o_index"), 0.1, o.seed());
        List<SpectraDataset> parts = split.apply(data);
        SpectraDataset train = parts.get(0), val = parts.get(1), test = parts.get(2);
        SpectraDataset cv = train.concat(val);
        List<Splits.Fold> folds = Splits.groupKFold(cv, "o_index", 5, o.seed());
        int[] foldOf = new int[cv.size()];
        for (int f = 0; f < folds.size(); f++) for (int r : folds.get(f).test()) foldOf[r] = f;
        TrainingOptions opts = TrainingOptions.defaults(o.seed()).withEpochs(o.epochs()).withBatchSize(o.batchSize())
                .withLearningRate(o.learningRate(), 1.0).withPatience(o.patience());
        RegressorSpec base = RegressorSpec.seed001(data.channels(), List.of(64), 1e-3, PROPERTIES.size());
        Table grid = rec.time("grid_search_s", () -> GridSearch.run(base, DatasetTraining.inputs(cv, List.of()),
                DatasetTraining.columns(cv, PROPERTIES), o.grid(), foldOf, opts.withEpochs(o.gridEpochs()), progress));
        RegressorSpec best = GridSearch.best(base, grid);
        TrainingResult fit = rec.time("train_sigma0.5_s", () -> DatasetTraining.regressor(train, val, PROPERTIES, List.of(), best, opts, progress));
        String[] p = PROPERTIES.toArray(String[]::new);
        double[][] yTrain = train.labels(p), yTest = test.labels(p);
        double[][] pTrain = predict(fit.model(), train), pTest = predict(fit.model(), test);
        RegressionReport report = RegressionReport.of(PROPERTIES, yTest, pTest);
        RegressionReport meanPred = RegressionReport.of(PROPERTIES, yTest, meanPrediction(yTrain, yTest.length));

        Transform align = ExcitationEnergyAlign.auto("onset_ev").fit(train);
        SpectraDataset trainE = align.apply(train), valE = align.apply(val), testE = align.apply(test);
        RegressorSpec bestE = new RegressorSpec(trainE.channels(), 0, best.hiddenWidths(), best.dropoutRate(), best.l2(), best.outputs(), best.head(), best.loss());
        TrainingResult fitE = rec.time("train_energy_aligned_s", () -> DatasetTraining.regressor(trainE, valE, PROPERTIES, List.of(), bestE, opts, progress));
        RegressionReport reportE = RegressionReport.of(PROPERTIES, yTest, predict(fitE.model(), testE));

        Neighbours nb = neighbours(train, test, yTrain, pTrain, yTest, pTest);

        double[][] noise = new double[SNRS.length][];
        for (int k = 0; k < SNRS.length; k++) noise[k] = noisyMae(fit.model(), test, yTest, SNRS[k], o.noiseDraws(), o.seed());

        SpectraDataset dataN = preprocessing(0.1).fitApply(raw);
        List<SpectraDataset> partsN = split.apply(dataN);
        TrainingResult fitN = rec.time("train_sigma0.1_s", () -> DatasetTraining.regressor(partsN.get(0), partsN.get(1), PROPERTIES, List.of(), best, opts, progress));
        RegressionReport reportN = RegressionReport.of(PROPERTIES, yTest, predict(fitN.model(), partsN.get(2)));
        RegressionReport cross = RegressionReport.of(PROPERTIES, yTest, predict(fit.model(), partsN.get(2)));
        double[] noisyN = noisyMae(fitN.model(), partsN.get(2), yTest, 10, o.noiseDraws(), o.seed());

        rec.steps(data.history()).step(align.step()).option("bestHidden", best.hiddenWidths()).option("bestL2", best.l2())
                .option("split", split.toString()).timing("run_s", (System.nanoTime() - t0) / 1e9);
        return new Result(o, raw, data, split, train, val, test, grid, best, fit, yTrain, pTrain, yTest, pTest, report, meanPred,
                align, reportE, nb, noise, reportN, cross, noisyN, meanRelativeL1(data, dataN), rec.build());
    }

    /** Column {@code q} of a row-major matrix. */
    public static double[] column(double[][] a, int q) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = a[i][q];
        return c;
    }

    /** Test ids of the worst-N rows per property (table). */
    public static List<List<String>> worstIds(Result r) {
        List<List<String>> out = new ArrayList<>();
        for (String prop : PROPERTIES) {
            List<String> ids = new ArrayList<>();
            for (int w : r.neighbours().mispredictions().worst(prop)) ids.add(r.test().id(w));
            out.add(ids);
        }
        return out;
    }
}
