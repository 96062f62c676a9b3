package org.coreloss.studies;

import org.coreloss.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class Paper003SurrogatesTest {
    /**
     * A tiny Ni2+ run through the command line: the results file has the fields; the out-of-domain flag
     * fires on every C4v input with Dq < 0 and on no D4h test input; a second run with the same options resumes
     * (nothing is trained again) and gives the same accuracy.
     */
    @Test
    @SuppressWarnings("unchecked")
    void tinyRunWritesTheResultsAndResumes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("Ni2+.json");
        String[] args = {"surrogate", "--ion", "Ni2+", "--out", out.toString(), "--work", dir.resolve("work").toString(),
                "--train", "300", "--test", "60", "--ood", "40", "--members", "2", "--layers", "1", "--units", "16",
                "--epochs", "2", "--budget", "5", "--sim-threads", "1", "--quiet"};
        assertEquals(0, Main.commandLine().execute(args));
        Map<String, Object> r = Paper003Surrogates.GSON.fromJson(Files.readString(out), Map.class);
        for (String k : new String[]{"test_count", "se_below_3pct_share", "se_below_7pct_share", "se_below_3pct_share_without_half",
                "median_se", "test_mse", "paper_mse", "mean_spectrum_mse", "engine_spectra", "wall_seconds", "seed",
                "spearman_predicted_vs_actual_se"}) {
            assertTrue(r.containsKey(k), "missing " + k);
        }
        assertEquals(60.0, r.get("test_count"));
        assertEquals(1.76e-5, (Double) r.get("paper_mse"), 1e-12);
        assertTrue((Double) r.get("se_below_3pct_share_without_half") <= (Double) r.get("se_below_3pct_share"));
        Map<String, Object> od = (Map<String, Object>) r.get("out_of_domain");
        assertEquals(od.get("c4v_outside"), od.get("c4v_outside_flagged"));
        assertEquals(0.0, od.get("c4v_inside_flagged"));
        assertEquals(0.0, od.get("d4h_test_flagged"));
        assertTrue((Double) od.get("c4v_outside") > 30);

        assertEquals(0, Main.commandLine().execute(args));
        Map<String, Object> again = Paper003Surrogates.GSON.fromJson(Files.readString(out), Map.class);
        assertEquals(r.get("test_mse"), again.get("test_mse"));
        assertEquals(r.get("wall_seconds"), again.get("wall_seconds"));
        assertEquals(2, Main.commandLine().execute("surrogate", "--ion", "Ni2+", "--out", out.toString(), "--work", dir.toString(), "--members", "0"));
    }
}
