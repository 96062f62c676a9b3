package org.coreloss.cli;

import org.coreloss.data.SpectraDataset;
import org.coreloss.nn.ModelFiles;
import org.coreloss.nn.TrainingRecipe;
import org.coreloss.nn.TrainingResult;
import org.coreloss.progress.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code coreloss train KIND --data D --out MODEL [options]}: trains a regressor, classifier or spectrum
 * generator ({@link TrainingRecipe} options) and writes {@code MODEL.zip} + {@code MODEL.json}. Progress bar on
 * stderr; summary on stdout. Ctrl-C stops after the current iteration and still saves the best model.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a neural network on a dataset (bundled name, dataset file/folder, or simulate database folder).",
                "Kinds and options:", TrainingRecipe.USAGE})
public final class TrainCommand implements CliCommand, Callable<Integer> {
    @Parameters(index = "0", description = "regressor, classifier or generator")
    String kind;

    @Mixin
    ReadOptionsMixin read = new ReadOptionsMixin();

    @Option(names = "--data", required = true, description = "Bundled dataset name, dataset path, or database folder.")
    String data;

    @Option(names = "--out", required = true, description = "Model base path (writes .zip and .json).")
    Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Unmatched
    List<String> rest = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>();
        args.add(kind);
        args.addAll(rest);
        TrainingRecipe recipe;
        SpectraDataset ds;
        try {
            recipe = TrainingRecipe.parse(args);
            ds = DataSources.load(data, read.options());
        } catch (IllegalArgumentException e) {
            System.err.println("coreloss train: " + e.getMessage());
            return 2;
        }
        ProgressListener bar = quiet ? ProgressListener.NONE : new TextProgressBar(System.err);
        Thread main = Thread.currentThread();
        Thread hook = new Thread(main::interrupt); // Ctrl-C: stop training within one iteration, then save
        Runtime.getRuntime().addShutdownHook(hook);
        TrainingResult r;
        TrainingRecipe.Outcome outcome;
        try {
            outcome = recipe.runAndEvaluate(ds, bar);
            r = outcome.result();
        } catch (IllegalArgumentException e) {
            System.err.println("coreloss train: " + e.getMessage());
            return 2;
        } finally {
            try { Runtime.getRuntime().removeShutdownHook(hook); } catch (IllegalStateException ignored) { /* shutting down */ }
        }
        Path zip = ModelFiles.save(r.model(), out);
        System.out.printf(Locale.ROOT, "%s: %s, %d epochs (best %d, validation loss %.5g)%s%n", zip, r.model(), r.epochsRun(),
                r.bestEpoch() + 1, r.bestValidationLoss(), r.interrupted() ? ", interrupted" : r.earlyStopped() ? ", early stop" : "");
        if (outcome.evaluation() != null) System.out.print(outcome.evaluation());
        return 0;
    }
}
