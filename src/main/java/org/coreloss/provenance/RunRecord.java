package org.coreloss.provenance;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is needed to replay a run: its seeds, options, the SHA-256 of every dataset it read
 * (see {@code SpectraDataset.sha256()}), the processing steps applied, library versions, Java and
 * OS, the git commit of the working copy (when one is found) and wall-clock timings in seconds.
 * Immutable; build with {@link #builder(String)}. Serialised as JSON with gson
 * ({@link #toJson()}, {@link #fromJson(String)}); {@link #write(Path)} is atomic (temp file in the
 * same folder, then {@code ATOMIC_MOVE}).
 *
 * @param name        run name (free text, e.g. {@code "01-datasets"})
 * @param createdUtc  ISO-8601 instant the record was built
 * @param seeds       named seeds ({@code "split" -> 42})
 * @param options     named options (numbers, strings, lists; units in the key names)
 * @param datasets    dataset name -> SHA-256 hex of its spectra bytes, grid and labels
 * @param steps       processing steps in the order applied
 * @param libraries   library -> version (from jar names/manifests; "unknown" when not found)
 * @param java        {@code java.version} and vendor
 * @param os          {@code os.name os.version (os.arch)}
 * @param gitCommit   {@code git rev-parse HEAD} of the working directory, or null
 * @param timingsS    named wall-clock timings in seconds
 */
public record RunRecord(String name, String createdUtc, Map<String, Long> seeds, Map<String, Object> options,
                        Map<String, String> datasets, List<Step> steps, Map<String, String> libraries,
                        String java, String os, String gitCommit, Map<String, Double> timingsS) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .serializeSpecialFloatingPointValues().create();

    public RunRecord {
        Objects.requireNonNull(name, "name");
        seeds = Collections.unmodifiableMap(new LinkedHashMap<>(seeds == null ? Map.of() : seeds));
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
        datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets == null ? Map.of() : datasets));
        steps = List.copyOf(steps == null ? List.of() : steps);
        libraries = Collections.unmodifiableMap(new LinkedHashMap<>(libraries == null ? Map.of() : libraries));
        timingsS = Collections.unmodifiableMap(new LinkedHashMap<>(timingsS == null ? Map.of() : timingsS));
    }

    /** A builder that already holds the environment (Java, OS, library versions, git commit). */
    public static Builder builder(String name) { return new Builder(name); }

    /** A builder pre-filled with this record's content (to add to it). */
    public Builder toBuilder() {
        Builder b = new Builder(name, false);
        b.created = createdUtc; b.seeds.putAll(seeds); b.options.putAll(options); b.datasets.putAll(datasets);
        b.steps.addAll(steps); b.libraries.putAll(libraries); b.java = java; b.os = os; b.gitCommit = gitCommit;
        b.timings.putAll(timingsS);
        return b;
    }

    public String toJson() { return GSON.toJson(this); }

    /** Parses {@link #toJson()} output; throws {@link IllegalArgumentException} naming what was wrong. */
    public static RunRecord fromJson(String json) {
        try {
            RunRecord r = GSON.fromJson(json, RunRecord.class);
            if (r == null || r.name() == null) throw new IllegalArgumentException("run record JSON: expected an object with a \"name\" field");
            // gson reads JSON numbers in Map<String, Long> as Long and in Map<String,Object> as Double
            return r;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("run record JSON: " + e.getMessage(), e);
        }
    }

    public static RunRecord read(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the JSON atomically: a temp file in the same folder, then an atomic rename. */
    public void write(Path file) throws IOException {
        writeTextAtomically(file, toJson());
    }

    /** Writes {@code text} (UTF-8) to {@code file} through a temp file (umask modes) and an atomic rename. */
    static void writeTextAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = umaskTempFile(dir, "." + file.getFileName() + ".");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A small two-column HTML table (used by the notebook renderer). */
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<table class=\"coreloss-runrecord\"><caption>Run record: ")
                .append(esc(name)).append("</caption>");
        row(sb, "created (UTC)", createdUtc);
        row(sb, "seeds", String.valueOf(seeds));
        row(sb, "options", String.valueOf(options));
        for (var e : datasets.entrySet()) row(sb, "dataset " + e.getKey(), "sha256 " + e.getValue());
        for (int i = 0; i < steps.size(); i++) row(sb, "step " + (i + 1), steps.get(i).toString());
        row(sb, "libraries", String.valueOf(libraries));
        row(sb, "java", java);
        row(sb, "os", os);
        row(sb, "git commit", gitCommit == null ? "(none)" : gitCommit);
        for (var e : timingsS.entrySet()) row(sb, "time " + e.getKey(), String.format("%.3f s", e.getValue()));
        return sb.append("</table>").toString();
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("<tr><th style=\"text-align:left\">").append(esc(k)).append("</th><td style=\"text-align:left\">")
                .append(esc(v)).append("</td></tr>");
    }

    private static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final String name;
        private String created;
        private final Map<String, Long> seeds = new LinkedHashMap<>();
        private final Map<String, Object> options = new LinkedHashMap<>();
        private final Map<String, String> datasets = new LinkedHashMap<>();
        private final List<Step> steps = new ArrayList<>();
        private final Map<String, String> libraries = new LinkedHashMap<>();
        private String java, os, gitCommit;
        private final Map<String, Double> timings = new LinkedHashMap<>();

        private Builder(String name) { this(name, true); }

        private Builder(String name, boolean environment) {
            this.name = Objects.requireNonNull(name, "name");
            if (environment) {
                created = Instant.now().toString();
                java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
                os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")";
                libraries.putAll(libraryVersions());
                gitCommit = findGitCommit(Path.of("").toAbsolutePath());
            }
        }

        public Builder seed(String key, long seed) { seeds.put(key, seed); return this; }
        public Builder option(String key, Object value) { options.put(key, value); return this; }
        /** Records a dataset by name and its SHA-256 (see {@code SpectraDataset.sha256()}). */
        public Builder dataset(String name, String sha256) { datasets.put(name, sha256); return this; }
        public Builder step(Step step) { steps.add(Objects.requireNonNull(step, "step")); return this; }
        public Builder steps(List<Step> s) { s.forEach(this::step); return this; }
        public Builder timing(String key, double seconds) { timings.put(key, seconds); return this; }
        public Builder gitCommit(String commit) { gitCommit = commit; return this; }

        /** Runs {@code work}, records its wall-clock time under {@code key}, returns its result. */
        public <T> T time(String key, Supplier<T> work) {
            long t0 = System.nanoTime();
            try {
                return work.get();
            } finally {
                timing(key, (System.nanoTime() - t0) / 1e9);
            }
        }

        public RunRecord build() {
            return new RunRecord(name, created, seeds, options, datasets, steps, libraries, java, os, gitCommit, timings);
        }
    }

    private static final String[][] LIBRARIES = {
            {"coreloss", "org.coreloss.provenance.RunRecord"},
            {"tablesaw", "tech.tablesaw.api.Table"},
            {"gson", "com.google.gson.Gson"},
            {"xchart", "org.knowm.xchart.XYChart"},
            {"hipparchus", "org.hipparchus.util.FastMath"},
            {"deeplearning4j", "org.deeplearning4j.nn.multilayer.MultiLayerNetwork"},
            {"nd4j", "org.nd4j.linalg.factory.Nd4j"},
            {"jjava", "org.dflib.jjava.jupyter.kernel.BaseKernel"},
    };
    private static final Pattern JAR_VERSION = Pattern.compile("-(\\d[^/]*?)(-linux-x86_64.*)?\\.jar$");

    /** Versions of the main libraries on the class path, from jar names or manifests (classes are not initialised). */
    public static Map<String, String> libraryVersions() {
        Map<String, String> out = new LinkedHashMap<>();
        ClassLoader cl = RunRecord.class.getClassLoader();
        for (String[] lib : LIBRARIES) {
            String v = null;
            try {
                Class<?> c = Class.forName(lib[1], false, cl);
                Package p = c.getPackage();
                if (p != null) v = p.getImplementationVersion();
                if (v == null) {
                    CodeSource cs = c.getProtectionDomain().getCodeSource();
                    if (cs != null && cs.getLocation() != null) {
                        String loc = Path.of(cs.getLocation().toURI()).getFileName().toString();
                        Matcher m = JAR_VERSION.matcher(loc);
                        if (m.find()) v = m.group(1);
                        else if (lib[0].equals("coreloss")) v = projectVersion(cl);
                    }
                }
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // not on the class path: not used by this run
            } catch (URISyntaxException | RuntimeException e) {
                v = null;
            }
            out.put(lib[0], v == null ? "unknown" : v);
        }
        return out;
    }

    private static String projectVersion(ClassLoader cl) {
        try (InputStream in = cl.getResourceAsStream("META-INF/maven/org.coreloss/coreloss/pom.properties")) {
            if (in == null) return "dev";
            var p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    /** {@code git rev-parse HEAD} in {@code dir} (2 s limit), or null if git or a repository is absent. */
    public static String findGitCommit(Path dir) {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir.toFile())
                    .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.SECONDS)) { p.destroyForcibly(); return null; }
            if (p.exitValue() != 0) return null;
            String s = new String(out, StandardCharsets.UTF_8).trim();
            return s.matches("[0-9a-f]{40}") ? s : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    /** A new temp file with mode 0666 minus the umask ({@code Files.createTempFile} would make it 0600). */
    static Path umaskTempFile(Path dir, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }
}
