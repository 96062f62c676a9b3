package org.coreloss.studies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.provenance.RunRecord;
import org.coreloss.simulate.CrystalFieldDos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studies' numbers on small inputs whose answers are known, and their checks failing on purpose. */
class StudiesTest {

    // ------------------------------------------------------------------------------------------------ paper-000

    @Test
    void xesDescriptorsOfAGaussianLine() {
        // a Gaussian line at 2466 eV with sigma 1 eV on 2455..2480 eV: peak 2466, centroid 2466, width ~1 (inside 2460-2475)
        int n = 2501;
        double[] e = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) { e[i] = 2455 + 0.01 * i; y[i] = Math.exp(-0.5 * (e[i] - 2466) * (e[i] - 2466)); }
        double[] d = Paper000Molecules.xesDescriptorsEv(e, y);
        assertEquals(2466, d[0], 1e-9);
        assertEquals(2466, d[1], 1e-6);
        assertEquals(1.0, d[2], 1e-3);
        // intensity outside the window does not count
        for (int i = 0; i < n; i++) if (e[i] > 2476) y[i] = 5;
        assertEquals(2466, Paper000Molecules.xesDescriptorsEv(e, y)[0], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Paper000Molecules.xesDescriptorsEv(new double[] {2400, 2401}, new double[] {1, 1}));
    }

    @Test
    void oxidationStateRoundingConfusionAndAccuracy() {
        assertEquals(-2, Paper000Molecules.snap(-1.2));
        assertEquals(0, Paper000Molecules.snap(0.9));
        assertEquals(2, Paper000Molecules.snap(1.1));
        double[] ma = Paper000Molecules.maeAndRoundedAccuracy(new double[] {-1.5, 0.4, 1.2, 0.9}, new double[] {-2, 0, 2, 2});
        assertEquals((0.5 + 0.4 + 0.8 + 1.1) / 4, ma[0], 1e-12);
        assertEquals(0.75, ma[1], 1e-12);
        List<String> classes = List.of("a", "b", "c");
        double[][] m = Paper000Molecules.confusion(new String[] {"a", "a", "b", "c", "c"}, new int[] {0, 1, 1, 2, 0}, classes);
        assertArrayEquals(new double[] {1, 1, 0}, m[0]);
        assertArrayEquals(new double[] {1, 0, 1}, m[2]);
        assertEquals(0.6, Paper000Molecules.accuracy(m), 1e-12);
        assertEquals(1.0, Paper000Molecules.conjugation("Conj"));
        assertEquals(0.5, Paper000Molecules.conjugation("Mixed"));
        assertEquals(0.0, Paper000Molecules.conjugation("NonConj"));
    }

    static Paper000Molecules.Result paper000(double classAccuracy, double oxidationMae, double oxidationAccuracy) {
        var cls = List.of(new Paper000Molecules.ClassResult("spectrum", classAccuracy, new double[2][2], 10),
                new Paper000Molecules.ClassResult("spectrum + descriptors", classAccuracy, new double[2][2], 10));
        double[] y = {0, 2};
        var ox = List.of(new Paper000Molecules.OxidationResult("spectrum", oxidationMae, oxidationAccuracy, y, y, y, y, 10));
        return new Paper000Molecules.Result(Paper000Molecules.Options.QUICK, List.of("a", "b"), 10, 2, 2, cls, ox, 0.4, 0.9,
                RunRecord.builder("t").build());
    }

    @Test
    void paper000CheckFailsOnPurpose() {
        paper000(0.95, 0.1, 0.98).check(Paper000Molecules.Thresholds.FULL);
        var e = assertThrows(StudyCheckException.class, () -> paper000(0.80, 0.1, 0.98).check(Paper000Molecules.Thresholds.FULL));
        assertEquals("paper-000: class accuracy from the spectrum = 0.800000 is outside the claimed range [0.920000, 1.00000]", e.getMessage());
        e = assertThrows(StudyCheckException.class, () -> paper000(0.95, 0.3, 0.98).check(Paper000Molecules.Thresholds.FULL));
        assertTrue(e.getMessage().contains("oxidation-state MAE"), e.getMessage());
        // the quick thresholds accept the same MAE
        paper000(0.95, 0.3, 0.98).check(Paper000Molecules.Thresholds.QUICK);
    }

    // ------------------------------------------------------------------------------------------------ paper-001

    @Test
    void paper001MeanPredictorAndColumns() {
        double[][] yTrain = {{1, 10}, {3, 20}};
        double[][] m = Paper001Sites.meanPrediction(yTrain, 3);
        assertEquals(3, m.length);
        assertArrayEquals(new double[] {2, 15}, m[2]);
        assertArrayEquals(new double[] {10, 20}, Paper001Sites.column(yTrain, 1));
        assertThrows(IllegalArgumentException.class, () -> new Paper001Sites.Options(StudyMode.QUICK, 1, 0, 1, 1, 1e-3, 1, 1, Paper001Sites.Options.QUICK.grid()));
    }

    // ------------------------------------------------------------------------------------------------ paper-002

    @Test
    void paper002BothArmsCarryS1AndDifferOnlyByTheGap() {
        List<MultipletParameters> p = Paper002DosToSpectrum.sampleParameters(5, 7);
        assertEquals(p, Paper002DosToSpectrum.sampleParameters(5, 7), "seeded");
        CrystalFieldDos dos = CrystalFieldDos.uniform(-4, 4, 161, 0.2);
        double[] gap = {0.1, 0.2, 0.3, 0.4, 0.5};
        float[][][] x = Paper002DosToSpectrum.inputsA(dos, p, gap);
        for (int i = 0; i < p.size(); i++) {
            assertEquals(162, x[0][i].length);
            assertEquals(163, x[1][i].length);
            assertEquals((float) p.get(i).s1(), x[0][i][161], "the arm without the gap carries S1");
            assertArrayEquals(x[0][i], java.util.Arrays.copyOf(x[1][i], 162), "the gap arm holds the same inputs");
            assertEquals((float) gap[i], x[1][i][162]);
            assertArrayEquals(dos.densityFloat(p.get(i).initialCrystalField()), java.util.Arrays.copyOf(x[0][i], 161));
        }
    }

    @Test
    void paper002EffectOverSeeds() {
        var e = Paper002DosToSpectrum.Effect.of(List.of(1L, 2L, 3L, 4L, 5L), new double[] {-0.10, -0.12, -0.08, -0.11, -0.09});
        assertEquals(-0.10, e.meanChange(), 1e-12);
        assertEquals(Math.sqrt(0.001 / 4), e.sdChange(), 1e-12);
        assertTrue(e.resolved());
        var mixed = Paper002DosToSpectrum.Effect.of(List.of(1L, 2L, 3L), new double[] {-0.05, 0.02, -0.01});
        assertFalse(mixed.resolved(), "signs differ");
        var noisy = Paper002DosToSpectrum.Effect.of(List.of(1L, 2L), new double[] {-0.01, -0.5});
        assertFalse(noisy.resolved(), "|mean| below two standard errors");
        assertFalse(Paper002DosToSpectrum.Effect.of(List.of(1L), new double[] {-0.3}).resolved(), "one seed resolves nothing");
    }

    @Test
    void paper002ErrorsAndBaseline() {
        float[][] p = {{0, 0}, {1, 1}}, y = {{1, 1}, {1, 3}};
        assertArrayEquals(new double[] {1, 2}, Paper002DosToSpectrum.mse(p, y), 1e-12);
        assertEquals(2.5, Paper002DosToSpectrum.median(new double[] {4, 1, 2, 3}));
        assertEquals(2, Paper002DosToSpectrum.medianIndex(new double[] {1, 9, 5}));
        // mean training spectrum {2, 2} against test {1, 1} and {3, 3}: MSE 1
        assertEquals(1.0, Paper002DosToSpectrum.baselineMse(new float[][] {{1, 1}, {3, 3}}, new float[][] {{1, 1}, {3, 3}}), 1e-12);
    }

    /** A small run of the whole paper-002 pipeline: shapes, split sizes, summary keys, the check. */
    @Test
    void paper002SmallRun() {
        var o = new Paper002DosToSpectrum.Options(StudyMode.QUICK, 2, List.of(2L, 3L), 60, 2, 2, 0.97, 2, 2, 1);
        var r = Paper002DosToSpectrum.run(o, org.coreloss.progress.ProgressListener.NONE);
        assertEquals(List.of("DOS + S1", "DOS + S1 + gap"), r.a().world().arms());
        assertEquals(2, r.a().without().size());
        assertEquals(2, r.a().effect().changes().length);
        assertEquals(6, r.a().world().split().test().length);
        assertEquals(r.a().without().get(0).meanMse() * (1 + r.a().effect().changes()[0]), r.a().with().get(0).meanMse(), 1e-12);
        Map<String, Object> s = r.summary();
        assertTrue(s.containsKey("a") && s.containsKey("b") && s.containsKey("rGapS1"), s.keySet().toString());
        assertTrue(r.a().baselineMeanMse() > 0);
        var e = assertThrows(StudyCheckException.class, () -> r.check(new Paper002DosToSpectrum.Thresholds(1e-9, 1e-9)));
        assertTrue(e.getMessage().startsWith("paper-002: (a) DOS + S1: mean test MSE / mean-spectrum MSE"), e.getMessage());
    }

    // ------------------------------------------------------------------------------------------------ paper-003

    @Test
    void paper003CheckFailsOnPurpose() {
        var good = List.of(new Paper003Ledge.TestError("Ni2+", "D4h", 60, 0.004, 0.012, 0.2));
        Paper003Ledge.check(good, Paper003Ledge.Thresholds.QUICK);
        var e = assertThrows(StudyCheckException.class, () -> Paper003Ledge.check(good, Paper003Ledge.Thresholds.FULL));
        assertTrue(e.getMessage().contains("Ni2+ D4h test MSE / mean-spectrum MSE = 0.333333"), e.getMessage());
        var poor = List.of(new Paper003Ledge.TestError("Fe2+", "D4h", 60, 0.01, 0.012, 0.9));
        assertThrows(StudyCheckException.class, () -> Paper003Ledge.check(poor, Paper003Ledge.Thresholds.QUICK));
        assertThrows(StudyCheckException.class, () -> Paper003Architectures.check(Map.of("DNN", 0.7, "CNN", 0.5), 0.6));
        assertThrows(StudyCheckException.class, () -> Paper003Architectures.check(Map.of("DNN", 0.5, "CNN", 1.2), 0.6));
        Paper003Architectures.check(Map.of("DNN", 0.5, "CNN", 0.9), 0.6);
        assertEquals(Paper003Ledge.Options.FULL.ions().size(), Paper003Ledge.PAPER_TABLES_2_3.size(), "a paper row for every ion");
        assertEquals("sDNN-2", Paper003Ledge.Options.QUICK.splitName());
        assertEquals("sLCNN-7", Paper003Ledge.Options.FULL.splitName());
    }

    @Test
    void paper003DatabaseCheck(@TempDir Path dir) throws Exception {
        var spec = new org.coreloss.simulate.DatabaseSpec("Ni2+", 4, org.coreloss.simulate.Preset.D4H, org.coreloss.simulate.Sampler.UNIFORM, 3, 4);
        org.coreloss.simulate.DatabaseGenerator.generate(spec, dir, 1, org.coreloss.progress.ProgressListener.NONE);
        var db = org.coreloss.simulate.ShardedDatabase.load(dir);
        Paper003Ledge.checkDatabase("Ni2+", db, 4);
        var e = assertThrows(StudyCheckException.class, () -> Paper003Ledge.checkDatabase("Ni2+", db, 5));
        assertEquals("paper-003: Ni2+ database has 4 spectra, expected 5", e.getMessage());
        var outside = db.withColumn("dq_eV", new double[] {0.1, 0.1, 9.0, 0.1});
        e = assertThrows(StudyCheckException.class, () -> Paper003Ledge.checkDatabase("Ni2+", outside, 4));
        assertTrue(e.getMessage().startsWith("paper-003: Ni2+ row 2: dq_eV = 9.0 outside the Table-1 range"), e.getMessage());
    }

    @Test
    void quantyReferenceHelpers() {
        // rms of {-1, 1} is 1, peak 2
        assertEquals(0.5, Paper003Comparison.rmsOverPeak(new double[] {1, 1}, new double[] {2, 0}), 1e-12);
        assertEquals(4, Paper003Comparison.QUANTY_CASES.size());
    }

    // ------------------------------------------------------------------------------------------------ output

    @Test
    void outputHoldsResultAndRunRecord(@TempDir Path dir) throws Exception {
        RunRecord rec = RunRecord.builder("t").seed("s", 3).build();
        Path f = StudyOutput.write(dir, "paper-009", StudyMode.QUICK, Map.of("x", 0.25, "n", 3), rec);
        assertEquals(dir.resolve("paper-009/quick.json"), f);
        JsonObject o = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
        assertEquals("paper-009", o.get("study").getAsString());
        assertEquals("quick", o.get("mode").getAsString());
        assertEquals(0.25, o.getAsJsonObject("result").get("x").getAsDouble());
        assertEquals("3", o.getAsJsonObject("result").get("n").toString(), "integers stay integral (for %d markers)");
        assertEquals(3, o.getAsJsonObject("runRecord").getAsJsonObject("seeds").get("s").getAsLong());
        assertEquals(dir.resolve("paper-009/analysis-full.json"), StudyOutput.write(dir, "paper-009", "analysis", StudyMode.FULL, Map.of(), rec));
    }
}
