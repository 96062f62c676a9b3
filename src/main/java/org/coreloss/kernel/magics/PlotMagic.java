package org.coreloss.kernel.magics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coreloss.eval.PeakMisfit;
import org.coreloss.eval.SeIntervals;
import org.coreloss.eval.SpectrumEvaluation;
import org.coreloss.kernel.magic.Magic;
import org.coreloss.kernel.magic.MagicContext;
import org.coreloss.kernel.magic.MagicException;
import org.coreloss.plot.Figure;
import org.coreloss.plot.Figures;
import org.coreloss.plot.Plots;
import org.coreloss.spectrum.SpectrumMatrix;

/**
 * {@code %plot}: evaluation figures from notebook variables.
 * <pre>
 * %plot parity &lt;pred&gt; &lt;true&gt; [--train &lt;trainPred&gt; &lt;trainTrue&gt;] [--column N] [--name PROPERTY]
 * %plot parity &lt;predicted&gt; [--name TARGET]   (a %predict dataset: pred_T against T; or a RegressionEvaluation)
 * %plot se &lt;eval&gt;...                 (SpectrumEvaluation variables, one bar per set)
 * %plot se &lt;predSpectra&gt; &lt;refSpectra&gt; [--label NAME]
 * %plot mepd &lt;eval&gt; | &lt;predSpectra&gt; &lt;refSpectra&gt; [--label NAME] [--seed N] [--levels N] [--cumulative]
 * common: [--save FILE.png|FILE.svg] [--as VAR]
 * </pre>
 * Property arrays may be double[], float[], or double[][]/float[][] (column chosen by --column,
 * default 0); spectra are {@link SpectrumMatrix} variables.
 */
public final class PlotMagic implements Magic {
    @Override public String name() { return "plot"; }

    @Override public String usage() {
        return "%plot parity <pred> <true> [--train <trainPred> <trainTrue>] [--column N] [--name P] | %plot parity <predictedDataset|evaluation> [--name T] | "
                + "%plot se <eval>... | %plot se <pred> <ref> [--label L] | "
                + "%plot mepd <eval> | <pred> <ref> [--label L] [--seed N] [--levels N] [--cumulative]; "
                + "all: [--save FILE.png|.svg] [--as VAR]";
    }

    @Override public String description() {
        return "Evaluation figures (parity, SE intervals, maximal-misfit distribution) from notebook variables.";
    }

    @Override public Object execute(MagicContext ctx, List<String> args, String body) {
        if (args.isEmpty()) throw new MagicException("usage: " + usage());
        String kind = args.get(0);
        Options o = Options.parse(args.subList(1, args.size()));
        Figure f = switch (kind) {
            case "parity" -> parity(ctx, o);
            case "se" -> se(ctx, o);
            case "mepd" -> mepd(ctx, o);
            default -> throw new MagicException("%plot: unknown figure '" + kind + "'; expected parity, se or mepd");
        };
        if (o.save != null) {
            Path p = ctx.workingDirectory().resolve(o.save);
            try {
                Figures.save(f, p);
            } catch (IllegalArgumentException e) {
                throw new MagicException("%plot --save: " + e.getMessage());
            }
        }
        if (o.as != null) ctx.setVariable(o.as, Figure.class, f);
        return f;
    }

