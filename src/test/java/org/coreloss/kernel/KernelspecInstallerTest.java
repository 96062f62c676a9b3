package org.coreloss.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelspecInstallerTest {

    @Test
    void writesKernelJsonWithAbsoluteJarAndLogos(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("dist dir/coreloss-0.1.jar");
        Path dir = KernelspecInstaller.install(KernelspecInstaller.prefixKernelsDir(tmp.resolve("prefix")), jar);
        assertEquals(tmp.resolve("prefix/share/jupyter/kernels/coreloss"), dir);
        JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("Java (Coreloss)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertTrue(argv.contains("-Djava.awt.headless=true"), argv.toString());
        assertTrue(argv.stream().anyMatch(a -> a.startsWith("-Xmx")), argv.toString());
        assertTrue(argv.contains(jar.toAbsolutePath().toString()), argv.toString());
        assertEquals("{connection_file}", argv.get(argv.size() - 1));
        assertTrue(Files.isExecutable(Path.of(argv.get(0))) || argv.get(0).equals("java"), argv.get(0));
        assertEquals(32, ImageIO.read(dir.resolve("logo-32x32.png").toFile()).getWidth());
        assertEquals(64, ImageIO.read(dir.resolve("logo-64x64.png").toFile()).getHeight());
        // installing again replaces the files and leaves no temporary files behind
        KernelspecInstaller.install(KernelspecInstaller.prefixKernelsDir(tmp.resolve("prefix")), jar);
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count());
        }
    }

    @Test
    void c1OnlyJitUnlessFullJitIsAsked(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("coreloss-0.1.jar");
        Path c1 = KernelspecInstaller.install(tmp.resolve("a"), jar, false);
        Path full = KernelspecInstaller.install(tmp.resolve("b"), jar, true);
        List<String> argvC1 = JsonParser.parseString(Files.readString(c1.resolve("kernel.json"))).getAsJsonObject()
                .getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        List<String> argvFull = JsonParser.parseString(Files.readString(full.resolve("kernel.json"))).getAsJsonObject()
                .getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertTrue(argvC1.contains("-XX:TieredStopAtLevel=1"), argvC1.toString());
        assertTrue(argvFull.stream().noneMatch(a -> a.startsWith("-XX:TieredStopAtLevel")), argvFull.toString());
        assertEquals(argvC1.size() - 1, argvFull.size());
    }

    @Test
    void startupImportsSkipPackagesNotInTheBuild() {
        List<String> imports = CorelossKernel.startupImports();
        assertTrue(imports.contains("import org.coreloss.spectrum.*;"), imports.toString());
        assertTrue(imports.contains("import java.util.*;"), imports.toString());
        assertTrue(imports.contains("import static org.coreloss.kernel.Notebook.*;"), imports.toString());
        assertTrue(imports.stream().noneMatch(i -> i.contains("org.coreloss.nosuch")), imports.toString());
    }

    @Test
    void jvmOptionsFollowTheKernelsJdk() {
        assertTrue(KernelspecInstaller.jdkOptions(17).isEmpty());
        assertTrue(KernelspecInstaller.jdkOptions(21).isEmpty());
        assertEquals(java.util.List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"),
                KernelspecInstaller.jdkOptions(25));
    }
}
