package org.coreloss.cli;

import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.SpectraIO;
import org.coreloss.nn.ModelFiles;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code coreloss train} as a user runs it, in separate JVMs: a run sent SIGINT after several epochs saves its best
 * model and exits; the same command with the same {@code --checkpoints} then resumes, and its model and validation
 * losses equal those of an uninterrupted run bit for bit (the learning-rate schedule, shuffling and updater state
 * continue where they stopped).
 */
class TrainInterruptTest {
    static final int EPOCHS = 40;

    @Test
    void sigintSavesAndResumeEqualsUninterruptedRun(@TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        int n = 300, ch = 24;
        float[][] s = new float[n][ch];
        double[] c = new double[n], h = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = 4 + 16 * r.nextDouble(); h[i] = 0.5 + r.nextDouble();
            for (int j = 0; j < ch; j++) s[i][j] = (float) (h[i] * Math.exp(-0.5 * (j - c[i]) * (j - c[i]) / 4));
        }
        Path data = dir.resolve("data");
        SpectraIO.write(SpectraDataset.of("g", SpectrumMatrix.of(EnergyGrid.uniform(850, 873, ch), s)).withColumn("c_eV", c).withColumn("h", h), data);

        Proc straight = train(dir, data, "straight", null);
        assertEquals(0, straight.p.waitFor(), straight.output());

        Path cp = dir.resolve("cp");
        Proc first = train(dir, data, "interrupted", cp);
        int done = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (done < 3 && first.p.isAlive() && System.nanoTime() < deadline) { // several epochs finished
            Thread.sleep(20);
            done = epochsDone(cp);
        }
        assertTrue(first.p.isAlive(), "training ended before it could be interrupted: " + first.output());
        // A process started in the background by a non-interactive shell (as CI may start this build) inherits SIGINT
        // ignored, and the JVM then installs no SIGINT handler (Ctrl-C cannot reach such a job anyway). There, send
        // SIGTERM, which the same shutdown hook handles; everywhere else, SIGINT as a user's Ctrl-C.
        String signal = ignoresSigint(first.p.pid()) ? "-TERM" : "-INT";
        assertEquals(0, new ProcessBuilder("kill", signal, Long.toString(first.p.pid())).start().waitFor());
        assertTrue(first.p.waitFor(2, TimeUnit.MINUTES), "no exit after " + signal);
        String out1 = first.output();
        assertTrue(out1.contains("interrupted (best model saved"), out1);
        assertTrue(Files.isRegularFile(dir.resolve("interrupted.zip")), signal + " did not save the model: " + out1);
        int stopped = epochsDone(cp);
        assertTrue(stopped >= 3 && stopped < EPOCHS, "interrupted after " + stopped + " epochs");
        assertEquals(stopped, ModelFiles.load(dir.resolve("interrupted")).info().metrics().get("epochsRun").intValue());

        Proc second = train(dir, data, "resumed", cp);
        assertEquals(0, second.p.waitFor(), second.output());
        assertEquals(validationLoss(straight.output()), validationLoss(second.output()));
        assertArrayEquals(ModelFiles.load(dir.resolve("straight")).weights(), ModelFiles.load(dir.resolve("resumed")).weights());
    }

    record Proc(Process p, Path log) {
        String output() throws Exception { return Files.readString(log); }
    }

    static Proc train(Path dir, Path data, String name, Path cp) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "org.coreloss.cli.Main",
                "train", "generator", "--data", data.toString(), "--out", dir.resolve(name).toString(), "--quiet",
                "--params", "c_eV,h", "--degree", "2", "--layers", "2", "--units", "64", "--epochs", Integer.toString(EPOCHS),
                "--batch", "2", "--lr", "1e-3", "--lr-decay", "0.99", "--patience", "1000", "--seed", "4"));
        if (cp != null) { cmd.add("--checkpoints"); cmd.add(cp.toString()); }
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OPENBLAS_CORETYPE", "Haswell");
        return new Proc(pb.start(), log);
    }

    /** True when the process ignores SIGINT (bit 1 of SigIgn in /proc/PID/status, Linux); false where unknown. */
    static boolean ignoresSigint(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 2L) != 0;
            }
        } catch (Exception e) {
            return false;
        }
        return false;
    }

    static int epochsDone(Path cp) {
        try {
            Matcher m = Pattern.compile("\"epochsDone\"\\s*:\\s*(\\d+)").matcher(Files.readString(cp.resolve("state.json")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    static String validationLoss(String out) {
        Matcher m = Pattern.compile("validation loss (\\S+)\\)").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }
}
