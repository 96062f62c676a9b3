package org.coreloss.simulate;

import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.DatasetFolderFormat;
import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.progress.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class DatabaseGeneratorTest {
    static final DatabaseSpec SPEC = new DatabaseSpec("Ni2+", 40, Preset.D4H, Sampler.UNIFORM, 1, 10);

    /** Relative path -> bytes of every file under a folder. */
    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(root.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }

    static void assertSameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
    }

    /** Cancels once {@code after} spectra are done. */
    static final class CancelAfter implements ProgressListener {
        final long after;
        final AtomicLong done = new AtomicLong();
        CancelAfter(long after) { this.after = after; }
        @Override public void start(String task, long total) {}
        @Override public void advance(long d, String message) { done.accumulateAndGet(d, Math::max); }
        @Override public void finish() {}
        @Override public boolean isCancelled() { return done.get() >= after; }
    }

    @Test
    void interruptedAndResumedRunIsByteIdentical(@TempDir Path tmp) throws IOException {
        Path full = tmp.resolve("full"), resumed = tmp.resolve("resumed");
        DatabaseGenerator.Result r = DatabaseGenerator.generate(SPEC, full, 2, null);
        assertEquals(4, r.shardsWritten());
        Map<String, byte[]> reference = files(full);
        assertEquals(2 + 4 * 3, reference.size(), reference.keySet().toString());

        // cancelled after 15 spectra: shard 0 written, shard 1 (half done) leaves nothing
        assertThrows(CancellationException.class, () -> DatabaseGenerator.generate(SPEC, resumed, 2, new CancelAfter(15)));
        assertTrue(Files.isDirectory(resumed.resolve("shard-00000")));
        assertFalse(Files.exists(resumed.resolve("shard-00001")));
        assertFalse(Files.exists(resumed.resolve(DatabaseGenerator.DATABASE)));
        try (Stream<Path> s = Files.list(resumed)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".")).count(), "no temp folders left");
        }
        // a killed write leaves a hidden temp folder: the next run must remove it
        Files.createDirectories(resumed.resolve(".shard-00001.12345").resolve("junk"));
        Files.writeString(resumed.resolve(".shard-00001.12345").resolve("junk").resolve("x"), "partial");

        DatabaseGenerator.Result r2 = DatabaseGenerator.generate(SPEC, resumed, 1, null);
        assertEquals(1, r2.shardsSkipped());
        assertEquals(3, r2.shardsWritten());
        assertSameFiles(reference, files(resumed));

        // deleting the last shard and re-running recomputes exactly it
        Files.walk(resumed.resolve("shard-00003")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        Files.delete(resumed.resolve(DatabaseGenerator.DATABASE));
        DatabaseGenerator.Result r3 = DatabaseGenerator.generate(SPEC, resumed, 2, null);
        assertEquals(1, r3.shardsWritten());
        assertEquals(10, r3.spectraComputed());
        assertSameFiles(reference, files(resumed));
    }

    @Test
    void loadConcatenatesShardsAndMatchesTheEngine(@TempDir Path tmp) throws IOException {
        DatabaseSpec spec = new DatabaseSpec("Ni2+", 25, Preset.C4V, Sampler.LHS, 5, 10);
        DatabaseGenerator.generate(spec, tmp, 2, null);
        SpectraDataset ds = ShardedDatabase.load(tmp);
        assertEquals(25, ds.size());
        assertEquals(501, ds.channels());
        assertEquals("Ni2+-00000000", ds.id(0));
        assertEquals("Ni2+-00000024", ds.id(24));
        assertEquals(ParameterSpace.NAMES, ds.columnNames().subList(1, 10));
        double[] dq = ds.label("dq_eV");
        for (double v : dq) assertTrue(v >= -0.2 && v <= 0.0, "c4v Dq " + v);
        assertEquals(0.0, ds.label("ds_eV")[7]);
        // row 23 is the engine's spectrum of its labels, bit for bit
        double[] v = new double[9];
        for (int j = 0; j < 9; j++) v[j] = ds.label(ParameterSpace.NAMES.get(j))[23];
        float[] expected = new MultipletEngine().spectrum(Ions.get("Ni2+"), ParameterSpace.toMultipletParameters(v)).intensities();
        float[] raw = ds.spectra().rawData();
        for (int j = 0; j < 501; j++) assertEquals(expected[j], raw[23 * 501 + j], 0.0f, "channel " + j);
        // SpectraIO reads the whole database once the format is registered
        ShardedDatabaseFormat.register();
        ShardedDatabaseFormat.register();
        SpectraDataset viaIo = org.coreloss.data.io.SpectraIO.read(tmp);
        assertEquals(ds.sha256(), viaIo.sha256());
        // the shard's manifest records the step with the seed
        DatasetFolderFormat.Manifest m = DatasetFolderFormat.readManifest(tmp.resolve("shard-00002"));
        assertEquals(5, m.rows());
        assertEquals("multiplet-simulate", m.history().get(0).name());
    }

    /** Fe3+ (3d5, final blocks > 64: the LAPACK path that once depended on scheduling) on 1 and 2 threads. */
    @Test
    void threadCountDoesNotChangeTheBytes(@TempDir Path tmp) throws IOException {
        DatabaseSpec spec = new DatabaseSpec("Fe3+", 4, Preset.D4H, Sampler.UNIFORM, 11, 4);
        DatabaseGenerator.generate(spec, tmp.resolve("one"), 1, null);
        DatabaseGenerator.generate(spec, tmp.resolve("two"), 2, null);
        assertSameFiles(files(tmp.resolve("one")), files(tmp.resolve("two")));
    }

    @Test
    void rerunWithOtherOptionsIsRefused(@TempDir Path tmp) throws IOException {
        DatabaseSpec small = new DatabaseSpec("Ni2+", 3, Preset.OH, Sampler.UNIFORM, 1, 2);
        DatabaseGenerator.generate(small, tmp, 1, null);
        DatabaseSpec other = new DatabaseSpec("Ni2+", 3, Preset.OH, Sampler.UNIFORM, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseGenerator.generate(other, tmp, 1, null));
        assertTrue(e.getMessage().contains("another database"), e.getMessage());
        assertThrows(IOException.class, () -> ShardedDatabase.load(tmp.resolve("nothing")));
    }
}
