package org.coreloss.studies;

import org.coreloss.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ActiveLearningTest {
    @Test
    void spectraToReachInterpolatesLogMseAndIsNaNWhenNeverReached() {
        List<ActiveLearning.Point> c = List.of(new ActiveLearning.Point(100, 1e-2), new ActiveLearning.Point(200, 1e-3), new ActiveLearning.Point(300, 5e-4));
        assertEquals(150, ActiveLearning.spectraToReach(c, Math.sqrt(1e-2 * 1e-3)), 1e-9); // half-way in log
        assertEquals(200, ActiveLearning.spectraToReach(c, 1e-3), 1e-9);
        assertEquals(100, ActiveLearning.spectraToReach(c, 2e-2), 1e-9);
        assertTrue(Double.isNaN(ActiveLearning.spectraToReach(c, 1e-4)));
    }

    @Test
    void topUnusedTakesTheHighestScoresSkippingUsedAndNaN() {
        double[] s = {0.1, Double.NaN, 0.5, 0.3, 0.5, 0.2};
        boolean[] used = {false, false, true, false, false, false};
        assertArrayEquals(new int[]{4, 3, 5}, ActiveLearning.topUnused(s, used, 3));
        assertThrows(IllegalStateException.class, () -> ActiveLearning.topUnused(s, used, 6));
    }

    @Test
    void optionsRejectInconsistentCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ActiveLearning.Options("Ni2+", 100, 70, 300, 600, 100, 2, 1, 32, 8, 32, 1e-3, 0.97, 1));
        assertTrue(e.getMessage().contains("finalCount"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ActiveLearning.Options("Ni2+", 100, 50, 300, 600, 100, 1, 1, 32, 8, 32, 1e-3, 0.97, 1));
        assertThrows(IllegalArgumentException.class, () -> new ActiveLearning.Options("Xx9+", 100, 50, 300, 600, 100, 2, 1, 32, 8, 32, 1e-3, 0.97, 1));
    }

    /** The quick preset through the command line: both curves have every round, the same seed gives the same numbers, a second run resumes. */
    @Test
    @SuppressWarnings("unchecked")
    void quickRunIsReproducibleAndResumes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("al.json"), out2 = dir.resolve("al2.json");
        assertEquals(0, Main.commandLine().execute("active-learning", "--ion", "Ni2+", "--preset", "quick", "--seeds", "1",
                "--out", out.toString(), "--work", dir.resolve("w").toString(), "--quiet"));
        Map<String, Object> r = Paper003Surrogates.GSON.fromJson(Files.readString(out), Map.class);
        List<Map<String, Object>> per = (List<Map<String, Object>>) r.get("per_seed");
        assertEquals(1, per.size());
        assertEquals(5, ((List<?>) per.get(0).get("random")).size());
        assertEquals(5, ((List<?>) per.get(0).get("active")).size());
        double target = (Double) per.get(0).get("randomFinalMse");
        assertTrue(target > 0 && target < 1, "random final MSE " + target);
        // resume: the finished seed is read back, not recomputed (same wall time)
        assertEquals(0, Main.commandLine().execute("active-learning", "--ion", "Ni2+", "--preset", "quick", "--seeds", "1",
                "--out", out2.toString(), "--work", dir.resolve("w").toString(), "--quiet"));
        Map<String, Object> r2 = Paper003Surrogates.GSON.fromJson(Files.readString(out2), Map.class);
        assertEquals(r.get("wall_seconds"), r2.get("wall_seconds"));
        // reproducible: a fresh run of the same seed gives the same curves
        ActiveLearning.SeedResult again = ActiveLearning.runSeed(ActiveLearning.Options.quick("Ni2+"), 1, null);
        assertEquals(target, again.randomFinalMse(), 0.0);
        assertEquals(((Map<String, Object>) ((List<?>) per.get(0).get("active")).get(4)).get("testMse"), again.active().get(4).testMse());
        List<ActiveLearning.SeedResult> back = ActiveLearning.readResults(out);
        assertEquals(1, back.size());
        assertArrayEquals(new double[]{100, 150, 200, 250, 300}, back.get(0).spectra());
        assertEquals(target, back.get(0).randomMse()[4], 0.0);
        assertEquals(2, Main.commandLine().execute("active-learning", "--ion", "Ni2+", "--preset", "nope", "--out", out.toString()));
    }
}
