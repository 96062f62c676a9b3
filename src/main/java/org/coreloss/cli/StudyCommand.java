package org.coreloss.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.coreloss.nn.ComputeThreads;
import org.coreloss.progress.ProgressListener;
import org.coreloss.studies.StudyCheckException;
import org.coreloss.studies.StudyMode;
import org.coreloss.studies.StudyPaths;
import org.coreloss.studies.StudyResult;
import org.coreloss.studies.Studies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coreloss study paper-00N [--mode quick|full] [--out DIR]}: runs one study of {@code org.coreloss.studies}
 * and writes its results and RunRecord to {@code DIR/paper-00N/<mode>.json} (default {@code results/}, the committed
 * folder that README.md and docs quote through value markers), then checks the claim against the mode's thresholds.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Runs a study (paper-000, paper-001, paper-002) and writes DIR/<study>/<mode>.json (results + RunRecord); "
                + "exits 3 when the study's check fails.")
public final class StudyCommand implements CliCommand, Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "paper-000, paper-001 or paper-002")
    String study;

    @Option(names = "--mode", paramLabel = "MODE", description = "quick or full (default quick)")
    String mode = "quick";

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/ of the repository)")
    Path out;

    @Option(names = "--training-seeds", split = ",", paramLabel = "SEEDS", description = "paper-002: training seeds (default 2,3,4,5,6)")
    List<Long> trainingSeeds;

    @Option(names = "--nd4j-threads", paramLabel = "N", description = "native threads per ND4J operation (default 1: reproducible and faster on small machines)")
    int threads = 1;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StudyMode m;
        try {
            m = StudyMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("error: --mode " + mode + ": expected quick or full");
            return 2;
        }
        if (!Studies.NAMES.contains(study)) {
            err.println("error: unknown study " + study + "; expected one of " + Studies.NAMES);
            return 2;
        }
        ComputeThreads.set(threads);
        ProgressListener bar = quiet ? ProgressListener.NONE : new TextProgressBar(System.err);
        StudyResult r = Studies.run(study, m, trainingSeeds, bar);
        Path dir = out != null ? out : StudyPaths.committedResults();
        Path file = r.write(dir);
        o.println("wrote " + file);
        try {
            Studies.check(r);
            o.println("check passed (" + m.fileName() + " thresholds)");
        } catch (StudyCheckException e) {
            err.println("check failed: " + e.getMessage());
            o.flush();
            return 3;
        }
        o.flush();
        return 0;
    }
}
