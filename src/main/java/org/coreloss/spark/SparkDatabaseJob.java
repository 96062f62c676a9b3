package org.coreloss.spark;

import com.google.gson.Gson;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.progress.ProgressListener;
import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.DatabaseSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Multiplet database generation on Spark: the same folder, files and bytes as {@link DatabaseGenerator#generate}
 * ({@code coreloss simulate}), with the shards still missing computed as Spark tasks, one shard per task, each
 * written atomically by the executor that computed it. The driver prepares the folder (spec check, stale temps,
 * list of finished shards: a re-run resumes), and writes {@code database.json} at the end.
 *
 * <p>The output folder must be visible to the driver and every executor at the same path: a local path for the
 * embedded {@code local[N]} master, a shared file system (NFS, Lustre, GPFS...) mounted on every node of a cluster.
 * Each task computes its shard on one thread; parallelism comes from Spark's cores.
 */
public final class SparkDatabaseJob {
    private static final Gson GSON = new Gson();
    /** One engine per executor JVM (its operator memo is shared by the tasks of that JVM). */
    private static volatile MultipletEngine executorEngine;

    private SparkDatabaseJob() {}

    /**
     * Generates (or completes) the database of {@code spec} in {@code folder}. Progress (in spectra) goes to
     * {@code listener} as shards finish; cancelling it cancels the Spark job (finished shards stay; run again to
     * resume).
     */
    public static DatabaseGenerator.Result generate(SparkRunner spark, DatabaseSpec spec, Path folder, ProgressListener listener)
            throws IOException {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(spec, "spec");
        Path dir = folder.toAbsolutePath().normalize();
        ProgressListener pl = listener == null ? ProgressListener.NONE : listener;
        long t0 = System.nanoTime();
        List<Integer> todo = DatabaseGenerator.prepare(spec, dir);
        long done = 0;
        for (int k = 0; k < spec.shards(); k++) if (!todo.contains(k)) done += spec.rowsInShard(k);
        long computed = 0;
        pl.start("simulate " + spec.ion() + " " + spec.preset().id() + " on Spark " + spark.master() + " (" + spec.shards() + " shards)", spec.count());
        try {
            pl.advance(done, done > 0 ? "resuming" : null);
            if (!todo.isEmpty()) {
                computed = runShards(spark.context(), spec, dir, todo, done, pl);
            }
            DatabaseGenerator.finish(spec, dir);
        } finally {
            pl.finish();
        }
        return new DatabaseGenerator.Result(dir, spec.shards(), todo.size(), spec.shards() - todo.size(), computed,
                (System.nanoTime() - t0) / 1e9);
    }

    private static long runShards(JavaSparkContext sc, DatabaseSpec spec, Path dir, List<Integer> todo, long doneBefore,
                                  ProgressListener pl) {
        String specJson = GSON.toJson(spec);
        String folder = dir.toString();
        String group = "coreloss-simulate-" + System.nanoTime();
        AtomicLong done = new AtomicLong(doneBefore);
        // Spark delivers listener events asynchronously: the last ones may arrive after collect() returned, so the
        // driver reports the final count itself and later events are ignored
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        SparkListener progress = new SparkListener() {
            @Override public void onTaskEnd(SparkListenerTaskEnd end) {
                if (finished.get()) return;
                if (end.taskInfo() != null && end.taskInfo().successful()) {
                    int partition = end.taskInfo().index();
                    if (partition >= 0 && partition < todo.size()) {
                        int k = todo.get(partition);
                        pl.advance(done.addAndGet(spec.rowsInShard(k)), DatabaseSpec.shardName(k));
                    }
                }
            }
        };
        sc.sc().addSparkListener(progress);
        Thread watcher = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    if (pl.isCancelled()) {
                        sc.cancelJobGroup(group);
                        return;
                    }
                    Thread.sleep(100);
                }
            } catch (InterruptedException ignored) {
                // job ended
            }
        }, "coreloss-spark-cancel-watch");
        watcher.setDaemon(true);
        sc.setJobGroup(group, "coreloss simulate " + spec.ion(), true);
        watcher.start();
        try {
            List<Integer> rows = sc.parallelize(todo, todo.size())
                    .map(k -> computeShard(specJson, folder, k))
                    .collect();
            long n = 0;
            for (int r : rows) n += r;
            finished.set(true);
            pl.advance(doneBefore + n, "done");
            return n;
        } catch (RuntimeException e) {
            if (pl.isCancelled()) throw new CancellationException("Spark job cancelled; finished shards are kept, run again to resume");
            throw e;
        } finally {
            finished.set(true);
            watcher.interrupt();
            sc.clearJobGroup();
            sc.sc().removeSparkListener(progress);
        }
    }

    /** Executor side: computes and writes shard {@code k}; returns its row count. */
    static int computeShard(String specJson, String folder, int k) {
        DatabaseSpec spec = GSON.fromJson(specJson, DatabaseSpec.class);
        MultipletEngine engine = executorEngine;
        if (engine == null) {
            synchronized (SparkDatabaseJob.class) {
                if (executorEngine == null) executorEngine = DatabaseGenerator.newEngine();
                engine = executorEngine;
            }
        }
        try {
            return DatabaseGenerator.writeShard(spec, Path.of(folder), k, engine, 1, ProgressListener.NONE).size();
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ", " + DatabaseSpec.shardName(k) + ": " + e.getMessage(), e);
        }
    }
}
