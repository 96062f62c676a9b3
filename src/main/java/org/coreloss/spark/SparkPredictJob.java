package org.coreloss.spark;

import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.DatasetFolderFormat;
import org.coreloss.nn.DatasetTraining;
import org.coreloss.nn.ModelFiles;
import org.coreloss.nn.TrainedModel;
import org.coreloss.simulate.DatabaseGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Batch prediction on Spark: a trained model ({@code coreloss train}, {@link ModelFiles}) applied part by part.
 * <ul>
 * <li>{@link #predictDatabase}: a sharded database (or any folder of dataset folders): one task per shard, each
 *     writing {@code OUT/<shard>/} in the dataset format with the input's table plus {@code pred_<target>}
 *     columns (regressors) or the generated spectra (generators), atomically; finished parts are skipped, so a
 *     re-run resumes.</li>
 * <li>{@link #predict}: an in-memory dataset split into row blocks (e.g. a spectrum image), the result
 *     assembled on the driver exactly as {@link DatasetTraining#predict} would give it in one JVM.</li>
 * </ul>
 * Each executor thread loads the model once (models are small; one copy per core avoids the lock of a shared one).
 */
public final class SparkPredictJob {
    private static final ThreadLocal<Map<String, TrainedModel>> MODELS = ThreadLocal.withInitial(HashMap::new);

    private SparkPredictJob() {}

    /** What a database prediction did. */
    public record Result(Path out, int parts, int written, int skipped, long rows, double seconds) {}

    static TrainedModel model(String path) {
        return MODELS.get().computeIfAbsent(path, p -> {
            try {
                return ModelFiles.load(Path.of(p));
            } catch (IOException e) {
                throw new UncheckedIOException("model " + p + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Applies the model at {@code modelPath} to every dataset folder directly inside {@code input} (the shards of a
     * {@code coreloss simulate} database, or {@code input} itself when it is one dataset folder), writing one
     * output dataset folder per part under {@code out}.
     */
    public static Result predictDatabase(SparkRunner spark, Path modelPath, Path input, Path out) throws IOException {
        Objects.requireNonNull(spark, "spark");
        long t0 = System.nanoTime();
        String model = modelPath.toAbsolutePath().normalize().toString();
        ModelFiles.load(Path.of(model));   // fail early, on the driver, with the file's error
        List<Path> parts = new ArrayList<>();
        if (Files.isRegularFile(input.resolve(DatasetFolderFormat.MANIFEST))) {
            parts.add(input);
        } else {
            if (!Files.isDirectory(input)) throw new IOException(input + ": not a folder; expected a dataset folder or a database of shards");
            try (var s = Files.list(input)) {
                s.filter(p -> Files.isRegularFile(p.resolve(DatasetFolderFormat.MANIFEST))).sorted().forEach(parts::add);
            }
            if (parts.isEmpty()) throw new IOException(input + ": no dataset folders inside (expected shard-*/manifest.json)");
            if (Files.isRegularFile(input.resolve(DatabaseGenerator.SPEC)) && !Files.isRegularFile(input.resolve(DatabaseGenerator.DATABASE))) {
                throw new IOException(input + ": the database is incomplete (no " + DatabaseGenerator.DATABASE + "); finish it with coreloss simulate first");
            }
        }
        Files.createDirectories(out);
        List<String[]> todo = new ArrayList<>();
        int skipped = 0;
        for (Path p : parts) {
            Path target = out.resolve(p.getFileName().toString());
            if (Files.isRegularFile(target.resolve(DatasetFolderFormat.MANIFEST))) skipped++;
            else todo.add(new String[]{p.toAbsolutePath().toString(), target.toAbsolutePath().toString()});
        }
        long rows = 0;
        if (!todo.isEmpty()) {
            List<Integer> n = spark.context().parallelize(todo, todo.size()).map(job -> {
                TrainedModel m = model(model);
                SpectraDataset ds = new DatasetFolderFormat().read(Path.of(job[0]));
                SpectraDataset pred = DatasetTraining.predict(m, ds);
                new DatasetFolderFormat().write(pred, Path.of(job[1]));
                return pred.size();
            }).collect();
            for (int k : n) rows += k;
        }
        return new Result(out, parts.size(), todo.size(), skipped, rows, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * {@link DatasetTraining#predict} of the model at {@code modelPath} on {@code ds}, computed on Spark in
     * {@code blocks} row blocks.
     */
    public static SpectraDataset predict(SparkRunner spark, Path modelPath, SpectraDataset ds, int blocks) throws IOException {
        Objects.requireNonNull(spark, "spark");
        if (blocks < 1) throw new IllegalArgumentException("blocks = " + blocks + ", expected >= 1");
        String model = modelPath.toAbsolutePath().normalize().toString();
        TrainedModel local = ModelFiles.load(Path.of(model));
        boolean generator = local.info().kind().equals("generator");
        float[][] x = generator ? DatasetTraining.columns(ds, local.info().inputColumns())
                : DatasetTraining.inputs(ds, local.info().inputColumns());
        int n = x.length, b = Math.min(blocks, Math.max(1, n));
        List<float[][]> chunks = new ArrayList<>(b);
        for (int k = 0; k < b; k++) {
            int from = (int) ((long) n * k / b), to = (int) ((long) n * (k + 1) / b);
            chunks.add(java.util.Arrays.copyOfRange(x, from, to));
        }
        List<float[][]> results = spark.context().parallelize(chunks, b).map(chunk -> {
            TrainedModel m = model(model);
            if (chunk.length == 0) return new float[0][];
            if (m.info().kind().equals("generator")) {
                var g = m.generate(chunk);
                float[][] rows = new float[g.rows()][];
                for (int i = 0; i < rows.length; i++) rows[i] = g.row(i);
                return rows;
            }
            return m.predict(chunk);
        }).collect();
        float[][] y = new float[n][];
        int i = 0;
        for (float[][] r : results) for (float[] row : r) y[i++] = row;
        return DatasetTraining.assemble(local, ds, y);
    }
}
