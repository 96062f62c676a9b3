package org.coreloss.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Native memory of a finished cell is returned: {@link CellMemoryCheck} in a child JVM with the
 * kernelspec's JVM options trains a 5 x 1000 dense generator in a cell, clears the variable, and the
 * resident size must come back to within 200 MB of its value before the cell.
 */
class CellMemoryIT {
    static final double LIMIT_MB = 200;

    @Test
    void residentSizeReturnsAfterTrainingCell() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true", "-Xmx6g", "-XX:+UseParallelGC", KernelspecInstaller.C1_ONLY,
                "-cp", System.getProperty("java.class.path"), CellMemoryCheck.class.getName()).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        String out;
        try (var in = p.getInputStream()) { out = new String(in.readAllBytes(), StandardCharsets.UTF_8); }
        assertTrue(p.waitFor(600, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Matcher m = Pattern.compile("RSS_MB before (\\d+) after_train (\\d+) after_clear (\\d+)").matcher(out);
        assertTrue(m.find(), out);
        double before = Double.parseDouble(m.group(1)), afterClear = Double.parseDouble(m.group(3));
        System.out.println(m.group());
        assertTrue(afterClear - before <= LIMIT_MB, "resident size grew by " + (afterClear - before) + " MB: " + m.group());
    }
}
