package org.coreloss.nn;

import org.coreloss.progress.ProgressListener;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Grid search with k-fold cross-validation over depth, width and L2 penalty of a {@link RegressorSpec}
 * (seed 001: five folds over the number of hidden layers, nodes per layer and regularisation). Each
 * combination is trained k times, each time validated on the held-out fold; the fold's score is the best
 * validation epoch. Folds are a seeded permutation of the rows (row i of the permutation goes to fold i mod k).
 */
public final class GridSearch {
    private GridSearch() {}

    /**
     * Hyperparameter grid.
     *
     * @param depths number of hidden layers to try (each >= 1)
     * @param widths neurons per hidden layer to try (each >= 1)
     * @param l2s    L2 coefficients to try (each >= 0)
     */
    public record Grid(List<Integer> depths, List<Integer> widths, List<Double> l2s) {
        public Grid {
            if (depths == null || depths.isEmpty()) throw new IllegalArgumentException("depths: expected at least one value");
            if (widths == null || widths.isEmpty()) throw new IllegalArgumentException("widths: expected at least one value");
            if (l2s == null || l2s.isEmpty()) throw new IllegalArgumentException("l2s: expected at least one value");
            for (int d : depths) if (d < 1) throw new IllegalArgumentException("depths: " + d + ", expected >= 1");
            for (int w : widths) if (w < 1) throw new IllegalArgumentException("widths: " + w + ", expected >= 1");
            for (double l : l2s) if (!(l >= 0)) throw new IllegalArgumentException("l2s: " + l + ", expected >= 0");
            depths = List.copyOf(depths); widths = List.copyOf(widths); l2s = List.copyOf(l2s);
        }

        public int size() { return depths.size() * widths.size() * l2s.size(); }
    }

