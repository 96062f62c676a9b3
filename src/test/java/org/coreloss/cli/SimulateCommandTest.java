package org.coreloss.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SimulateCommandTest {
    private static int run(String... args) {
        return new CommandLine(new SimulateCommand()).execute(args);
    }

    @Test
    void generatesThenSkipsOnRerun(@TempDir Path tmp) throws Exception {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Path db = tmp.resolve("db");
            String[] args = {"--ion", "Ni2+", "--n", "5", "--preset", "c4v", "--seed", "2", "--shard-size", "2",
                    "--threads", "2", "--sampler", "lhs", "--out", db.toString(), "--quiet", "--record", tmp.resolve("run.json").toString()};
            assertEquals(0, run(args));
            assertTrue(Files.isRegularFile(db.resolve("database.json")));
            assertTrue(Files.isRegularFile(db.resolve("shard-00002/spectra.npy")));
            byte[] before = Files.readAllBytes(db.resolve("shard-00001/spectra.npy"));
            assertEquals(0, run(args));
            assertArrayEquals(before, Files.readAllBytes(db.resolve("shard-00001/spectra.npy")));
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("(3 written, 0 already present)"), text);
            assertTrue(text.contains("(0 written, 3 already present)"), text);
            assertTrue(Files.readString(tmp.resolve("run.json")).contains("\"seed\": 2"));
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void badOptionsExitWithTwo(@TempDir Path tmp) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, run("--ion", "Ni2+", "--n", "5", "--preset", "td", "--out", tmp.toString()));
            assertEquals(2, run("--ion", "Zz2+", "--n", "5", "--out", tmp.toString()));
            String text = err.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("preset 'td'"), text);
            assertTrue(text.contains("Zz2+"), text);
        } finally {
            System.setErr(oldErr);
        }
    }
}
