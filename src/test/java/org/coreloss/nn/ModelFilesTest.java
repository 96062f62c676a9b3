package org.coreloss.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ModelFilesTest {
    @Test
    void saveLoadGivesIdenticalPredictionsAndMetadata(@TempDir Path dir) throws Exception {
        Synthetic d = new Synthetic(120, 24, 13);
        RegressorSpec spec = RegressorSpec.seed001(24, List.of(16, 8), 1e-4, 2);
        TrainedModel m = Trainer.fit(spec, d.spectra, d.column(0, 2), TrainingOptions.defaults(3).withEpochs(2), null).model()
                .describe(List.of("centre", "height"), List.of("channel", ""), "none (synthetic)", "abc");
        Path zip = ModelFiles.save(m, dir.resolve("peak"));
        assertTrue(Files.isRegularFile(zip));
        assertTrue(Files.isRegularFile(dir.resolve("peak.json")));
        try (var s = Files.list(dir)) { assertEquals(2, s.count(), "no temporary files left"); }
        TrainedModel back = ModelFiles.load(dir.resolve("peak.zip"));
        float[][] a = m.predict(d.spectra), b = back.predict(d.spectra);
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i]);
        assertEquals(spec, back.spec());
        assertEquals(List.of("centre", "height"), back.outputNames());
        assertEquals(List.of("channel", ""), back.outputUnits());
        assertEquals("abc", back.metadata().get("datasetHash"));
        assertEquals("3", back.metadata().get("seed"));
        assertTrue(back.metadata().containsKey("metric.bestValidationLoss"));
    }

    @Test
    void generatorRoundTripAndMissingFileIsNamed(@TempDir Path dir) throws Exception {
        Synthetic d = new Synthetic(64, 30, 14);
        GeneratorSpec spec = new GeneratorSpec(3, GeneratorSpec.Arch.CNN, 16, 12, 1, 3, 3, 30, 10);
        TrainedModel m = Trainer.fit(spec, d.params, d.spectra, TrainingOptions.defaults(1).withEpochs(1), null).model();
        ModelFiles.save(m, dir.resolve("gen"));
        float[][] a = m.predict(d.params), b = ModelFiles.load(dir.resolve("gen")).predict(d.params);
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i]);
        var e = assertThrows(java.io.IOException.class, () -> ModelFiles.load(dir.resolve("nothing.zip")));
        assertTrue(e.getMessage().contains("nothing.zip"));
    }
}
