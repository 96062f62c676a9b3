package org.coreloss.provenance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RunRecordTest {
    @Test
    void jsonRoundTripKeepsEverything(@TempDir Path dir) throws Exception {
        RunRecord r = RunRecord.builder("test").seed("split", 42).option("sigmaEv", 0.5)
                .dataset("s-k-seidler", "ab".repeat(32)).step(Step.of("crop", "minEv", 1.0, "maxEv", 2.0))
                .timing("load", 0.25).build();
        Path f = dir.resolve("run.json");
        r.write(f);
        try (var s = Files.list(dir)) { assertEquals(List.of(f), s.toList(), "no temp file left"); }
        RunRecord back = RunRecord.read(f);
        assertEquals(r.name(), back.name());
        assertEquals(42L, back.seeds().get("split"));
        assertEquals(0.5, (Double) back.options().get("sigmaEv"));
        assertEquals("ab".repeat(32), back.datasets().get("s-k-seidler"));
        assertEquals("crop", back.steps().get(0).name());
        assertEquals(1.0, back.steps().get(0).parameters().get("minEv"));
        assertEquals(0.25, back.timingsS().get("load"));
        assertEquals(r.java(), back.java());
        assertTrue(r.libraries().containsKey("tablesaw"));
        assertNotEquals("unknown", r.libraries().get("tablesaw"));
        assertTrue(r.toHtml().startsWith("<table"));
    }

    @Test
    void badJsonNamesTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunRecord.fromJson("{\"seeds\": 3"));
        assertTrue(e.getMessage().startsWith("run record JSON"));
    }
}
