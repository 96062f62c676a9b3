package org.coreloss.cli;

import org.coreloss.progress.ProgressListener;
import org.coreloss.provenance.RunRecord;
import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.DatabaseSpec;
import org.coreloss.simulate.Preset;
import org.coreloss.simulate.Sampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

/**
 * {@code coreloss simulate}: generates a sharded multiplet database (seed study 003 design: 501
 * channels, Table 1 ranges) with {@link DatabaseGenerator}; a re-run with the same options completes an
 * interrupted one and gives the same bytes. Progress bar on stderr; summary on stdout.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Generate a sharded database of 2p XAS multiplet spectra (resumable, bit-reproducible).")
public final class SimulateCommand implements CliCommand, Callable<Integer> {
    @Option(names = "--ion", required = true, description = "Ion, e.g. Ni2+ (one of the 22 ions of seed 003).")
    String ion;

    @Option(names = "--n", required = true, description = "Number of spectra.")
    int count;

    @Option(names = "--preset", defaultValue = "d4h", description = "d4h (Table 1), oh (Ds = Dt = 0) or c4v (Dq in [-0.2, 0] eV, Ds = Dt = 0). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, description = "Database folder (created; an existing one with the same options is resumed).")
    Path out;

    @Option(names = "--shard-size", defaultValue = "1000", description = "Spectra per shard. Default: ${DEFAULT-VALUE}.")
    int shardSize;

    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--sampler", defaultValue = "uniform", description = "uniform or lhs (Latin hypercube per shard). Default: ${DEFAULT-VALUE}.")
    String sampler;

    @Option(names = "--record", description = "Also write a RunRecord (JSON) here (outside the database: it holds timings).")
    Path record;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--engine", defaultValue = "local", description = "local (this JVM, --threads) or spark (Spark tasks, one shard each). Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--master", description = "Spark master for --engine spark (default local[<threads>]: embedded in this JVM; e.g. spark://host:7077).")
    String master;

    @Override
    public Integer call() throws Exception {
        DatabaseSpec spec;
        try {
            spec = new DatabaseSpec(ion, count, Preset.parse(preset), Sampler.parse(sampler), seed, shardSize);
        } catch (IllegalArgumentException e) {
            System.err.println("coreloss simulate: " + e.getMessage());
            return 2;
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        ProgressListener bar = quiet ? ProgressListener.NONE : new TextProgressBar(System.err);
        if (!engine.equals("local") && !engine.equals("spark")) {
            System.err.println("coreloss simulate: --engine " + engine + ": expected local or spark");
            return 2;
        }
        if (engine.equals("spark") && !SparkSupport.available()) {
            System.err.println("coreloss simulate: --engine spark: " + SparkSupport.MISSING);
            return 2;
        }
        DatabaseGenerator.Result r;
        try {
            r = engine.equals("spark") ? SparkSupport.simulate(spec, out, sparkMaster(t), bar)
                    : DatabaseGenerator.generate(spec, out, t, bar);
        } catch (IllegalArgumentException e) {
            System.err.println("coreloss simulate: " + e.getMessage());
            return 2;
        } catch (CancellationException e) {
            System.err.println("coreloss simulate: cancelled (" + e.getMessage() + "); run the same command again to resume");
            return 130;
        }
        System.out.printf(Locale.ROOT, "%s: %d spectra in %d shards (%d written, %d already present); %d computed in %.1f s (%.1f spectra/s, %s)%n",
                out, spec.count(), r.shards(), r.shardsWritten(), r.shardsSkipped(), r.spectraComputed(), r.seconds(), r.spectraPerSecond(),
                engine.equals("spark") ? "Spark " + (sparkMaster(t) == null ? System.getProperty("spark.master") : sparkMaster(t)) : t + " threads");
        if (record != null) {
            RunRecord rr = RunRecord.builder("simulate " + spec.ion()).seed("seed", seed)
                    .option("ion", spec.ion()).option("count", spec.count()).option("preset", spec.preset().id())
                    .option("sampler", spec.sampler().id()).option("shardSize", spec.shardSize()).option("threads", t)
                    .option("engine", engine)
                    .option("out", out.toString()).timing("generateS", r.seconds()).build();
            rr.write(record);
        }
        return 0;
    }

    /** --master, else the master spark-submit set (system property spark.master; null here means "keep it"), else local[threads]. */
    private String sparkMaster(int threads) {
        if (master != null) return master;
        return System.getProperty("spark.master") != null ? null : "local[" + threads + "]";
    }
}
