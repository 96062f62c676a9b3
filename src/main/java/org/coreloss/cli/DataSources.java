package org.coreloss.cli;

import org.coreloss.data.Datasets;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.ReadOptions;
import org.coreloss.data.io.SpectraIO;
import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.ShardedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves a {@code --data} argument: an existing path (simulate database folder or dataset file/folder), else a bundled name. */
final class DataSources {
    private DataSources() {}

    static SpectraDataset load(String arg) { return load(arg, ReadOptions.defaults()); }

    /** Same with reading options for text spectra and folders (see {@link ReadOptions}). */
    static SpectraDataset load(String arg, ReadOptions options) {
        Path p = Path.of(arg);
        try {
            if (Files.isDirectory(p) && Files.isRegularFile(p.resolve(DatabaseGenerator.DATABASE))) return ShardedDatabase.load(p);
            if (Files.exists(p)) return SpectraIO.read(p, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        if (Datasets.exists(arg)) return Datasets.load(arg);
        throw new IllegalArgumentException("--data " + arg + ": no such file or folder, and not a bundled dataset (" + Datasets.names() + ")");
    }
}
