package org.coreloss.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueMarkersTest {
    static final String JSON = """
            {"coverage90": 0.9137, "n": 144, "ratio": -0.2812, "name": "Ni2+", "ok": true,
             "a/b": {"x~y": 2.5}, "list": [1.5, 2.5], "with space": 7, "big": 3.0}
            """;

    static Path repo(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("results/t"));
        Files.writeString(dir.resolve("results/t/r.json"), JSON);
        return dir;
    }

    static String value(Path root, String marker) {
        List<ValueMarkers.Marker> ms = ValueMarkers.parse(Path.of("doc.md"), marker + "?<!--@-->");
        assertEquals(1, ms.size(), marker);
        return new ValueMarkers.Resolver(root).value(ms.get(0));
    }

    @Test
    void formatsAsSpecified(@TempDir Path dir) throws Exception {
        Path root = repo(dir);
        assertEquals("0.91", value(root, "<!--@ results/t/r.json /coverage90 %.2f -->"));
        assertEquals("0.9137", value(root, "<!--@ results/t/r.json /coverage90 -->"));
        assertEquals("144", value(root, "<!--@ results/t/r.json /n %d -->"));
        assertEquals("144", value(root, "<!--@ results/t/r.json /n -->"));
        assertEquals("144.0", value(root, "<!--@ results/t/r.json /n %.1f -->"));
        assertEquals("−28.1 %".replace('−', '-'), value(root, "<!--@ results/t/r.json /ratio x100:%.1f %% -->"));
        assertEquals("Ni2+", value(root, "<!--@ results/t/r.json /name -->"));
        assertEquals("true", value(root, "<!--@ results/t/r.json /ok -->"));
        assertEquals("2.5", value(root, "<!--@ results/t/r.json /a~1b/x~0y -->"));
        assertEquals("2.50", value(root, "<!--@ results/t/r.json /list/1 %.2f -->"));
        assertEquals("7", value(root, "<!--@ results/t/r.json #/with%20space -->"));
        assertEquals("1,440", value(root, "<!--@ results/t/r.json /n x10:%,d -->"));
        assertEquals("3.0", value(root, "<!--@ results/t/r.json /big -->"), "integral only when the JSON literal is");
    }

    @Test
    void errorsNameDocumentLineAndMarker(@TempDir Path dir) throws Exception {
        Path root = repo(dir);
        var e = assertThrows(ValueMarkers.MarkerException.class, () -> value(root, "<!--@ results/t/r.json /nope %.2f -->"));
        assertTrue(e.getMessage().contains("doc.md:1") && e.getMessage().contains("\"nope\"") && e.getMessage().contains("coverage90"), e.getMessage());
        e = assertThrows(ValueMarkers.MarkerException.class, () -> value(root, "<!--@ results/t/missing.json /n -->"));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
        e = assertThrows(ValueMarkers.MarkerException.class, () -> value(root, "<!--@ results/t/r.json /coverage90 %d -->"));
        assertTrue(e.getMessage().contains("%d needs an integral value"), e.getMessage());
        e = assertThrows(ValueMarkers.MarkerException.class, () -> value(root, "<!--@ results/t/r.json /list/5 -->"));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void renderRewritesOnlyTheTextAndCheckFindsAHandEdit(@TempDir Path dir) throws Exception {
        Path root = repo(dir);
        String doc = "| a | <!--@ results/t/r.json /coverage90 %.2f -->0.5<!--@--> | <!--@ results/t/r.json /n %d -->1<!--@--> |\nplain 0.77 text\n";
        ValueMarkers.Resolver res = new ValueMarkers.Resolver(root);
        String rendered = ValueMarkers.render(Path.of("README.md"), doc, res);
        assertEquals("| a | <!--@ results/t/r.json /coverage90 %.2f -->0.91<!--@--> | <!--@ results/t/r.json /n %d -->144<!--@--> |\nplain 0.77 text\n", rendered);
        assertEquals(List.of(), ValueMarkers.check(Path.of("README.md"), rendered, res));
        // a number edited by hand fails the check, naming file, line, marker and both values
        String edited = "intro\n" + rendered.replace("-->0.91<", "-->0.93<");
        List<ValueMarkers.Difference> d = ValueMarkers.check(Path.of("README.md"), edited, res);
        assertEquals(1, d.size());
        assertEquals(2, d.get(0).marker().line());
        assertEquals("README.md:2 <!--@ results/t/r.json /coverage90 %.2f -->: text \"0.93\", results file gives \"0.91\"", d.get(0).toString());
    }

    @Test
    void markersInCodeAreText(@TempDir Path dir) throws Exception {
        Path root = repo(dir);
        String doc = "syntax: `<!--@ FILE POINTER [FORMAT] -->TEXT<!--@-->`, value <!--@ results/t/r.json /n %d -->1<!--@-->\n"
                + "```\n<!--@ results/t/r.json /nope -->x<!--@-->\n```\n";
        assertEquals(1, ValueMarkers.parse(Path.of("d.md"), doc).size());
        String rendered = ValueMarkers.render(Path.of("d.md"), doc, new ValueMarkers.Resolver(root));
        assertEquals(doc.replace("-->1<", "-->144<"), rendered);
    }

    @Test
    void reportWritesAndChecksFiles(@TempDir Path dir) throws Exception {
        Path root = repo(dir);
        Files.writeString(root.resolve("README.md"), "x <!--@ results/t/r.json /n %d -->0<!--@-->\n");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/a.md"), "no markers\n");
        var docs = ValueMarkers.defaultDocuments(root);
        assertEquals(2, docs.size());
        var check = ValueMarkers.report(root, docs, false);
        assertEquals(1, check.differences().size());
        assertEquals("x <!--@ results/t/r.json /n %d -->0<!--@-->\n", Files.readString(root.resolve("README.md")), "check does not write");
        var write = ValueMarkers.report(root, docs, true);
        assertEquals(List.of(Path.of("README.md")), write.rewritten());
        assertEquals(0, ValueMarkers.report(root, docs, false).differences().size());
    }
}
