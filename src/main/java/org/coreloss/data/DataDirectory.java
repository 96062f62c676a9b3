package org.coreloss.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the project's bundled {@code data/} folder. Order:
 * <ol>
 *   <li>system property {@code coreloss.data} (the folder itself, e.g. {@code /opt/coreloss/data});</li>
 *   <li>environment variable {@code CORELOSS_DATA} (same);</li>
 *   <li>walking up from the working directory to the first folder that contains a {@code data/}
 *       folder with a {@code PROVENANCE.md};</li>
 *   <li>walking up from the location of the Coreloss classes or jar, same test.</li>
 * </ol>
 */
public final class DataDirectory {
    public static final String PROPERTY = "coreloss.data";
    public static final String ENV = "CORELOSS_DATA";

    private DataDirectory() {}

    /** The data folder; throws {@link IllegalStateException} saying where it looked. */
    public static Path locate() {
        return find().orElseThrow(() -> new IllegalStateException("Coreloss data folder not found: set -D" + PROPERTY
                + "=/path/to/data or " + ENV + ", or run from inside the project (looked upward from "
                + String.join(" and ", starts()) + " for a data/ folder containing PROVENANCE.md)"));
    }

    /** The data folder, if found. */
    public static Optional<Path> find() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank() && Files.isDirectory(Path.of(p))) return Optional.of(Path.of(p).toAbsolutePath());
        String e = System.getenv(ENV);
        if (e != null && !e.isBlank() && Files.isDirectory(Path.of(e))) return Optional.of(Path.of(e).toAbsolutePath());
        for (String s : starts()) {
            Optional<Path> f = walkUp(Path.of(s));
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    private static List<String> starts() {
        List<String> out = new ArrayList<>();
        out.add(Path.of("").toAbsolutePath().toString());
        try {
            var cs = DataDirectory.class.getProtectionDomain().getCodeSource();
            if (cs != null && cs.getLocation() != null) out.add(Path.of(cs.getLocation().toURI()).toAbsolutePath().toString());
        } catch (URISyntaxException | RuntimeException ignored) {
            // no usable code source (e.g. JShell snippet class loader): the working directory remains
        }
        return out;
    }

    static Optional<Path> walkUp(Path start) {
        for (Path d = start.toAbsolutePath(); d != null; d = d.getParent()) {
            Path data = d.resolve("data");
            if (Files.isDirectory(data) && Files.isRegularFile(data.resolve("PROVENANCE.md"))) return Optional.of(data);
        }
        return Optional.empty();
    }
}
