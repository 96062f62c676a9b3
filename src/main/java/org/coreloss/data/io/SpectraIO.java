package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads and writes spectra, choosing the {@link SpectraFormat} by extension ({@code .csv} wide CSV,
 * {@code .xdi}, {@code .spec} Quanty, {@code .npy}, {@code .npz}) or, for folders, by layout
 * ({@code manifest.json}: dataset folder; otherwise a folder of two-column files). Further formats
 * can be registered. All writes are atomic.
 */
public final class SpectraIO {
    private static final List<SpectraFormat> FORMATS = new CopyOnWriteArrayList<>(List.of(
            new DatasetFolderFormat(), new TwoColumnFolderFormat(), new WideCsvFormat(), new XdiFormat(),
            new QuantySpecFormat(), new NpyFormat(), new NpyFormat(true, false), new TextSpectrumFormat()));

    private SpectraIO() {}

    /** Adds a format; it is tried before the built-in ones. */
    public static void register(SpectraFormat f) { FORMATS.add(0, f); }

    public static List<SpectraFormat> formats() { return new ArrayList<>(FORMATS); }

    /** The format that reads {@code path}; throws naming the supported extensions. */
    public static SpectraFormat formatFor(Path path) throws IOException {
        for (SpectraFormat f : FORMATS) if (f.canRead(path)) return f;
        throw new DataFormatException(path, 0, 0, "unknown file type '." + extension(path) + "': expected one of " + supported() + " or a folder");
    }

    public static SpectraDataset read(Path path) throws IOException {
        if (!Files.exists(path)) throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        return formatFor(path).read(path);
    }

    /**
     * Reads with options: text files and folders of them go through {@link SpectraFolders} (skip lines, comments,
     * columns, kind, glob, grid rule); a {@code .csv} with {@link ReadOptions#grid()} set is read as a header-less
     * wide CSV on that grid; other formats accept only the default options.
     */
    public static SpectraDataset read(Path path, ReadOptions options) throws IOException {
        if (options == null || options.isDefault()) return read(path);
        if (!Files.exists(path)) throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        SpectraFormat f = formatFor(path);
        if (f instanceof TwoColumnFolderFormat || f instanceof TextSpectrumFormat) return SpectraFolders.read(path, options);
        if (f instanceof WideCsvFormat) return WideCsvFormat.read(path, options);
        throw new IllegalArgumentException(path + " is read as " + f.name() + ", which takes no reading options (" + options.describe()
                + "): options apply to text spectra (.txt/.dat/.xy), folders of them and .csv");
    }

    /**
     * Writes by extension; a path without extension is written as a dataset folder. Throws
     * {@link IllegalArgumentException} for formats that cannot write.
     */
    public static void write(SpectraDataset ds, Path path) throws IOException {
        String ext = extension(path);
        if (ext.isEmpty()) { new DatasetFolderFormat().write(ds, path); return; }
        for (SpectraFormat f : FORMATS) {
            if (f.extensions().contains(ext)) {
                if (!f.canWrite()) throw new IllegalArgumentException(f.name() + " (." + ext + ") is read-only; write .csv, .npy, .npz or a dataset folder");
                f.write(ds, path);
                return;
            }
        }
        throw new IllegalArgumentException("unknown extension '." + ext + "' for " + path + ": expected one of " + supported() + " or none (dataset folder)");
    }

    static List<String> supported() {
        List<String> s = new ArrayList<>();
        for (SpectraFormat f : FORMATS) for (String e : f.extensions()) if (!s.contains("." + e)) s.add("." + e);
        return s;
    }

    /** Lower-case extension without the dot ("" for none or folders). */
    public static String extension(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString();
        int d = n.lastIndexOf('.');
        return d <= 0 ? "" : n.substring(d + 1).toLowerCase(Locale.ROOT);
    }

    /** File name without the extension. */
    public static String stem(Path p) {
        String n = p.toAbsolutePath().normalize().getFileName().toString();
        int d = n.lastIndexOf('.');
        return d <= 0 ? n : n.substring(0, d);
    }
}
