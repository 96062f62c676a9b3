package org.coreloss.cli;

import org.coreloss.progress.ProgressListener;
import org.coreloss.studies.ActiveLearning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code coreloss active-learning}: issue 16's active-learning measurement ({@link ActiveLearning}): engine spectra
 * chosen by ensemble disagreement against random sampling, per seed; writes the results JSON. Resumable by seed.
 */
@Command(name = "active-learning", mixinStandardHelpOptions = true,
        description = "Active learning vs random sampling for a seed-003 generator: spectra needed to reach random sampling's final test MSE.")
public final class ActiveLearningCommand implements CliCommand, Callable<Integer> {
    @Option(names = "--ion", required = true, description = "Ion, e.g. Ni2+.") String ion;
    @Option(names = "--out", required = true, description = "Results JSON, e.g. results/surrogates/active-learning-Ni2+.json.") Path out;
    @Option(names = "--work", description = "Folder for finished seeds (resume).") Path work;
    @Option(names = "--seeds", defaultValue = "1,2,3", split = ",", description = "Seeds. Default: ${DEFAULT-VALUE}.") List<Long> seeds;
    @Option(names = "--preset", defaultValue = "full", description = "quick (seconds) or full (the committed results). Default: ${DEFAULT-VALUE}.") String preset;
    @Option(names = "--quiet", description = "No progress bar.") boolean quiet;

    @Override
    public Integer call() throws Exception {
        ActiveLearning.Options o;
        try {
            o = switch (preset) {
                case "quick" -> ActiveLearning.Options.quick(ion);
                case "full" -> ActiveLearning.Options.full(ion);
                default -> throw new IllegalArgumentException("preset '" + preset + "', expected quick or full");
            };
        } catch (IllegalArgumentException e) {
            System.err.println("coreloss active-learning: " + e.getMessage());
            return 2;
        }
        AtomicBoolean cancel = new AtomicBoolean();
        ProgressListener l = ProgressListener.cancelledBy(quiet ? ProgressListener.NONE : new TextProgressBar(System.err), cancel);
        Thread hook = new Thread(() -> cancel.set(true), "coreloss-active-learning-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Map<String, Object> r = ActiveLearning.run(o, seeds, out, work, l);
            System.out.println(out + ": " + r.get("ion") + " share per seed " + java.util.Arrays.toString((double[]) r.get("share_per_seed"))
                    + ", mean " + r.get("share_mean") + " (target <= 0.6)");
            return 0;
        } catch (CancellationException e) {
            System.err.println("coreloss active-learning: " + e.getMessage() + "; run again with the same --work to resume");
            return 130;
        } catch (IllegalArgumentException e) {
            System.err.println("coreloss active-learning: " + e.getMessage());
            return 2;
        } finally {
            try { Runtime.getRuntime().removeShutdownHook(hook); } catch (IllegalStateException ignored) { /* shutting down */ }
        }
    }
}
