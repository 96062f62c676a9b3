package org.coreloss.studies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coreloss.data.SpectraDataset;
import org.coreloss.eval.SpectrumError;
import org.coreloss.nn.DatasetTraining;
import org.coreloss.nn.TrainingResult;
import org.coreloss.progress.ProgressListener;

/**
 * Figure 3 of seed 003: validation MSE of generators of each kind against depth and data size on one ion's database
 * (80:20 split), each beside the mean-spectrum baseline of the same training rows. Runs are cached by (kind, depth,
 * rows), so the networks of figure 3a at the full size are reused by figure 3b and the held-out check.
 */
public final class Paper003Architectures {
    private final Paper003Ledge ledge;
    private final String ion;
    private final SpectraDataset train, validation;
    private final int epochs, batch;
    private final Map<String, TrainingResult> runs = new LinkedHashMap<>();

    /**
     * @param database the ion's database, split 80:20 with the study's seed
     * @param epochs   epochs per network (quick 8, full 40); {@code batch} mini-batch size
     */
    public Paper003Architectures(Paper003Ledge ledge, String ion, SpectraDataset database, int epochs, int batch) {
        this.ledge = ledge;
        this.ion = ion;
        SpectraDataset[] tv = DatasetTraining.split(database, 0.2, ledge.seed());
        this.train = tv[0];
        this.validation = tv[1];
        this.epochs = epochs;
        this.batch = batch;
    }

    /** Quick: DNN, CNN, TCNN and a split DNN (no LCNN: too slow on CPU); full: DNN, CNN, TCNN, LCNN, sLCNN. */
    public static List<String> kinds(StudyMode mode) {
        return mode.quick() ? List.of("DNN", "CNN", "TCNN", "sDNN") : List.of("DNN", "CNN", "TCNN", "LCNN", "sLCNN");
    }

    public SpectraDataset train() { return train; }

    public SpectraDataset validation() { return validation; }

    /** One network trained on the first {@code n} training rows (trained once per kind, depth and row count). */
    public TrainingResult run(String kind, int layers, int n) {
        int rows = Math.min(n, train.size());
        return runs.computeIfAbsent(kind + "-" + layers + "-n" + rows, key -> DatasetTraining.generator(Paper003Ledge.head(train, rows), validation,
                Paper003Ledge.PARAMS, Paper003Ledge.FEATURE_DEGREE, ledge.architecture(kind, layers, ion, train.grid()),
                ledge.trainingOptions(epochs, batch), ProgressListener.NONE));
    }

    /** Best validation MSE (spectrum units) of that network. */
    public double validationMse(String kind, int layers, int n) {
        return run(kind, layers, n).bestValidationLoss();
    }

    /** Validation MSE of the mean of the same {@code n} training spectra: the baseline of that network. */
    public double baselineMse(int n) {
        return Paper003Ledge.mse(SpectrumError.channelMean(Paper003Ledge.head(train, n).spectra()), validation.spectra());
    }

    /** Per kind, the validation MSE at each depth (all training rows). */
    public Map<String, double[]> byDepth(List<String> kinds, int[] depths) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String k : kinds) {
            double[] v = new double[depths.length];
            for (int d = 0; d < depths.length; d++) v[d] = validationMse(k, depths[d], train.size());
            m.put(k, v);
        }
        return m;
    }

    /** Per kind, the validation MSE at each data size (depth {@code layers}). */
    public Map<String, double[]> bySize(List<String> kinds, int layers, int[] sizes) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String k : kinds) {
            double[] v = new double[sizes.length];
            for (int s = 0; s < sizes.length; s++) v[s] = validationMse(k, layers, sizes[s]);
            m.put(k, v);
        }
        return m;
    }

    /** Test MSE / mean-spectrum test MSE of each kind (depth {@code layers}, all rows) on held-out spectra. */
    public Map<String, Double> heldOutRatios(List<String> kinds, int layers, SpectraDataset test) {
        double base = Paper003Ledge.mse(SpectrumError.channelMean(train.spectra()), test.spectra());
        Map<String, Double> m = new LinkedHashMap<>();
        for (String k : kinds) {
            double e = Paper003Ledge.mse(run(k, layers, train.size()).model().generate(DatasetTraining.columns(test, Paper003Ledge.PARAMS)), test.spectra());
            m.put(k, e / base);
        }
        return m;
    }

    /** Throws unless the DNN is below {@code maxDnnRatio} and every kind below 1 × the mean spectrum on held-out spectra. */
    public static void check(Map<String, Double> ratios, double maxDnnRatio) {
        StudyCheckException.require(Paper003Ledge.NAME, "held-out test MSE / mean-spectrum MSE of the DNN", ratios.get("DNN"), 0, maxDnnRatio);
        ratios.forEach((k, r) -> StudyCheckException.require(Paper003Ledge.NAME, "held-out test MSE / mean-spectrum MSE of the " + k, r, 0, 1));
    }
}
