package org.coreloss.studies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where studies and notebooks read and write. Reading repository files (test fixtures, committed results) uses
 * {@link #root()}, the checkout above the working directory. Writing never depends on finding a pom.xml: outputs go
 * under {@link #outputRoot()}: {@code CORELOSS_OUTPUT_DIR} when set, otherwise {@code build/} in the working directory
 * (a notebook runs in its own folder, so a copied notebook writes beside itself).
 */
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

    /** {@code CORELOSS_OUTPUT_DIR} (made absolute against the working directory) or {@code ./build}; created. */
    public static Path outputRoot() {
        String env = System.getenv("CORELOSS_OUTPUT_DIR");
        Path cwd = Path.of("").toAbsolutePath();
        return created(env == null || env.isBlank() ? cwd.resolve("build") : cwd.resolve(env).normalize());
    }

    /** {@code <output root>/figures/<name>}, created. */
    public static Path figures(String name) {
        return created(outputRoot().resolve("figures").resolve(name));
    }

    /** {@code <output root>/results}: where notebooks write their runs (the committed ones are under {@code results/}). */
    public static Path buildResults() {
        return created(outputRoot().resolve("results"));
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
