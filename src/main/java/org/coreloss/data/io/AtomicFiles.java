package org.coreloss.data.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Atomic writes: the content goes to a hidden temp file (or folder) in the target's folder, which is
 * then renamed onto the target with {@code ATOMIC_MOVE}. If writing fails, the temp file is deleted
 * and the target is untouched (no partial file is ever visible under the target name). Files and folders get the
 * modes the process umask gives (0666/0777 minus umask), as with a plain write: the temp names are made with
 * {@link #createTempFile} / {@link #createTempFolder}, not {@code Files.createTemp*}, which make 0600/0700.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes the bytes produced by {@code body}. */
    @FunctionalInterface
    public interface Body { void write(OutputStream out) throws IOException; }

    /** Writes a folder's content into the given (temporary) folder. */
    @FunctionalInterface
    public interface FolderBody { void write(Path tempFolder) throws IOException; }

    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                body.write(out);
            }
            move(tmp, abs);
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    /**
     * Creates a new empty file {@code prefix + random + suffix} in {@code dir} with the permissions a plain
     * {@code Files.createFile} gives, i.e. 0666 minus the process umask (unlike {@code Files.createTempFile}, which
     * always makes 0600 files; the rename keeps the temp file's mode, so written files would be 0600).
     */
    public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + suffix);
            try {
                return Files.createFile(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /** A new folder {@code prefix + random} in {@code dir} with mode 0777 minus the umask (see {@link #createTempFile}). */
    public static Path createTempFolder(Path dir, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36));
            try {
                return Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Writes a whole folder atomically: a temp folder beside the target is filled, then renamed onto
     * the target. An existing target folder is first renamed aside and deleted after the swap.
     */
    public static void writeFolder(Path target, FolderBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        if (Files.exists(abs) && !Files.isDirectory(abs)) throw new IOException(abs + ": exists and is not a folder");
        Path tmp = createTempFolder(dir, "." + abs.getFileName() + ".");
        boolean done = false;
        try {
            body.write(tmp);
            Path old = null;
            if (Files.exists(abs)) {
                old = createTempFolder(dir, "." + abs.getFileName() + ".old.");
                Files.delete(old);
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
            }
            move(tmp, abs);
            done = true;
            if (old != null) deleteTree(old);
        } finally {
            if (!done) deleteTree(tmp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException { Files.delete(f); return FileVisitResult.CONTINUE; }
            @Override public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException { Files.delete(d); return FileVisitResult.CONTINUE; }
        });
    }
}
