package org.coreloss.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * End-to-end: executes every notebook under {@code notebooks/} through real Jupyter (nbclient in Debian's
 * Python, via {@code environment/run_notebooks.py}) with the kernel built by this build, one dynamic test
 * per notebook. A notebook fails if any cell fails that is not tagged {@code raises-exception}. For
 * {@code 00-kernel-tour} the executed outputs are checked: a figure (SVG or PNG) and the text result of the cell
 * tagged {@code tour-check} (the sum 1 + ... + 100 = 5050). Executed notebooks and HTML go to
 * {@code build/notebooks/}. Runs with {@code CORELOSS_QUICK=1} (set by the Failsafe configuration).
 */
class NotebookIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    private static final Path OUT = ROOT.resolve("build/notebooks");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Kernelspec private to this checkout, so the notebooks run this build's kernel. */
    private static final Path PRIVATE_PREFIX = ROOT.resolve("target/jupyter-prefix");

    @BeforeAll
    static void installPrivateKernelspec() throws IOException {
        Path jar;
        try (Stream<Path> s = Files.list(ROOT.resolve("target"))) {
            jar = s.filter(p -> p.getFileName().toString().matches("coreloss-.*\\.jar")
                            && !p.getFileName().toString().contains("-tests") && !p.getFileName().toString().contains("-sources")
                            && !p.getFileName().toString().contains("-spark"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("target/coreloss-*.jar missing: run mvn package first"));
        }
        KernelspecInstaller.install(KernelspecInstaller.prefixKernelsDir(PRIVATE_PREFIX), jar);
    }

    static List<Path> notebooks() throws IOException {
        if (!Files.isDirectory(NOTEBOOKS)) return List.of();
        try (Stream<Path> s = Files.walk(NOTEBOOKS)) {
            return s.filter(p -> p.toString().endsWith(".ipynb"))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints"))
                    .sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsInRealJupyter() throws IOException {
        List<Path> notebooks = notebooks();
        assertFalse(notebooks.isEmpty(), "no notebooks under " + NOTEBOOKS);
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(NOTEBOOKS.relativize(nb).toString(), () -> run(nb)));
    }

    private static void run(Path notebook) throws Exception {
        assertTrue(Files.isExecutable(PYTHON), "Debian's /usr/bin/python3 with nbclient is required (environment/setup installs it)");
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), ROOT.resolve("environment/run_notebooks.py").toString(),
                "--root", NOTEBOOKS.toString(), "--out", OUT.toString(), notebook.toString())
                .directory(ROOT.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        String jupyterPath = PRIVATE_PREFIX.resolve("share/jupyter").toString();
        env.merge("JUPYTER_PATH", jupyterPath, (old, mine) -> mine + java.io.File.pathSeparator + old);
        env.putIfAbsent("CORELOSS_QUICK", "1");
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("notebook runner did not finish: " + notebook);
        }
        String log = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "notebook " + notebook.getFileName() + " failed:\n" + log);
        Path executed = OUT.resolve(NOTEBOOKS.relativize(notebook));
        assertTrue(Files.isRegularFile(executed), "executed notebook missing: " + executed);
        if (notebook.getFileName().toString().equals("00-kernel-tour.ipynb")) checkTour(executed);
    }

    /**
     * The tour must contain a figure (one image per output by the rule of {@code display.InlineImages}: an
     * SVG element without XML declaration, or a PNG) and the expected value of the tagged check cell.
     */
    static void checkTour(Path executed) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(executed)).getAsJsonObject();
        boolean png = false;
        String checkValue = null;
        for (JsonElement ce : nb.getAsJsonArray("cells")) {
            JsonObject cell = ce.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) continue;
            for (JsonElement oe : cell.getAsJsonArray("outputs")) {
                JsonObject o = oe.getAsJsonObject();
                if (!o.has("data")) continue;
                JsonObject data = o.getAsJsonObject("data");
                if (data.has("image/png")) {
                    byte[] bytes = Base64.getDecoder().decode(text(data.get("image/png")).replace("\n", ""));
                    png |= bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
                }
                if (data.has("image/svg+xml")) {
                    String svg = text(data.get("image/svg+xml"));
                    png |= svg.startsWith("<svg") && svg.contains("</svg>") && svg.length() > 1000;
                    assertFalse(svg.contains("<?xml"), "00-kernel-tour: inline SVG with an XML declaration");
                }
                if (tags(cell).contains("tour-check") && "execute_result".equals(o.get("output_type").getAsString())) {
                    checkValue = text(data.get("text/plain"));
                }
            }
        }
        assertTrue(png, "00-kernel-tour: no figure (PNG or SVG) output");
        assertEquals("5050", checkValue, "00-kernel-tour: value of the cell tagged tour-check");
    }

    private static List<String> tags(JsonObject cell) {
        List<String> out = new ArrayList<>();
        JsonObject md = cell.getAsJsonObject("metadata");
        if (md != null && md.has("tags")) md.getAsJsonArray("tags").forEach(t -> out.add(t.getAsString()));
        return out;
    }

    private static String text(JsonElement e) {
        if (e == null) return null;
        if (e.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonElement x : (JsonArray) e) b.append(x.getAsString());
            return b.toString();
        }
        return e.getAsString();
    }
}
