package org.coreloss.simulate;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.AtomicFiles;
import org.coreloss.data.io.DatasetFolderFormat;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.progress.ProgressListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Writes a multiplet database into a folder, shard by shard:
 * <pre>
 * DIR/spec.json            the {@link DatabaseSpec} (written first; a re-run must match it)
 * DIR/shard-00000/         a complete dataset folder (spectra.npy float32 N x 501, labels.csv, manifest.json)
 * DIR/shard-00001/ ...
 * DIR/database.json        top-level manifest, written last: spec, shard list with rows and SHA-256
 * </pre>
 * Each shard is {@link ShardFunction#compute} written atomically (temp folder beside it, then
 * rename); a re-run skips the shards already present and gives bit-identical files, so a killed run
 * resumes where it stopped. Hidden temp folders left by a killed run are removed at the start.
 * Cancellation ({@link ProgressListener#isCancelled()}, polled between spectra) throws
 * {@link CancellationException}; the shard being computed leaves nothing behind.
 */
public final class DatabaseGenerator {
    public static final String SPEC = "spec.json", DATABASE = "database.json";
    public static final String FORMAT = "coreloss-multiplet-database";
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** One shard in {@code database.json}. */
    public record ShardEntry(String folder, int firstRow, int rows, String sha256) {}

    /** Contents of {@code database.json}. */
    public record DatabaseManifest(String format, int formatVersion, DatabaseSpec spec, List<String> labelColumns,
                                   List<String> labelUnits, int channels, List<ShardEntry> shards) {}

    /** What a run did. */
    public record Result(Path folder, int shards, int shardsWritten, int shardsSkipped, long spectraComputed, double seconds) {
        /** Spectra per second of wall time over the spectra computed in this run. */
        public double spectraPerSecond() {
            return seconds > 0 ? spectraComputed / seconds : Double.NaN;
        }
    }

    private DatabaseGenerator() {}

    /**
     * Generates (or completes) the database of {@code spec} in {@code folder} on {@code threads}
     * threads. Progress goes to {@code listener} in spectra (finished shards count as done at the start).
     */
    public static Result generate(DatabaseSpec spec, Path folder, int threads, ProgressListener listener) throws IOException {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(folder, "folder");
        if (threads < 1 || threads > 1024) throw new IllegalArgumentException("threads = " + threads + ", expected 1..1024");
        ProgressListener pl = listener == null ? ProgressListener.NONE : listener;
        long t0 = System.nanoTime();
        prepare(spec, folder);
        MultipletEngine engine = newEngine();
        int written = 0, skipped = 0;
        long computed = 0;
        long done = 0;
        boolean[] finished = new boolean[spec.shards()];
        for (int k = 0; k < spec.shards(); k++) {
            finished[k] = isFinished(spec, folder, k);
            if (finished[k]) done += spec.rowsInShard(k);
        }
        pl.start("simulate " + spec.ion() + " " + spec.preset().id() + " (" + spec.shards() + " shards)", spec.count());
        try {
            pl.advance(done, done > 0 ? "resuming" : null);
            for (int k = 0; k < spec.shards(); k++) {
                if (finished[k]) {
                    skipped++;
                    continue;
                }
                if (pl.isCancelled()) throw new CancellationException("cancelled before " + DatabaseSpec.shardName(k));
                final long offset = done;
                final String shard = DatabaseSpec.shardName(k);
                ProgressListener local = new ProgressListener() {
                    @Override public void start(String task, long total) {}
                    @Override public void advance(long d, String message) { pl.advance(offset + d, shard); }
                    @Override public void finish() {}
                    @Override public boolean isCancelled() { return pl.isCancelled(); }
                };
                SpectraDataset ds = writeShard(spec, folder, k, engine, threads, local);
                written++;
                computed += ds.size();
                done += ds.size();
                pl.advance(done, shard);
            }
            writeDatabaseManifest(spec, folder);
        } finally {
            pl.finish();
        }
        return new Result(folder, spec.shards(), written, skipped, computed, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Prepares {@code folder} for {@code spec} (creates it, removes temp entries of killed runs, writes or checks
     * {@code spec.json}) and returns the indices of the shards still to compute. The building block of
     * {@link #generate} and of distributed runners (org.coreloss.spark), which compute those shards elsewhere
     * with {@link #writeShard} and end with {@link #finish}.
     */
    public static List<Integer> prepare(DatabaseSpec spec, Path folder) throws IOException {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(folder, "folder");
        Files.createDirectories(folder);
        removeStaleTemps(folder);
        checkOrWriteSpec(spec, folder);
        List<Integer> todo = new ArrayList<>();
        for (int k = 0; k < spec.shards(); k++) if (!isFinished(spec, folder, k)) todo.add(k);
        return todo;
    }

    /** An engine as database generation uses it (no Hamiltonian cache: every row has new parameters). */
    public static MultipletEngine newEngine() {
        return new MultipletEngine(MultipletEngine.Options.defaults().withCacheSize(0));
    }

    /** Computes shard {@code k} ({@link ShardFunction#compute}) and writes it atomically into {@code folder}. */
    public static SpectraDataset writeShard(DatabaseSpec spec, Path folder, int k, MultipletEngine engine, int threads,
                                            ProgressListener listener) throws IOException {
        SpectraDataset ds = ShardFunction.compute(spec, k, engine, threads, listener);
        new DatasetFolderFormat().write(ds, folder.resolve(DatabaseSpec.shardName(k)));
        return ds;
    }

    /** Writes {@code database.json} once every shard is present (throws naming the first missing shard). */
    public static void finish(DatabaseSpec spec, Path folder) throws IOException {
        for (int k = 0; k < spec.shards(); k++) {
            if (!isFinished(spec, folder, k)) throw new IOException(folder.resolve(DatabaseSpec.shardName(k)) + ": missing; the database is incomplete");
        }
        writeDatabaseManifest(spec, folder);
    }

    /** Whether shard k's folder is complete (its manifest exists and declares the expected rows). */
    static boolean isFinished(DatabaseSpec spec, Path folder, int k) throws IOException {
        Path f = folder.resolve(DatabaseSpec.shardName(k));
        if (!Files.isRegularFile(f.resolve(DatasetFolderFormat.MANIFEST))) return false;
        DatasetFolderFormat.Manifest m = DatasetFolderFormat.readManifest(f);
        if (m.rows() != spec.rowsInShard(k)) {
            throw new IOException(f + ": shard has " + m.rows() + " rows, expected " + spec.rowsInShard(k)
                    + " for " + spec + "; delete the folder to recompute it");
        }
        for (String part : new String[]{DatasetFolderFormat.SPECTRA, DatasetFolderFormat.LABELS}) {
            if (!Files.isRegularFile(f.resolve(part))) throw new IOException(f + ": missing " + part + "; delete the folder to recompute it");
        }
        return true;
    }

    private static void checkOrWriteSpec(DatabaseSpec spec, Path folder) throws IOException {
        Path p = folder.resolve(SPEC);
        String json = GSON.toJson(spec) + "\n";
        if (Files.isRegularFile(p)) {
            DatabaseSpec old;
            try {
                old = GSON.fromJson(Files.readString(p, StandardCharsets.UTF_8), DatabaseSpec.class);
            } catch (JsonParseException | IllegalArgumentException e) {
                throw new IOException(p + ": not a database spec (" + e.getMessage() + ")", e);
            }
            if (!spec.equals(old)) {
                throw new IllegalArgumentException(folder + " holds another database: " + SPEC + " has " + old
                        + ", this run asks for " + spec + "; use another --out folder or the same options");
            }
        } else {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, "shard-*")) {
                if (s.iterator().hasNext()) throw new IOException(folder + ": has shard folders but no " + SPEC + "; expected an empty or Coreloss database folder");
            }
            AtomicFiles.writeString(p, json);
        }
    }

    private static void writeDatabaseManifest(DatabaseSpec spec, Path folder) throws IOException {
        List<ShardEntry> shards = new ArrayList<>();
        int channels = 0;
        for (int k = 0; k < spec.shards(); k++) {
            String name = DatabaseSpec.shardName(k);
            DatasetFolderFormat.Manifest m = DatasetFolderFormat.readManifest(folder.resolve(name));
            channels = m.channels();
            shards.add(new ShardEntry(name, spec.firstRow(k), m.rows(), m.sha256()));
        }
        DatabaseManifest dm = new DatabaseManifest(FORMAT, 1, spec, ParameterSpace.NAMES, ParameterSpace.UNITS, channels, shards);
        AtomicFiles.writeString(folder.resolve(DATABASE), GSON.toJson(dm) + "\n");
    }

    /** Reads {@code database.json}; throws naming the file when it is missing or malformed. */
    public static DatabaseManifest readManifest(Path folder) throws IOException {
        Path p = folder.resolve(DATABASE);
        if (!Files.isRegularFile(p)) {
            String hint = Files.isRegularFile(folder.resolve(SPEC)) ? "the database is incomplete: run the same simulate command again to finish it"
                    : "expected a Coreloss multiplet database folder";
            throw new IOException(p + ": missing; " + hint);
        }
        DatabaseManifest m;
        try {
            m = GSON.fromJson(Files.readString(p, StandardCharsets.UTF_8), DatabaseManifest.class);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new IOException(p + ": invalid database manifest (" + e.getMessage() + ")", e);
        }
        if (m == null || !FORMAT.equals(m.format())) throw new IOException(p + ": expected \"format\": \"" + FORMAT + "\"");
        return m;
    }

    /** Removes hidden temp entries of interrupted atomic writes ({@code .shard-*}, {@code .spec.json.*}, {@code .database.json.*}). */
    static void removeStaleTemps(Path folder) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, ".*")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.startsWith(".shard-") || n.startsWith("." + SPEC + ".") || n.startsWith("." + DATABASE + ".")) deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException { Files.delete(f); return FileVisitResult.CONTINUE; }
            @Override public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException { Files.delete(d); return FileVisitResult.CONTINUE; }
        });
    }
}