    private static Figure parity(MagicContext ctx, Options o) {
        if (o.positional.size() == 1) {
            Object x = ctx.getVariable(o.positional.get(0));
            if (x instanceof org.coreloss.eval.RegressionEvaluation ev) return Plots.parity(ev);
            if (x instanceof org.coreloss.data.SpectraDataset ds) return parityOfPredictions(o.positional.get(0), ds, o.name);
            throw new MagicException("%plot parity: variable '" + o.positional.get(0) + "' is a " + typeName(x)
                    + "; one argument must be a dataset returned by %predict (pred_<target> columns) or a RegressionEvaluation (%train --test-fraction)");
        }
        if (o.positional.size() != 2) throw new MagicException("%plot parity: expected <pred> <true>, a %predict dataset, or a RegressionEvaluation; got " + o.positional);
        double[] pred = column(ctx, o.positional.get(0), o.column), truth = column(ctx, o.positional.get(1), o.column);
        double[] trP = new double[0], trT = new double[0];
        if (o.train != null) { trP = column(ctx, o.train[0], o.column); trT = column(ctx, o.train[1], o.column); }
        String name = o.name != null ? o.name : o.positional.get(0) + (o.column > 0 ? "[" + o.column + "]" : "");
        try {
            return Plots.parity(name, trT, trP, truth, pred);
        } catch (IllegalArgumentException e) {
            throw new MagicException("%plot parity: " + e.getMessage());
        }
    }

    private static Figure se(MagicContext ctx, Options o) {
        Map<String, SeIntervals> m = new LinkedHashMap<>();
        if (o.positional.size() == 2 && ctx.getVariable(o.positional.get(0)) instanceof SpectrumMatrix) {
            m.put(o.label != null ? o.label : o.positional.get(0), evaluation(ctx, o).intervals());
        } else {
            if (o.positional.isEmpty()) throw new MagicException("%plot se: expected SpectrumEvaluation variables or <pred> <ref>");
            for (String v : o.positional) {
                Object x = ctx.getVariable(v);
                if (!(x instanceof SpectrumEvaluation ev)) throw new MagicException("%plot se: variable '" + v + "' is a " + typeName(x) + ", expected SpectrumEvaluation");
                m.put(ev.label(), ev.intervals());
            }
        }
        return Plots.seIntervals(m);
    }

    private static Figure mepd(MagicContext ctx, Options o) {
        SpectrumEvaluation ev;
        if (o.positional.size() == 1) {
            Object x = ctx.getVariable(o.positional.get(0));
            if (!(x instanceof SpectrumEvaluation e)) throw new MagicException("%plot mepd: variable '" + o.positional.get(0) + "' is a " + typeName(x) + ", expected SpectrumEvaluation");
            ev = e;
        } else {
            ev = evaluation(ctx, o);
        }
        return Plots.misfitScatter(ev, o.levels);
    }

    private static SpectrumEvaluation evaluation(MagicContext ctx, Options o) {
        if (o.positional.size() != 2) throw new MagicException("expected <predSpectra> <refSpectra>, got " + o.positional);
        SpectrumMatrix p = matrix(ctx, o.positional.get(0)), r = matrix(ctx, o.positional.get(1));
        try {
            return SpectrumEvaluation.of(o.label != null ? o.label : o.positional.get(0), p, r,
                    new SpectrumEvaluation.Options(o.cumulative ? PeakMisfit.Mode.CUMULATIVE : PeakMisfit.Mode.PEAK, o.seed));
        } catch (IllegalArgumentException e) {
            throw new MagicException(e.getMessage());
        }
    }

    private static SpectrumMatrix matrix(MagicContext ctx, String var) {
        Object x = ctx.getVariable(var);
        if (x instanceof SpectrumMatrix m) return m;
        throw new MagicException("variable '" + var + "' is a " + typeName(x) + ", expected SpectrumMatrix");
    }

    /** Parity of {@code pred_<t>} against {@code <t>} for every target t with both columns (or only {@code --name t}). */
    static Figure parityOfPredictions(String var, org.coreloss.data.SpectraDataset ds, String only) {
        List<String> targets = new java.util.ArrayList<>();
        for (String c : ds.numericColumnNames()) {
            if (c.startsWith("pred_") && ds.hasColumn(c.substring(5)) && (only == null || only.equals(c.substring(5)))) targets.add(c.substring(5));
        }
        if (targets.isEmpty()) {
            throw new MagicException("%plot parity: dataset '" + var + "' has no pred_<t> column with a label column <t>" + (only != null ? " for --name " + only : "")
                    + " (columns: " + ds.columnNames() + "); run %predict MODEL DATA on labelled data first");
        }
        double[][] truth = ds.labels(targets.toArray(new String[0]));
        double[][] pred = ds.labels(targets.stream().map(t -> "pred_" + t).toArray(String[]::new));
        for (int i = 0; i < truth.length; i++) for (int j = 0; j < targets.size(); j++) {
            if (Double.isNaN(truth[i][j])) throw new MagicException("%plot parity: " + ds.id(i) + " has no value of " + targets.get(j) + " (missing label)");
        }
        if (targets.size() == 1) return Plots.parity(targets.get(0), new double[0], new double[0], column(truth, 0), column(pred, 0));
        return Plots.parityGrid(targets, new double[0][targets.size()], new double[0][targets.size()], truth, pred, 2);
    }

