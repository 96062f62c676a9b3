package org.coreloss.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectrumCommandTest {
    @Test
    void writesSticksAndBroadenedSpectra(@TempDir Path dir) throws Exception {
        Path sticks = dir.resolve("sticks.csv");
        int rc = new CommandLine(new SpectrumCommand()).execute("--ion", "Ni2+", "--dq", "0.1", "--ds", "0.01", "--dt", "0.01",
                "--s1", "0.8", "--s2", "0.8", "--temperature", "10", "--sticks", "--out", sticks.toString());
        assertEquals(0, rc);
        List<String> lines = Files.readAllLines(sticks);
        assertEquals("energy_ev,intensity", lines.get(0));
        double total = 0;
        for (String l : lines.subList(1, lines.size())) total += Double.parseDouble(l.split(",")[1]);
        assertEquals(2 / 15.0, total, 1e-6, "Ni2+ (2 holes): total stick intensity (10 - n)/15");

        Path spec = dir.resolve("spec.csv");
        rc = new CommandLine(new SpectrumCommand()).execute("--ion", "Fe3+", "--dq", "0.12", "--gauss-fwhm", "0.1",
                "--gamma1", "0.4", "--gamma2", "0.6", "--temperature", "300", "--out", spec.toString());
        assertEquals(0, rc);
        lines = Files.readAllLines(spec);
        assertEquals(502, lines.size());
        double max = 0;
        for (String l : lines.subList(1, lines.size())) max = Math.max(max, Double.parseDouble(l.split(",")[1]));
        assertEquals(1.0, max, 1e-6);
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary files left behind");
        }
    }

    @Test
    void badInputNamesTheParameter(@TempDir Path dir) {
        var err = new java.io.ByteArrayOutputStream();
        var old = System.err;
        System.setErr(new java.io.PrintStream(err));
        int rc;
        try {
            rc = new CommandLine(new SpectrumCommand()).execute("--ion", "Ni2+", "--temperature", "-3", "--out",
                    dir.resolve("x.csv").toString());
        } finally {
            System.setErr(old);
        }
        assertEquals(2, rc);
        assertTrue(err.toString().contains("temperatureK"), err.toString());
    }
}
