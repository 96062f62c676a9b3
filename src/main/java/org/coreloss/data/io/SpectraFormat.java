package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A file format for spectra, registered in {@link SpectraIO} and chosen by extension (or folder layout). */
public interface SpectraFormat {
    /** Short name, e.g. {@code "wide-csv"}. */
    String name();

    /** Lower-case extensions without the dot ({@code "csv"}); empty for folder formats. */
    List<String> extensions();

    /** Whether this format reads {@code path} (by extension, or folder layout for folder formats). */
    boolean canRead(Path path);

    SpectraDataset read(Path path) throws IOException;

    default boolean canWrite() { return true; }

    /** Writes atomically (temp file or folder, then {@code ATOMIC_MOVE}). */
    void write(SpectraDataset dataset, Path path) throws IOException;
}
