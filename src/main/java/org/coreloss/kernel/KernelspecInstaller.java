package org.coreloss.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the Jupyter kernelspec {@code coreloss}: {@code kernel.json} (from the template
 * {@code kernel/kernel.json} with the launch class path filled in) and the two logos. The spec
 * launches the built distribution ({@code target/coreloss-*.jar} plus {@code target/lib/}).
 */
public final class KernelspecInstaller {
    /** Kernel name used by notebooks ({@code metadata.kernelspec.name}). */
    public static final String NAME = "coreloss";

    /**
     * Class-data-sharing archive written next to the jar by {@code environment/setup}
     * ({@code -XX:ArchiveClassesAtExit} over {@code coreloss kernel warmup}); when present the kernelspec
     * uses it, which cuts the kernel's start-up by roughly a third. A stale archive (jar rebuilt) is
     * ignored by the JVM.
     */
    public static final String CDS_ARCHIVE = "coreloss-kernel.jsa";

    /**
     * JIT option of the kernelspec: C1 only. It halves the JVM's work at start-up and per trivial cell
     * (javac inside JShell is not compiled twice), measured in docs/kernel.md together with its price: a
     * tight pure-Java arithmetic loop runs about 2.7 times slower, while the multiplet engine in a cell
     * was not slower. {@code CORELOSS_KERNEL_FULL_JIT=1} at install time leaves the option out.
     */
    public static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    /** Environment variable that, set to {@code 1} at install time, keeps the full (C1 + C2) JIT. */
    public static final String FULL_JIT_ENV = "CORELOSS_KERNEL_FULL_JIT";

    private KernelspecInstaller() {}

    /** {@code ~/.local/share/jupyter/kernels} (per-user kernelspecs). */
    public static Path userKernelsDir() {
        String xdg = System.getenv("JUPYTER_DATA_DIR");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "kernels");
        return Path.of(System.getProperty("user.home"), ".local", "share", "jupyter", "kernels");
    }

    /** {@code <prefix>/share/jupyter/kernels}. */
    public static Path prefixKernelsDir(Path prefix) {
        return prefix.resolve("share").resolve("jupyter").resolve("kernels");
    }

    /**
     * Installs into {@code kernelsDir/coreloss}, replacing an older spec (each file written atomically).
     *
     * @param kernelsDir  the Jupyter kernels directory
     * @param jar         the application jar (its manifest class path names lib/*.jar)
     * @return the kernelspec directory
     */
    public static Path install(Path kernelsDir, Path jar) throws IOException {
        return install(kernelsDir, jar, "1".equals(System.getenv(FULL_JIT_ENV)));
    }

    /** As {@link #install(Path, Path)}; {@code fullJit} leaves out {@link #C1_ONLY}. */
    public static Path install(Path kernelsDir, Path jar, boolean fullJit) throws IOException {
        Path dir = kernelsDir.resolve(NAME);
        Files.createDirectories(dir);
        String template = resource("/org/coreloss/kernel/kernelspec/kernel.json");
        Path archive = jar.toAbsolutePath().normalize().resolveSibling(CDS_ARCHIVE);
        // a stale archive (jar rebuilt without setup) is skipped by the JVM; the log options keep it quiet
        String cds = Files.isRegularFile(archive)
                ? "\"-XX:SharedArchiveFile=" + jsonEscape(archive.toString()) + "\", \"-Xlog:cds=off\", \"-Xlog:cds+dynamic=off\""
                : "\"-Xshare:auto\"";
        for (String opt : jdkOptions(Runtime.version().feature())) cds += ", \"" + opt + "\"";
        // Spark (a provided dependency in target/spark-lib, for notebooks that scale out) and the add-opens flags it needs
        String classpath = jar.toAbsolutePath().normalize().toString();
        Path sparkLib = jar.toAbsolutePath().normalize().resolveSibling(org.coreloss.spark.SparkFlags.LIB_FOLDER);
        if (Files.isDirectory(sparkLib)) {
            classpath += java.io.File.pathSeparator + sparkLib + java.io.File.separator + "*";
            for (String flag : org.coreloss.spark.SparkFlags.JVM_FLAGS) cds += ", \"" + jsonEscape(flag) + "\"";
        }
        if (fullJit) template = template.replace("\"" + C1_ONLY + "\",", "");
        String json = template.replace("@CLASSPATH@", jsonEscape(classpath))
                .replace("@JAVA@", jsonEscape(javaExecutable()))
                .replace("\"@CDS@\"", cds)
                .replace("\"env\": {}", "\"env\": {" + openBlasEnv() + "}");
        writeAtomically(dir.resolve("kernel.json"), json.getBytes(StandardCharsets.UTF_8));
        for (String logo : List.of("logo-32x32.png", "logo-64x64.png")) {
            try (InputStream in = KernelspecInstaller.class.getResourceAsStream("/org/coreloss/kernel/kernelspec/" + logo)) {
                if (in != null) writeAtomically(dir.resolve(logo), in.readAllBytes());
            }
        }
        return dir;
    }

    /** The jar this class was loaded from, or empty when running from classes (tests). */
    public static java.util.Optional<Path> runningJar() {
        try {
            var src = KernelspecInstaller.class.getProtectionDomain().getCodeSource();
            if (src == null) return java.util.Optional.empty();
            Path p = Path.of(src.getLocation().toURI());
            return p.toString().endsWith(".jar") ? java.util.Optional.of(p) : java.util.Optional.empty();
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * OpenBLAS 0.3.19 (bundled with nd4j-native) picks AVX-512 kernels on recent CPUs whose real symmetric
     * eigen-solvers return wrong eigenvectors above n ~ 128 (see docs/multiplet.md). Where the CPU has AVX2
     * the kernel pins the Haswell kernels, which are correct; the multiplet engine also self-tests and
     * falls back to a slower correct path, so this only restores speed.
     */
    static String openBlasEnv() {
        if (System.getenv("OPENBLAS_CORETYPE") != null) {
            return "\"OPENBLAS_CORETYPE\": \"" + jsonEscape(System.getenv("OPENBLAS_CORETYPE")) + "\"";
        }
        try {
            String cpu = Files.readString(Path.of("/proc/cpuinfo"));
            return cpu.contains(" avx2") ? "\"OPENBLAS_CORETYPE\": \"Haswell\"" : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Options for the JDK that runs the kernel (the JDK running the installer): from JDK 22 on, native
     * access for the unnamed module (JavaCPP loads ND4J's and OpenBLAS's libraries with
     * {@code System.load}); from JDK 23 on, {@code sun.misc.Unsafe} memory access for JavaCPP's indexers.
     * Without them JDK 24+ prints warnings into the first cell that uses ND4J.
     */
    static List<String> jdkOptions(int feature) {
        List<String> out = new java.util.ArrayList<>();
        if (feature >= 22) out.add("--enable-native-access=ALL-UNNAMED");
        if (feature >= 23) out.add("--sun-misc-unsafe-memory-access=allow");
        return out;
    }

    /** The {@code java} of the JDK running the installer: the kernelspec runs the kernel on that JDK. */
    static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KernelspecInstaller.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("resource " + name + " missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = org.coreloss.data.io.AtomicFiles.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

}
