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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code coreloss train KIND --data D --out MODEL [options]}: trains a regressor, classifier or spectrum
 * generator ({@link TrainingRecipe} options) and writes {@code MODEL.zip} + {@code MODEL.json}. Progress bar on
 * stderr; summary on stdout. Ctrl-C (SIGINT) or SIGTERM stops after the current iteration and saves the best model
 * before the process exits; with {@code --checkpoints} the same command resumes from the last complete epoch.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a neural network on a dataset (bundled name, dataset file/folder, or simulate database folder).",
                "Kinds and options:", TrainingRecipe.USAGE})
public final class TrainCommand implements CliCommand, Callable<Integer> {
    /** Longest wait of the signal handler for the model to be saved. */
    static final int SAVE_WAIT_S = 120;

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
        // the signal sets a flag that the trainer polls before every iteration, besides interrupting the thread
        AtomicBoolean cancel = new AtomicBoolean();
        ProgressListener bar = ProgressListener.cancelledBy(quiet ? ProgressListener.NONE : new TextProgressBar(System.err), cancel);
        Thread main = Thread.currentThread();
        // Ctrl-C / SIGTERM: the JVM runs this hook and exits when it returns, so it interrupts training (which stops
        // within one iteration and restores the best weights) and then waits until the model is saved.
        CountDownLatch saved = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.set(true);
            main.interrupt();
            try {
                if (!saved.await(SAVE_WAIT_S, TimeUnit.SECONDS)) System.err.println("coreloss train: model not saved within " + SAVE_WAIT_S + " s of the signal");
            } catch (InterruptedException ignored) { /* exiting anyway */ }
        }, "coreloss-train-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            TrainingResult r;
            TrainingRecipe.Outcome outcome;
            try {
                outcome = recipe.runAndEvaluate(ds, bar);
                r = outcome.result();
            } catch (IllegalArgumentException e) {
                System.err.println("coreloss train: " + e.getMessage());
                return 2;
            }
            Thread.interrupted(); // a signal after training ended must not break the file writes below
            Path zip = ModelFiles.save(r.model(), out);
            System.out.printf(Locale.ROOT, "%s: %s, %d epochs (best %d, validation loss %.5g) in %.1f s wall, %.1f s CPU%s%n", zip, r.model(),
                    r.epochsRun(), r.bestEpoch() + 1, r.bestValidationLoss(), r.wallSeconds(), r.cpuSeconds(),
                    r.interrupted() ? ", interrupted (best model saved; run again with the same --checkpoints to resume)"
                            : r.budgetExhausted() ? ", time budget spent" : r.earlyStopped() ? ", early stop" : "");
            if (outcome.evaluation() != null) System.out.print(outcome.evaluation());
            System.out.flush();
        } finally {
            saved.countDown();
            try { Runtime.getRuntime().removeShutdownHook(hook); } catch (IllegalStateException ignored) { /* shutting down */ }
        }
        return 0;
    }
}
