package org.coreloss.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The kernel on every JDK this machine has: the JDK running the tests, every JDK (17 or newer, with
 * {@code bin/jshell}) under {@code /usr/lib/jvm}, and those listed in {@code CORELOSS_TEST_JDKS}
 * ({@code :}-separated homes). For each, {@link RunawayCellCheck} runs in a child JVM on that JDK: a cell,
 * interrupted busy loops that ignore interrupts, a following cell that sees the earlier state, and ND4J.
 */
class KernelOnEveryJdkTest {

    static Map<Integer, Path> jdks() throws IOException {
        Map<Path, Integer> found = new LinkedHashMap<>();
        addJdk(found, Path.of(System.getProperty("java.home")));
        Path jvm = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvm)) {
            try (Stream<Path> s = Files.list(jvm)) {
                for (Path p : s.sorted().toList()) addJdk(found, p);
            }
        }
        String extra = System.getenv("CORELOSS_TEST_JDKS");
        if (extra != null) for (String h : extra.split(":")) if (!h.isBlank()) addJdk(found, Path.of(h));
        Map<Integer, Path> byMajor = new java.util.TreeMap<>();
        found.forEach((home, major) -> byMajor.putIfAbsent(major, home));
        return byMajor;
    }

    private static void addJdk(Map<Path, Integer> found, Path home) throws IOException {
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isExecutable(home.resolve("bin/jshell"))) return;
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) return;
        Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
        if (!m.find()) return;
        int major = Integer.parseInt(m.group(1));
        if (major < 17) return;
        found.putIfAbsent(home.toRealPath(), major);
    }

    @TestFactory
    Stream<DynamicTest> runawayCellsStopOnEveryJdk() throws IOException {
        Map<Integer, Path> jdks = jdks();
        assertFalse(jdks.isEmpty());
        return jdks.entrySet().stream().map(e -> DynamicTest.dynamicTest("JDK " + e.getKey() + " (" + e.getValue() + ")",
                () -> runOn(e.getValue(), e.getKey())));
    }

    private static void runOn(Path home, int major) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(home.resolve("bin/java").toString(), "-Djava.awt.headless=true", "-Xmx1g"));
        cmd.addAll(KernelspecInstaller.jdkOptions(major)); // as the kernelspec installed for that JDK
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RunawayCellCheck.class.getName(), "--nd4j"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        byte[] out;
        try (var in = p.getInputStream()) { out = in.readAllBytes(); }
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "child JVM did not end");
        String text = new String(out, StandardCharsets.UTF_8);
        System.out.println("--- " + home + "\n" + text);
        List<String> oks = text.lines().filter(l -> l.startsWith("OK ")).toList();
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("OK all on"), text);
        assertTrue(oks.stream().filter(l -> l.contains("stopped")).count() == 3, text);
        assertTrue(!text.contains("WARNING: A restricted method") && !text.contains("WARNING: A terminally deprecated method"),
                "JDK warnings in cell output:\n" + text);
    }
}