    private static double[] column(double[][] a, int j) {
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) o[i] = a[i][j];
        return o;
    }

    static double[] column(MagicContext ctx, String var, int col) {
        Object x = ctx.getVariable(var);
        if (x instanceof double[] d) return d.clone();
        if (x instanceof float[] f) { double[] d = new double[f.length]; for (int i = 0; i < f.length; i++) d[i] = f[i]; return d; }
        if (x instanceof double[][] d) {
            double[] out = new double[d.length];
            for (int i = 0; i < d.length; i++) { checkCol(var, d[i].length, col); out[i] = d[i][col]; }
            return out;
        }
        if (x instanceof float[][] f) {
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) { checkCol(var, f[i].length, col); out[i] = f[i][col]; }
            return out;
        }
        throw new MagicException("variable '" + var + "' is a " + typeName(x) + ", expected double[], float[], double[][] or float[][]");
    }

    private static void checkCol(String var, int len, int col) {
        if (col >= len) throw new MagicException("--column " + col + ": variable '" + var + "' has only " + len + " columns");
    }

    private static String typeName(Object x) { return x == null ? "null" : x.getClass().getSimpleName(); }

    /** Parsed options. */
    static final class Options {
        final List<String> positional = new ArrayList<>();
        String[] train;
        int column = 0, levels = 6;
        long seed = 42;
        String name, label, save, as;
        boolean cumulative;

        static Options parse(List<String> a) {
            Options o = new Options();
            for (int i = 0; i < a.size(); i++) {
                String s = a.get(i);
                switch (s) {
                    case "--train" -> { need(a, i, 2, s); o.train = new String[] {a.get(i + 1), a.get(i + 2)}; i += 2; }
                    case "--column" -> { need(a, i, 1, s); o.column = intArg(a.get(++i), s, 0); }
                    case "--levels" -> { need(a, i, 1, s); o.levels = intArg(a.get(++i), s, 1); }
                    case "--seed" -> { need(a, i, 1, s); try { o.seed = Long.parseLong(a.get(++i)); } catch (NumberFormatException e) { throw new MagicException("--seed: '" + a.get(i) + "' is not an integer"); } }
                    case "--name" -> { need(a, i, 1, s); o.name = a.get(++i); }
                    case "--label" -> { need(a, i, 1, s); o.label = a.get(++i); }
                    case "--save" -> { need(a, i, 1, s); o.save = a.get(++i); }
                    case "--as" -> { need(a, i, 1, s); o.as = a.get(++i); }
                    case "--cumulative" -> o.cumulative = true;
                    default -> {
                        if (s.startsWith("--")) throw new MagicException("%plot: unknown option " + s);
                        o.positional.add(s);
                    }
                }
            }
            return o;
        }

        private static void need(List<String> a, int i, int n, String opt) {
            if (i + n >= a.size()) throw new MagicException(opt + ": expected " + n + " value(s)");
        }

        private static int intArg(String v, String opt, int min) {
            try {
                int x = Integer.parseInt(v);
                if (x < min) throw new MagicException(opt + ": " + x + ", expected >= " + min);
                return x;
            } catch (NumberFormatException e) {
                throw new MagicException(opt + ": '" + v + "' is not an integer");
            }
        }
    }
}
