package org.coreloss.cli;

import org.coreloss.progress.ProgressListener;
import org.coreloss.studies.Paper003Surrogates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code coreloss surrogate}: seed 003's surrogate for one ion, data plus training within a wall-time budget, an
 * ensemble for uncertainty, evaluated on a test set of another seed ({@link Paper003Surrogates}); writes the
 * results JSON. Resumable: run the same command again after Ctrl-C or a kill.
 */
@Command(name = "surrogate", mixinStandardHelpOptions = true,
        description = "Build and evaluate a seed-003 surrogate (ensemble of DNN generators) for one ion; resumable.")
public final class SurrogateCommand implements CliCommand, Callable<Integer> {
    @Option(names = "--ion", required = true, description = "Ion, e.g. Ni2+.") String ion;
    @Option(names = "--out", required = true, description = "Results JSON, e.g. results/paper-003/Ni2+.json.") Path out;
    @Option(names = "--work", required = true, description = "Work folder (databases, checkpoints, members, progress).") Path work;
    @Option(names = "--train", defaultValue = "40000", description = "Training database size (spectra). Default: ${DEFAULT-VALUE}.") int train;
    @Option(names = "--test", defaultValue = "2000", description = "Test spectra (seed + 1). Default: ${DEFAULT-VALUE}.") int test;
    @Option(names = "--ood", defaultValue = "300", description = "C4v out-of-domain spectra (seed + 2; 0: none). Default: ${DEFAULT-VALUE}.") int ood;
    @Option(names = "--members", defaultValue = "3", description = "Ensemble members. Default: ${DEFAULT-VALUE}.") int members;
    @Option(names = "--layers", defaultValue = "5", description = "DNN characteristic layers. Default: ${DEFAULT-VALUE}.") int layers;
    @Option(names = "--units", defaultValue = "1000", description = "Neurons per layer. Default: ${DEFAULT-VALUE}.") int units;
    @Option(names = "--batch", defaultValue = "256", description = "Batch size. Default: ${DEFAULT-VALUE}.") int batch;
    @Option(names = "--lr", defaultValue = "1e-3", description = "Initial learning rate. Default: ${DEFAULT-VALUE}.") double lr;
    @Option(names = "--lr-decay", defaultValue = "0.97", description = "Per-epoch decay. Default: ${DEFAULT-VALUE}.") double decay;
    @Option(names = "--epochs", defaultValue = "200", description = "Epochs per member at most. Default: ${DEFAULT-VALUE}.") int epochs;
    @Option(names = "--patience", defaultValue = "10", description = "Early-stopping patience. Default: ${DEFAULT-VALUE}.") int patience;
    @Option(names = "--val", defaultValue = "0.1", description = "Validation share. Default: ${DEFAULT-VALUE}.") double val;
    @Option(names = "--budget", defaultValue = "45", description = "Wall minutes for data plus training. Default: ${DEFAULT-VALUE}.") double budget;
    @Option(names = "--sim-threads", defaultValue = "2", description = "Engine threads. Default: ${DEFAULT-VALUE}.") int simThreads;
    @Option(names = "--threads", defaultValue = "1", description = "ND4J threads. Default: ${DEFAULT-VALUE}.") int threads;
    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.") long seed;
    @Option(names = "--repr", defaultValue = "centred", description = "centred, pca (>= 99.99 % variance; single member) or broadening (learn the narrow spectrum from Dq, Ds, Dt, S1, S2, T and apply the three broadening FWHMs exactly; single member). Default: ${DEFAULT-VALUE}.") String repr;
    @Option(names = "--budget-cpu", description = "Read --budget as CPU minutes for training alone (all members), not wall minutes for data plus training.") boolean budgetCpu;
    @Option(names = "--parallel-members", defaultValue = "1", description = "Members trained at once, one thread each (2 on two cores with --threads 1; wall budget only). Default: ${DEFAULT-VALUE}.") int parallelMembers;
    @Option(names = "--quiet", description = "No progress bar.") boolean quiet;

    @Override
    public Integer call() throws Exception {
        Paper003Surrogates.Options o;
        try {
            o = new Paper003Surrogates.Options(ion, train, test, ood, members, layers, units, batch, lr, decay, epochs, patience, val,
                    budget, simThreads, threads, seed, work, repr, budgetCpu, parallelMembers);
        } catch (IllegalArgumentException e) {
            System.err.println("coreloss surrogate: " + e.getMessage());
            return 2;
        }
        AtomicBoolean cancel = new AtomicBoolean();
        ProgressListener bar = quiet ? ProgressListener.NONE : new TextProgressBar(System.err);
        ProgressListener l = new ProgressListener() {
            @Override public void start(String task, long total) { bar.start(task, total); }
            @Override public void advance(long done, String message) { bar.advance(done, message); }
            @Override public void finish() { bar.finish(); }
            @Override public boolean isCancelled() { return cancel.get(); }
        };
        Thread main = Thread.currentThread();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.set(true);
            main.interrupt();
            try { done.await(TrainCommand.SAVE_WAIT_S, TimeUnit.SECONDS); } catch (InterruptedException ignored) { /* exiting */ }
        }, "coreloss-surrogate-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Map<String, Object> r = Paper003Surrogates.run(o, out, l);
            System.out.println(out + ": " + r.get("ion") + " se<3% " + r.get("se_below_3pct_share") + ", se<7% " + r.get("se_below_7pct_share")
                    + ", test MSE " + r.get("test_mse") + ", wall " + r.get("wall_seconds") + " s");
            return 0;
        } catch (CancellationException e) {
            System.err.println("coreloss surrogate: " + e.getMessage() + "; run the same command again to resume");
            return 130;
        } catch (IllegalArgumentException e) {
            System.err.println("coreloss surrogate: " + e.getMessage());
            return 2;
        } finally {
            done.countDown();
            try { Runtime.getRuntime().removeShutdownHook(hook); } catch (IllegalStateException ignored) { /* shutting down */ }
        }
    }
}
