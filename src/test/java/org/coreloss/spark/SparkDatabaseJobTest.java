package org.coreloss.spark;

import org.coreloss.progress.ProgressListener;
import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.DatabaseSpec;
import org.coreloss.simulate.Preset;
import org.coreloss.simulate.Sampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkDatabaseJobTest {

    /** Every regular file under {@code dir} by relative path, with its bytes. */
    static TreeMap<String, byte[]> files(Path dir) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        TreeMap<String, byte[]> a = files(expected), b = files(actual);
        assertEquals(a.keySet(), b.keySet(), "file lists");
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
    }

    @Test
    void localTwoGivesTheBytesOfCorelossSimulate(@TempDir Path tmp) throws IOException {
        DatabaseSpec spec = new DatabaseSpec("Ni2+", 45, Preset.D4H, Sampler.LHS, 7, 10);   // 5 shards, the last short
        Path single = tmp.resolve("single"), spark = tmp.resolve("spark");
        DatabaseGenerator.generate(spec, single, 2, ProgressListener.NONE);
        List<Long> progress = new ArrayList<>();
        DatabaseGenerator.Result r;
        try (SparkRunner runner = SparkRunner.local(2)) {
            assertEquals("local[2]", runner.master());
            r = SparkDatabaseJob.generate(runner, spec, spark, new ProgressListener() {
                @Override public void start(String task, long total) {}
                @Override public synchronized void advance(long done, String message) { progress.add(done); }
                @Override public void finish() {}
            });
        }
        assertEquals(5, r.shardsWritten());
        assertEquals(45, r.spectraComputed());
        assertEquals(45L, progress.get(progress.size() - 1), "progress reaches the total: " + progress);
        assertSameFiles(single, spark);
        assertTrue(Files.isRegularFile(spark.resolve(DatabaseGenerator.DATABASE)));
        // a second run finds every shard and writes nothing new
        try (SparkRunner runner = SparkRunner.local(2)) {
            DatabaseGenerator.Result again = SparkDatabaseJob.generate(runner, spec, spark, ProgressListener.NONE);
            assertEquals(0, again.shardsWritten());
            assertEquals(5, again.shardsSkipped());
        }
        assertSameFiles(single, spark);
    }

    @Test
    void aKilledJobResumesToTheSameBytes(@TempDir Path tmp) throws Exception {
        DatabaseSpec spec = new DatabaseSpec("Co2+", 240, Preset.D4H, Sampler.UNIFORM, 3, 20);   // 12 shards
        Path killed = tmp.resolve("killed"), reference = tmp.resolve("reference");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(SparkRunner.JVM_FLAGS);
        cmd.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "org.coreloss.cli.Main",
                "simulate", "--engine", "spark", "--master", "local[1]", "--ion", "Co2+", "--n", "240", "--preset", "d4h",
                "--sampler", "uniform", "--seed", "3", "--shard-size", "20", "--out", killed.toString(), "--quiet"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (shards(killed) < 2 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(p.isAlive(), "the child finished before it could be killed: " + Files.readString(tmp.resolve("child.log")));
            p.destroyForcibly();   // SIGKILL: no shutdown hook, no clean-up
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        int before = shards(killed);
        assertTrue(before >= 2 && before < 12, "shards when killed: " + before);
        assertFalse(Files.exists(killed.resolve(DatabaseGenerator.DATABASE)), "no database.json after a kill");
        DatabaseGenerator.Result r;
        try (SparkRunner runner = SparkRunner.local(2)) {
            r = SparkDatabaseJob.generate(runner, spec, killed, ProgressListener.NONE);
        }
        assertEquals(12 - r.shardsSkipped(), r.shardsWritten());
        assertTrue(r.shardsSkipped() >= before, "finished shards kept: " + r);
        DatabaseGenerator.generate(spec, reference, 2, ProgressListener.NONE);
        assertSameFiles(reference, killed);
    }

    static int shards(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(q -> q.getFileName().toString().startsWith("shard-") && Files.isRegularFile(q.resolve("manifest.json"))).count();
        }
    }

    @Test
    void jvmFlagsMatchTheBuild() {
        // the Maven test configuration passes the same flags (pom.xml spark.jvm.flags); spot-check one of them is active
        assertTrue(Arrays.asList(SparkRunner.JVM_FLAGS.toArray(new String[0])).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"));
        assertTrue(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), "surefire runs with Spark's flags");
    }
}
