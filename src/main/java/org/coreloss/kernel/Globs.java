package org.coreloss.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Resolves paths with glob patterns ({@code *}, {@code **}, {@code ?}) relative to the working directory. */
final class Globs {
    private Globs() {}

    /** Existing files matching {@code pattern}, sorted; a plain path is returned as is if it exists. */
    static List<Path> resolve(String pattern) {
        return resolve(Path.of("").toAbsolutePath(), pattern);
    }

    static List<Path> resolve(Path base, String pattern) {
        String p = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        if (!p.contains("*") && !p.contains("?") && !p.contains("[")) {
            Path path = base.resolve(p).normalize();
            return Files.exists(path) ? List.of(path) : List.of();
        }
        // the fixed leading directories are the root of the walk
        Path abs = base.resolve(p);
        Path root = abs.getRoot() == null ? base : abs.getRoot();
        for (Path part : abs.subpath(0, abs.getNameCount())) {
            String s = part.toString();
            if (s.contains("*") || s.contains("?") || s.contains("[")) break;
            root = root.resolve(s);
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + abs.normalize().toString().replace("\\", "/"));
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) return out;
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(m::matches).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return out;
    }
}
