package org.coreloss.spark;

import org.coreloss.progress.ProgressListener;
import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.DatabaseSpec;
import org.coreloss.simulate.Preset;
import org.coreloss.simulate.Sampler;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spark-submit path with the jar that {@code mvn -Pspark-jar package} builds (environment/test builds it):
 * Spark's own {@code org.apache.spark.deploy.SparkSubmit} (what the {@code spark-submit} script runs) with Spark's
 * jars on its class path and the project's shaded jar as the application, {@code --master local[2]}; the database
 * must equal the single-JVM generator's bytes.
 */
class SparkSubmitIT {
    static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void sparkSubmitOfTheShadedJarWritesTheSameDatabase(@TempDir Path tmp) throws Exception {
        Path jar;
        try (Stream<Path> s = Files.list(ROOT.resolve("target"))) {
            jar = s.filter(p -> p.getFileName().toString().matches("coreloss-.*-spark\\.jar")).findFirst().orElse(null);
        }
        Assumptions.assumeTrue(jar != null || System.getenv("CI") != null, "no spark jar: build with mvn -Pspark-jar package");
        assertTrue(jar != null, "target/coreloss-*-spark.jar missing: environment/test builds it with -Pspark-jar");
        // a cluster's class path: Spark's jars (target/spark-lib) and the libraries a Spark distribution ships
        String cp = ROOT.resolve("target/spark-lib") + File.separator + "*" + File.pathSeparator + ROOT.resolve("target/lib") + File.separator + "*";
        Path out = tmp.resolve("db");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(SparkRunner.JVM_FLAGS);
        cmd.addAll(List.of("-cp", cp, "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--class", "org.coreloss.cli.Main",
                jar.toString(), "simulate", "--engine", "spark", "--ion", "Ni2+", "--n", "60", "--shard-size", "20", "--seed", "5",
                "--out", out.toString(), "--quiet"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("submit.log").toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "spark-submit timed out");
        String log = Files.readString(tmp.resolve("submit.log"));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("Spark local[2]"), log);
        Path ref = tmp.resolve("ref");
        DatabaseGenerator.generate(new DatabaseSpec("Ni2+", 60, Preset.D4H, Sampler.UNIFORM, 5, 20), ref, 2, ProgressListener.NONE);
        SparkDatabaseJobTest.assertSameFiles(ref, out);
    }
}
