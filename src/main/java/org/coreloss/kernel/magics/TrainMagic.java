package org.coreloss.kernel.magics;

import org.coreloss.data.Datasets;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.SpectraIO;
import org.coreloss.eval.RegressionEvaluation;
import org.coreloss.kernel.magic.Magic;
import org.coreloss.kernel.magic.MagicContext;
import org.coreloss.kernel.magic.MagicException;
import org.coreloss.nn.EpochListener;
import org.coreloss.nn.ModelFiles;
import org.coreloss.nn.TrainedModel;
import org.coreloss.nn.TrainingRecipe;
import org.coreloss.nn.TrainingResult;
import org.coreloss.plot.Plots;
import org.coreloss.progress.ProgressListener;
import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.ShardedDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code %train regressor|classifier|generator <data> [options] [--as VAR] [--save PATH]}: trains a network on
 * a {@code SpectraDataset} (a notebook variable, a bundled dataset name, a dataset path or a simulate database
 * folder) with a live progress bar and a loss curve updated in place; the model is bound to {@code VAR}
 * (default {@code model}) and optionally saved. Interrupting the cell stops within one iteration and keeps
 * the best weights. With {@code --test-fraction F} (regressors) the seeded test rows are held out before training
 * and the model is evaluated on them against the mean predictor: {@code VAR_test} (the rows) and {@code VAR_eval}
 * (a {@link RegressionEvaluation}: metrics table and parity figure) are bound and the evaluation is shown.
 * Options: {@link TrainingRecipe#USAGE}.
 */
public final class TrainMagic implements Magic {
    @Override public String name() { return "train"; }

    @Override public String usage() {
        return "%train regressor|classifier|generator <dataVar|name|path> [--targets A,B | --label C | --params P,..] "
                + "[--hidden 256,256] [--arch dnn|cnn|tcnn|lcnn] [--layers N] [--epochs N] [--batch N] [--lr X] [--val 0.2] "
                + "[--test-fraction 0.2] [--seed N] [--as VAR] [--save PATH]   (all options: %train help)";
    }

    @Override public String description() {
        return "Train a property regressor, classifier or spectrum generator with a live progress bar and loss curve.";
    }

    @Override public Object execute(MagicContext ctx, List<String> args, String body) throws IOException {
        if (args.isEmpty() || args.get(0).equals("help")) return "%train KIND DATA [options]\n" + TrainingRecipe.USAGE + "\n[--as VAR] [--save PATH]";
        if (args.size() < 2) throw new MagicException("usage: " + usage());
        List<String> rest = new ArrayList<>();
        rest.add(args.get(0));
        String as = "model", save = null;
        for (int i = 2; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--as") || a.equals("--save")) && i + 1 >= args.size()) throw new MagicException(a + ": expected a value");
            if (a.equals("--as")) as = args.get(++i);
            else if (a.equals("--save")) save = args.get(++i);
            else rest.add(a);
        }
        TrainingRecipe recipe;
        try {
            recipe = TrainingRecipe.parse(rest);
        } catch (IllegalArgumentException e) {
            throw new MagicException("%train: " + e.getMessage());
        }
        SpectraDataset ds = data(ctx, args.get(1));
        ProgressListener bar = ctx.progress();
        LiveLoss listener = new LiveLoss(ctx, bar, recipe.kind().equals("regressor") ? recipe.loss().name() : recipe.kind().equals("classifier") ? "XENT" : "MSE");
        TrainingRecipe.Outcome outcome;
        try {
            outcome = recipe.runAndEvaluate(ds, listener);
        } catch (IllegalArgumentException e) {
            throw new MagicException("%train: " + e.getMessage());
        }
        TrainingResult r = outcome.result();
        listener.draw(true);
        TrainedModel m = r.model();
        ctx.setVariable(as, TrainedModel.class, m);
        StringBuilder sb = new StringBuilder();
        sb.append(as).append(" = ").append(m).append(String.format(java.util.Locale.ROOT, "; %d epochs, best epoch %d, validation loss %.5g%s",
                r.epochsRun(), r.bestEpoch() + 1, r.bestValidationLoss(), r.interrupted() ? " (interrupted: best weights kept)" : r.earlyStopped() ? " (early stop)" : ""));
        if (save != null) sb.append("; saved ").append(ModelFiles.save(m, ctx.workingDirectory().resolve(save)));
        if (outcome.evaluation() != null) {
            ctx.setVariable(as + "_test", SpectraDataset.class, outcome.test());
            ctx.setVariable(as + "_eval", RegressionEvaluation.class, outcome.evaluation());
            sb.append("; ").append(outcome.test().size()).append(" held-out test rows in ").append(as).append("_test, evaluation in ").append(as).append("_eval");
            ctx.display(sb.toString());
            return outcome.evaluation();
        }
        return sb.toString();
    }

    /** A notebook variable holding a SpectraDataset, else a path (file, folder, simulate database) or bundled name. */
    static SpectraDataset data(MagicContext ctx, String arg) throws IOException {
        Object v = null;
        try { v = ctx.getVariable(arg); } catch (MagicException notAVariable) { /* try as path or name */ }
        if (v instanceof SpectraDataset ds) return ds;
        if (v != null) throw new MagicException("variable '" + arg + "' is a " + v.getClass().getSimpleName() + ", expected SpectraDataset");
        Path p = ctx.workingDirectory().resolve(arg);
        if (Files.isDirectory(p) && Files.isRegularFile(p.resolve(DatabaseGenerator.DATABASE))) return ShardedDatabase.load(p);
        if (Files.exists(p)) return SpectraIO.read(p);
        if (Datasets.exists(arg)) return Datasets.load(arg);
        throw new MagicException("'" + arg + "' is not a SpectraDataset variable, a path, or a bundled dataset " + Datasets.names());
    }

    /** Progress bar plus a loss-curve figure replaced in place (at most once a second). */
    static final class LiveLoss implements ProgressListener, EpochListener {
        private final MagicContext ctx;
        private final ProgressListener bar;
        private final String lossName;
        private final List<Double> train = new ArrayList<>(), val = new ArrayList<>();
        private String figureId;
        private long lastDraw;

        LiveLoss(MagicContext ctx, ProgressListener bar, String lossName) { this.ctx = ctx; this.bar = bar; this.lossName = lossName; }

        @Override public void start(String task, long total) { bar.start(task, total); }
        @Override public void advance(long done, String message) { bar.advance(done, message); }
        @Override public void finish() { bar.finish(); }
        @Override public boolean isCancelled() { return bar.isCancelled() || ctx.isInterrupted() || Thread.currentThread().isInterrupted(); }

        @Override public synchronized void epochEnd(int epoch, double trainLoss, double validationLoss) {
            train.add(trainLoss);
            val.add(validationLoss);
            draw(false);
        }

        synchronized void draw(boolean force) {
            long now = System.nanoTime();
            if (train.size() < 2 || (!force && now - lastDraw < 1_000_000_000L)) return;
            lastDraw = now;
            Map<String, double[]> curves = new LinkedHashMap<>();
            curves.put("training", train.stream().mapToDouble(Double::doubleValue).toArray());
            curves.put("validation", val.stream().mapToDouble(Double::doubleValue).toArray());
            Object fig = Plots.lossCurves(curves, lossName + " (scaled)");
            if (figureId == null) figureId = ctx.display(fig);
            else ctx.updateDisplay(figureId, fig);
        }
    }
}