    /** Fold index (0..k-1) of each of {@code n} rows, from a permutation seeded with {@code seed}. */
    public static int[] foldOf(int n, int k, long seed) {
        if (k < 2 || k > n) throw new IllegalArgumentException("folds = " + k + ", expected in [2, rows = " + n + "]");
        int[] perm = Trainer.permutation(n, new SplittableRandom(seed));
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) fold[perm[i]] = i % k;
        return fold;
    }

    /**
     * Runs the search. Returns one row per combination (columns depth, width, l2, cv_loss, cv_loss_std,
     * cv_mae, epochs), sorted by cv_loss ascending. cv_loss is in the training loss's scaled units; cv_mae is
     * the mean absolute error in target units averaged over targets. Stops early (partial table) if the
     * listener is cancelled or the thread interrupted.
     */
    public static Table run(RegressorSpec base, float[][] x, float[][] y, Grid grid, int folds, TrainingOptions options,
                            ProgressListener listener) {
        return run(base, x, y, grid, foldOf(x.length, folds, options.seed()), options, listener);
    }

    /**
     * Same as {@link #run(RegressorSpec, float[][], float[][], Grid, int, TrainingOptions, ProgressListener)} with
     * a given fold of every row ({@code fold[i]} in 0..k-1, k = max + 1 >= 2, every fold non-empty), e.g. from a
     * grouped k-fold ({@code org.coreloss.data.Splits.groupKFold}) so that rows of one structure or atom never sit
     * in both the training and the held-out part.
     */
    public static Table run(RegressorSpec base, float[][] x, float[][] y, Grid grid, int[] fold, TrainingOptions options,
                            ProgressListener listener) {
        ProgressListener outer = listener == null ? ProgressListener.NONE : listener;
        if (fold == null || fold.length != x.length) {
            throw new IllegalArgumentException("fold: " + (fold == null ? "null" : fold.length + " entries") + ", expected one per row (" + x.length + ")");
        }
        int folds = 0;
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] < 0) throw new IllegalArgumentException("fold[" + i + "] = " + fold[i] + ", expected >= 0");
            folds = Math.max(folds, fold[i] + 1);
        }
        if (folds < 2) throw new IllegalArgumentException("fold: " + folds + " fold(s), expected at least 2");
        int[] size = new int[folds];
        for (int f : fold) size[f]++;
        for (int f = 0; f < folds; f++) if (size[f] == 0) throw new IllegalArgumentException("fold " + f + " has no rows, expected every fold 0.." + (folds - 1) + " non-empty");
        IntColumn depthC = IntColumn.create("depth"), widthC = IntColumn.create("width"), epochsC = IntColumn.create("epochs");
        DoubleColumn l2C = DoubleColumn.create("l2"), lossC = DoubleColumn.create("cv_loss"), stdC = DoubleColumn.create("cv_loss_std"),
                maeC = DoubleColumn.create("cv_mae");
        ProgressListener inner = new ProgressListener() {
            @Override public void start(String task, long total) {}
            @Override public void advance(long done, String message) {}
            @Override public void finish() {}
            @Override public boolean isCancelled() { return outer.isCancelled(); }
        };
        outer.start("grid search", (long) grid.size() * folds);
        long done = 0;
        try {
            search:
            for (int depth : grid.depths()) for (int width : grid.widths()) for (double l2 : grid.l2s()) {
                RegressorSpec spec = base.withHidden(Collections.nCopies(depth, width)).withL2(l2);
                double[] losses = new double[folds];
                double maeSum = 0, epochSum = 0;
                for (int f = 0; f < folds; f++) {
                    if (outer.isCancelled()) break search;
                    List<float[]> xt = new ArrayList<>(), yt = new ArrayList<>(), xv = new ArrayList<>(), yv = new ArrayList<>();
                    for (int i = 0; i < x.length; i++) {
                        if (fold[i] == f) { xv.add(x[i]); yv.add(y[i]); } else { xt.add(x[i]); yt.add(y[i]); }
                    }
                    float[][] xva = xv.toArray(new float[0][]), yva = yv.toArray(new float[0][]);
                    TrainingResult r = Trainer.fit(spec, xt.toArray(new float[0][]), yt.toArray(new float[0][]), xva, yva, options, inner);
                    if (r.interrupted()) break search;
                    losses[f] = r.bestValidationLoss();
                    float[][] p = r.model().predict(xva);
                    double s = 0;
                    for (int i = 0; i < p.length; i++) for (int j = 0; j < p[i].length; j++) s += Math.abs(p[i][j] - yva[i][j]);
                    maeSum += s / ((double) p.length * spec.outputSize());
                    epochSum += r.epochsRun();
                    outer.advance(++done, String.format("depth %d width %d l2 %.2g fold %d/%d val loss %.4g", depth, width, l2, f + 1, folds, losses[f]));
                }
                double mean = 0, var = 0;
                for (double l : losses) mean += l / folds;
                for (double l : losses) var += (l - mean) * (l - mean) / folds;
                depthC.append(depth); widthC.append(width); l2C.append(l2); lossC.append(mean); stdC.append(Math.sqrt(var));
                maeC.append(maeSum / folds); epochsC.append((int) Math.round(epochSum / folds));
            }
        } finally {
            outer.finish();
        }
        Table t = Table.create("grid search (" + folds + "-fold CV)", depthC, widthC, l2C, lossC, stdC, maeC, epochsC);
        return t.sortAscendingOn("cv_loss");
    }

    /**
     * {@link #run} on a dataset: inputs are the spectra followed by {@code scalarInputs} columns, targets the
     * named columns; {@code base} must have the matching channel, scalar-input and output counts.
     */
    public static Table run(RegressorSpec base, org.coreloss.data.SpectraDataset ds, List<String> targets, List<String> scalarInputs,
                            Grid grid, int folds, TrainingOptions options, ProgressListener listener) {
        if (base.spectrumChannels() != ds.channels() || base.scalarInputs() != scalarInputs.size() || base.outputs() != targets.size()) {
            throw new IllegalArgumentException("base spec (" + base.spectrumChannels() + " channels, " + base.scalarInputs() + " scalars, "
                    + base.outputs() + " outputs) does not match dataset " + ds.name() + " (" + ds.channels() + " channels, "
                    + scalarInputs.size() + " scalars, " + targets.size() + " targets)");
        }
        return run(base, DatasetTraining.inputs(ds, scalarInputs), DatasetTraining.columns(ds, targets), grid, folds, options, listener);
    }

    /** The best row's spec (lowest cv_loss) built on {@code base}. */
    public static RegressorSpec best(RegressorSpec base, Table results) {
        if (results.rowCount() == 0) throw new IllegalArgumentException("results: empty grid-search table");
        Table s = results.sortAscendingOn("cv_loss");
        return base.withHidden(Collections.nCopies(s.intColumn("depth").get(0), s.intColumn("width").get(0)))
                .withL2(s.doubleColumn("l2").get(0));
    }
}
