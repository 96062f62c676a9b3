package org.coreloss.nn;

import org.coreloss.eval.RegressionEvaluation;

import org.coreloss.data.SpectraDataset;
import org.coreloss.preprocess.PolynomialFeatures;
import org.coreloss.progress.ProgressListener;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.EnergyGrid;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Training on {@link SpectraDataset}s with label columns named: turns datasets into the float rows the
 * {@link Trainer} takes, trains, and describes the model (targets, units parsed from a {@code _unit}
 * column suffix such as {@code bond_length_A}, preprocessing history, dataset SHA-256, input handling).
 */
public final class DatasetTraining {
    private DatasetTraining() {}

    /** Spectrum channels followed by the named scalar columns, one row per spectrum. */
    public static float[][] inputs(SpectraDataset ds, List<String> scalarColumns) {
        int c = ds.channels(), s = scalarColumns.size();
        double[][] scalars = s == 0 ? null : ds.labels(scalarColumns.toArray(String[]::new));
        float[] raw = ds.spectra().rawData();
        float[][] x = new float[ds.size()][c + s];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(raw, i * c, x[i], 0, c);
            for (int k = 0; k < s; k++) x[i][c + k] = (float) scalars[i][k];
        }
        return x;
    }

    /** The named numeric columns as rows (N x columns). */
    public static float[][] columns(SpectraDataset ds, List<String> columns) {
        if (columns.isEmpty()) throw new IllegalArgumentException("columns: expected at least one column name");
        double[][] d = ds.labels(columns.toArray(String[]::new));
        float[][] f = new float[d.length][columns.size()];
        for (int i = 0; i < d.length; i++) for (int k = 0; k < f[i].length; k++) f[i][k] = (float) d[i][k];
        return f;
    }

    /** Network input size for {@code parameters} raw inputs after expansion of degree {@code featureDegree} (0 = none). */
    public static int inputSize(int parameters, int featureDegree) {
        return featureDegree == 0 ? parameters : (int) PolynomialFeatures.featureCount(parameters, featureDegree, true);
    }

    /** All monomials of degree <= {@code degree} of each row (constant included). */
    public static float[][] expand(float[][] x, int degree) {
        double[][] d = new double[x.length][];
        for (int i = 0; i < x.length; i++) { d[i] = new double[x[i].length]; for (int k = 0; k < d[i].length; k++) d[i][k] = x[i][k]; }
        double[][] e = PolynomialFeatures.of(degree).expand(d);
        float[][] f = new float[e.length][];
        for (int i = 0; i < e.length; i++) { f[i] = new float[e[i].length]; for (int k = 0; k < f[i].length; k++) f[i][k] = (float) e[i][k]; }
        return f;
    }

    /** First channel at or above {@code energyEv} (e.g. the L3/L2 boundary for the split generator). */
    public static int channelAt(EnergyGrid grid, double energyEv) {
        for (int j = 0; j < grid.size(); j++) if (grid.energyEv(j) >= energyEv) return j;
        throw new IllegalArgumentException("energyEv = " + energyEv + " is above the grid's last energy " + grid.energyEv(grid.size() - 1));
    }

    /**
     * Trains a property regressor: input = spectrum (+ {@code scalarInputs} columns), output = {@code targets}
     * columns. {@code spec} must match (channels, scalar inputs, outputs). {@code validation} may be null.
     */
    public static TrainingResult regressor(SpectraDataset train, SpectraDataset validation, List<String> targets,
                                           List<String> scalarInputs, RegressorSpec spec, TrainingOptions options,
                                           ProgressListener listener) {
        if (spec.head() != RegressorSpec.Head.LINEAR) throw new IllegalArgumentException("spec: head " + spec.head() + ", use classifier(...) for SOFTMAX");
        check(spec.spectrumChannels() == train.channels(), "spec.spectrumChannels = " + spec.spectrumChannels() + ", dataset has " + train.channels() + " channels");
        check(spec.scalarInputs() == scalarInputs.size(), "spec.scalarInputs = " + spec.scalarInputs() + ", but " + scalarInputs.size() + " scalar columns given");
        check(spec.outputs() == targets.size(), "spec.outputs = " + spec.outputs() + ", but " + targets.size() + " targets given");
        TrainingResult r = Trainer.fit(spec, inputs(train, scalarInputs), columns(train, targets),
                validation == null ? null : inputs(validation, scalarInputs), validation == null ? null : columns(validation, targets),
                options, listener);
        return describe(r, r.model().describe(targets, units(targets), history(train), train.sha256()).withInputColumns(scalarInputs));
    }

    /** Trains a softmax classifier on the string (or integer) column {@code labelColumn}; classes sorted by name. */
    public static TrainingResult classifier(SpectraDataset train, SpectraDataset validation, String labelColumn,
                                            RegressorSpec spec, TrainingOptions options, ProgressListener listener) {
        List<String> classes = new ArrayList<>(new TreeSet<>(List.of(train.labelAsString(labelColumn))));
        check(spec.head() == RegressorSpec.Head.SOFTMAX, "spec: head " + spec.head() + ", expected SOFTMAX");
        check(spec.outputs() == classes.size(), "spec.outputs = " + spec.outputs() + ", but column " + labelColumn + " has " + classes.size() + " classes " + classes);
        check(spec.spectrumChannels() == train.channels() && spec.scalarInputs() == 0, "spec: expected " + train.channels() + " channels and no scalar inputs");
        TrainingResult r = Trainer.fit(spec, inputs(train, List.of()), oneHot(train, labelColumn, classes),
                validation == null ? null : inputs(validation, List.of()), validation == null ? null : oneHot(validation, labelColumn, classes),
                options, listener);
        return describe(r, r.model().describe(classes, List.of(), history(train), train.sha256()));
    }

    /**
     * Trains a spectrum generator: input = {@code parameterColumns} (expanded to all monomials of degree
     * <= {@code featureDegree}, 0 for none), output = the spectrum. {@code spec.inputSize()} must equal
     * {@link #inputSize}(parameters, featureDegree) and {@code spec.outputChannels()} the dataset's channels.
     * The model's predict/generate take the raw parameter rows.
     */
    public static TrainingResult generator(SpectraDataset train, SpectraDataset validation, List<String> parameterColumns,
                                           int featureDegree, GeneratorSpec spec, TrainingOptions options, ProgressListener listener) {
        int n = parameterColumns.size();
        check(spec.inputSize() == inputSize(n, featureDegree), "spec.inputSize = " + spec.inputSize() + ", expected "
                + inputSize(n, featureDegree) + " for " + n + " parameters at feature degree " + featureDegree);
        check(spec.outputChannels() == train.channels(), "spec.outputChannels = " + spec.outputChannels() + ", dataset has " + train.channels() + " channels");
        float[][] x = columns(train, parameterColumns), xv = validation == null ? null : columns(validation, parameterColumns);
        if (featureDegree > 0) { x = expand(x, featureDegree); if (xv != null) xv = expand(xv, featureDegree); }
        float[][] y = train.spectra().toArray(), yv = validation == null ? null : validation.spectra().toArray();
        TrainingResult r = Trainer.fit(spec, x, y, xv, yv, options, listener);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < train.channels(); j++) names.add(String.format(java.util.Locale.ROOT, "%.4f", train.grid().energyEv(j)));
        double[] grid = new double[train.channels()];
        for (int j = 0; j < grid.length; j++) grid[j] = train.grid().energyEv(j);
        String pre = history(train) + (featureDegree > 0 ? "; inputs " + parameterColumns + " expanded to monomials of degree <= " + featureDegree : "; inputs " + parameterColumns);
        TrainedModel m = r.model().describe(names, List.of(), pre, train.sha256()).withInputs(n, featureDegree, grid)
                .withInputColumns(parameterColumns);
        return describe(r, m);
    }

    /**
     * Seeded split into {train, validation}: a permutation from {@code SplittableRandom(seed)}, the first
     * round(fraction x N) rows go to validation (kept in original order). Fraction 0 gives {ds, null}.
     */
    public static SpectraDataset[] split(SpectraDataset ds, double validationFraction, long seed) {
        if (!(validationFraction >= 0 && validationFraction < 1)) throw new IllegalArgumentException("validationFraction = " + validationFraction + ", expected in [0, 1)");
        int nv = (int) Math.round(validationFraction * ds.size());
        if (nv == 0) return new SpectraDataset[]{ds, null};
        if (nv >= ds.size()) throw new IllegalArgumentException("validationFraction = " + validationFraction + " leaves no training rows of " + ds.size());
        int[] perm = Trainer.permutation(ds.size(), new java.util.SplittableRandom(seed));
        int[] v = java.util.Arrays.copyOf(perm, nv), t = java.util.Arrays.copyOfRange(perm, nv, perm.length);
        java.util.Arrays.sort(v);
        java.util.Arrays.sort(t);
        return new SpectraDataset[]{ds.subset(t), ds.subset(v)};
    }

    /**
     * Applies a model to a dataset: regressors/classifiers read the spectra (+ the model's scalar input
     * columns) and return the dataset with one new column per output ({@code pred_<name>}); generators read
     * the model's parameter columns and return the generated spectra on the model's grid with the same table.
     */
    /**
     * One-call evaluation of a regressor: predictions on {@code train} and {@code test} (physical units), metrics on
     * the test rows next to the mean predictor (training means of the targets); see {@link RegressionEvaluation}.
     */
    public static RegressionEvaluation evaluate(TrainedModel model, SpectraDataset train, SpectraDataset test, String split) {
        ModelMetadata m = model.info();
        if (!m.kind().equals("regressor")) throw new IllegalArgumentException("evaluate: a " + m.kind() + " model; expected a regressor");
        List<String> targets = m.targets();
        for (String t : targets) {
            if (!test.hasColumn(t)) throw new IllegalArgumentException("test data " + test.name() + " has no target column '" + t + "'");
            if (!train.hasColumn(t)) throw new IllegalArgumentException("training data " + train.name() + " has no target column '" + t + "'");
        }
        double[][] trT = train.labels(targets.toArray(new String[0])), teT = test.labels(targets.toArray(new String[0]));
        double[][] trP = toDouble(model.predict(inputs(train, m.inputColumns()))), teP = toDouble(model.predict(inputs(test, m.inputColumns())));
        return RegressionEvaluation.of(targets, split, trT, trP, teT, teP);
    }

    private static double[][] toDouble(float[][] a) {
        double[][] o = new double[a.length][];
        for (int i = 0; i < a.length; i++) { o[i] = new double[a[i].length]; for (int j = 0; j < a[i].length; j++) o[i][j] = a[i][j]; }
        return o;
    }

    public static SpectraDataset predict(TrainedModel model, SpectraDataset ds) {
        ModelMetadata m = model.info();
        if (m.kind().equals("generator")) {
            if (m.inputColumns().isEmpty()) throw new IllegalArgumentException("model has no parameter column names (trained on arrays): use predict(float[][])");
            for (String c : m.inputColumns()) if (!ds.hasColumn(c)) throw new IllegalArgumentException("dataset " + ds.name() + " has no column '" + c + "' (model parameters " + m.inputColumns() + ")");
            org.coreloss.spectrum.SpectrumMatrix g = model.generate(columns(ds, m.inputColumns()));
            return SpectraDataset.of(ds.name() + " (generated)", g, ds.table());
        }
        return assemble(model, ds, model.predict(inputs(ds, m.inputColumns())));
    }

    /**
     * The dataset {@link #predict} returns, from outputs computed elsewhere (e.g. in parts on Spark): {@code p[i]}
     * is the model's output for row i of {@code ds} (regressor targets, or a generated spectrum on the model's grid).
     */
    public static SpectraDataset assemble(TrainedModel model, SpectraDataset ds, float[][] p) {
        ModelMetadata m = model.info();
        if (p.length != ds.size()) throw new IllegalArgumentException("outputs for " + p.length + " rows, dataset " + ds.name() + " has " + ds.size());
        if (m.kind().equals("generator")) {
            if (m.gridEv() == null) throw new IllegalStateException("model has no output energy grid (not a generator trained on a SpectraDataset)");
            org.coreloss.spectrum.SpectrumMatrix g = org.coreloss.spectrum.SpectrumMatrix.of(org.coreloss.spectrum.EnergyGrid.of(m.gridEv()), p);
            return SpectraDataset.of(ds.name() + " (generated)", g, ds.table());
        }
        SpectraDataset out = ds;
        for (int k = 0; k < model.outputSize(); k++) {
            double[] v = new double[p.length];
            for (int i = 0; i < v.length; i++) v[i] = p[i][k];
            String name = m.targets().isEmpty() ? "output" + k : m.targets().get(k);
            out = out.withColumn("pred_" + name, v);
        }
        return out;
    }

    /** Unit suffix of a column name: {@code dq_eV} -> "eV", {@code temperature_K} -> "K", else "". */
    static List<String> units(List<String> columns) {
        List<String> u = new ArrayList<>();
        for (String c : columns) {
            int i = c.lastIndexOf('_');
            String s = i < 0 ? "" : c.substring(i + 1);
            u.add(s.matches("eV|K|A|Angstrom|deg|ang|nm|pm|e|GPa|meV") ? s : "");
        }
        return u;
    }

    private static float[][] oneHot(SpectraDataset ds, String column, List<String> classes) {
        String[] v = ds.labelAsString(column);
        float[][] y = new float[v.length][classes.size()];
        for (int i = 0; i < v.length; i++) {
            int k = classes.indexOf(v[i]);
            if (k < 0) throw new IllegalArgumentException("dataset " + ds.name() + " row " + i + ": class '" + v[i] + "' of column " + column + " not in the training classes " + classes);
            y[i][k] = 1f;
        }
        return y;
    }

    private static String history(SpectraDataset ds) {
        return ds.name() + (ds.history().isEmpty() ? "" : ": " + ds.history().stream().map(Step::toString).collect(Collectors.joining(" -> ")));
    }

    private static TrainingResult describe(TrainingResult r, TrainedModel m) {
        return new TrainingResult(m, r.epochsRun(), r.bestEpoch(), r.bestValidationLoss(), r.trainLoss(), r.validationLoss(), r.earlyStopped(), r.interrupted(),
                r.budgetExhausted(), r.wallSeconds(), r.cpuSeconds());
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
