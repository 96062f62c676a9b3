package org.coreloss.eval;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-target regression metrics on a test set (seed 001, figures 2 and 5):
 * {@code MAE = mean|p - t|}, {@code MSE = mean (p - t)^2}, {@code RMSE = sqrt(MSE)},
 * {@code R2 = 1 - sum (p - t)^2 / sum (t - mean t)^2} (NaN when the targets are constant).
 * Units are those of each target.
 */
public record RegressionReport(List<String> targets, int n, double[] mae, double[] mse, double[] rmse, double[] r2) {
    public RegressionReport {
        targets = List.copyOf(targets);
    }

    /** Metrics of {@code predicted} against {@code truth} (n x targets). */
    public static RegressionReport of(List<String> targets, double[][] truth, double[][] predicted) {
        Arrays2.sameShape("regression report", truth, predicted);
        int n = truth.length;
        if (n == 0) throw new IllegalArgumentException("regression report: no rows");
        int p = targets.size();
        if (truth[0].length != p) throw new IllegalArgumentException("regression report: " + p + " target names for " + truth[0].length + " columns");
        double[] mae = new double[p], mse = new double[p], rmse = new double[p], r2 = new double[p];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (double[] t : truth) mean += t[j];
            mean /= n;
            double ae = 0, se = 0, tot = 0;
            for (int i = 0; i < n; i++) {
                double e = predicted[i][j] - truth[i][j];
                ae += Math.abs(e);
                se += e * e;
                tot += (truth[i][j] - mean) * (truth[i][j] - mean);
            }
            mae[j] = ae / n;
            mse[j] = se / n;
            rmse[j] = Math.sqrt(mse[j]);
            r2[j] = tot > 0 ? 1 - se / tot : Double.NaN;
        }
        return new RegressionReport(targets, n, mae, mse, rmse, r2);
    }

    /** Same with float arrays (as returned by a {@link Predictor}). */
    public static RegressionReport of(List<String> targets, float[][] truth, float[][] predicted) {
        return of(targets, Arrays2.toDouble(truth), Arrays2.toDouble(predicted));
    }

    /**
     * The mean predictor: every test row is predicted as the training mean of each target (the baseline a model
     * must beat; its R2 on the test set is <= 0 up to the train/test mean difference).
     */
    public static RegressionReport meanPredictor(List<String> targets, double[][] trainTruth, double[][] testTruth) {
        return of(targets, testTruth, meanPrediction(trainTruth, testTruth.length));
    }

    /** {@code rows} copies of the column means of {@code trainTruth} (NaN-free input expected). */
    public static double[][] meanPrediction(double[][] trainTruth, int rows) {
        if (trainTruth.length == 0) throw new IllegalArgumentException("mean predictor: no training rows");
        int p = trainTruth[0].length;
        double[] m = new double[p];
        for (double[] r : trainTruth) for (int j = 0; j < p; j++) m[j] += r[j] / trainTruth.length;
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) out[i] = m.clone();
        return out;
    }

    /** Runs {@code predictor} on {@code inputs} and compares with {@code truth}. */
    public static RegressionReport evaluate(Predictor predictor, float[][] inputs, float[][] truth) {
        return of(predictor.outputNames(), truth, predictor.predict(inputs));
    }

    /** Index of a target by name. */
    public int indexOf(String target) {
        int i = targets.indexOf(target);
        if (i < 0) throw new IllegalArgumentException("unknown target '" + target + "'; known: " + targets);
        return i;
    }

    /** The metrics as a Tablesaw table: target, n, MAE, MSE, RMSE, R2. */
    public Table table() {
        IntColumn nc = IntColumn.create("n");
        for (int j = 0; j < targets.size(); j++) nc.append(n);
        return Table.create("regression report",
                StringColumn.create("target", targets),
                nc,
                DoubleColumn.create("MAE", mae), DoubleColumn.create("MSE", mse),
                DoubleColumn.create("RMSE", rmse), DoubleColumn.create("R2", r2));
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder(String.format("%-28s %8s %12s %12s %12s %8s%n", "target", "n", "MAE", "MSE", "RMSE", "R2"));
        for (int j = 0; j < targets.size(); j++) {
            sb.append(String.format("%-28s %8d %12.5g %12.5g %12.5g %8.4f%n", targets.get(j), n, mae[j], mse[j], rmse[j], r2[j]));
        }
        return sb.toString();
    }
}
