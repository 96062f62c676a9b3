package org.coreloss.studies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a study's files go, relative to the repository root (the first folder upwards holding pom.xml). */
public final class StudyPaths {
    private StudyPaths() {
    }

    /** The repository root above the working directory (notebooks run in their own folder). */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml"))) return p;
        }
        throw new IllegalStateException("no pom.xml in " + start + " or above: run from inside the Coreloss repository");
    }

    /** {@code build/figures/<name>}, created. */
    public static Path figures(String name) {
        return created(root().resolve("build/figures").resolve(name));
    }

    /** {@code build/results}: where notebooks write their runs (the committed ones are under {@code results/}). */
    public static Path buildResults() {
        return created(root().resolve("build/results"));
    }

    /**
     * Where notebooks write their results: {@code CORELOSS_RESULTS_DIR} (relative to the root; {@code results} writes the
     * committed copies) or, when unset, {@code build/results}.
     */
    public static Path notebookResults() {
        String env = System.getenv("CORELOSS_RESULTS_DIR");
        return env == null || env.isBlank() ? buildResults() : created(root().resolve(env));
    }

    /** {@code results}: the committed runs that README.md and docs quote. */
    public static Path committedResults() {
        return root().resolve("results");
    }

    private static Path created(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
