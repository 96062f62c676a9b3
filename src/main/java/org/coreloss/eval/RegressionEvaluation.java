package org.coreloss.eval;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;

/**
 * A regression model evaluated on a held-out test split next to the mean-predictor baseline (every test row
 * predicted as the training mean): MAE, RMSE and R2 per target for both, the ratio MAE(model) / MAE(baseline)
 * (below 1: the model beats the baseline), and the test truth and predictions (physical units) for parity figures
 * ({@code Plots.parity(RegressionEvaluation)}). Arrays are rows x targets.
 *
 * @param split      how the split was made, e.g. {@code "test fraction 0.2, seed 1"}
 * @param trainTrue  training truth and predictions (may have zero rows)
 */
public record RegressionEvaluation(List<String> targets, String split, RegressionReport model, RegressionReport baseline,
                                   double[][] testTrue, double[][] testPredicted, double[][] trainTrue, double[][] trainPredicted) {
    public RegressionEvaluation {
        targets = List.copyOf(targets);
        if (!model.targets().equals(targets) || !baseline.targets().equals(targets)) throw new IllegalArgumentException("reports of different targets: " + model.targets() + ", " + baseline.targets());
    }

    /** Metrics of the model and the mean-predictor baseline (training means) on the test rows. */
    public static RegressionEvaluation of(List<String> targets, String split, double[][] trainTrue, double[][] trainPredicted,
                                          double[][] testTrue, double[][] testPredicted) {
        for (double[][] a : List.of(trainTrue, testTrue, testPredicted)) {
            for (double[] r : a) for (double v : r) if (!Double.isFinite(v)) throw new IllegalArgumentException("regression evaluation: non-finite label or prediction (missing labels?)");
        }
        return new RegressionEvaluation(targets, split, RegressionReport.of(targets, testTrue, testPredicted),
                RegressionReport.meanPredictor(targets, trainTrue, testTrue), testTrue, testPredicted, trainTrue, trainPredicted);
    }

    /** MAE(model) / MAE(mean predictor) per target. */
    public double[] maeRatio() {
        double[] r = new double[targets.size()];
        for (int j = 0; j < r.length; j++) r[j] = model.mae()[j] / baseline.mae()[j];
        return r;
    }

    /** Whether the model's MAE is below the baseline's for every target. */
    public boolean beatsBaseline() {
        for (double r : maeRatio()) if (!(r < 1)) return false;
        return true;
    }

    /** One row per target: n_test, MAE, RMSE, R2, baseline MAE/RMSE/R2, MAE ratio. */
    public Table table() {
        IntColumn n = IntColumn.create("n_test");
        for (int j = 0; j < targets.size(); j++) n.append(model.n());
        return Table.create("regression evaluation (" + split + ")", StringColumn.create("target", targets), n,
                DoubleColumn.create("MAE", model.mae()), DoubleColumn.create("RMSE", model.rmse()), DoubleColumn.create("R2", model.r2()),
                DoubleColumn.create("baseline_MAE", baseline.mae()), DoubleColumn.create("baseline_RMSE", baseline.rmse()),
                DoubleColumn.create("baseline_R2", baseline.r2()), DoubleColumn.create("MAE_ratio", maeRatio()));
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "test set: %d rows (%s); baseline = training mean%n", model.n(), split));
        sb.append(String.format(Locale.ROOT, "%-24s %11s %11s %8s %11s %11s %8s%n", "target", "MAE", "RMSE", "R2", "base MAE", "base RMSE", "ratio"));
        double[] ratio = maeRatio();
        for (int j = 0; j < targets.size(); j++) {
            sb.append(String.format(Locale.ROOT, "%-24s %11.4g %11.4g %8.4f %11.4g %11.4g %8.3f%n", targets.get(j), model.mae()[j], model.rmse()[j], model.r2()[j],
                    baseline.mae()[j], baseline.rmse()[j], ratio[j]));
        }
        return sb.toString();
    }
}
