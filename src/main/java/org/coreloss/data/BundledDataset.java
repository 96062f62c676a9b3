package org.coreloss.data;

import java.io.IOException;

/**
 * A data set shipped in the project's {@code data/} folder. Implementations are listed in
 * {@code META-INF/services/org.coreloss.data.BundledDataset} and found by {@link Datasets} with
 * {@link java.util.ServiceLoader}; they need a public no-argument constructor.
 * {@link #load()} reads the files under {@link DataDirectory#locate()} (never from the network).
 */
public interface BundledDataset {
    /** Short lower-case name with dashes, e.g. {@code "s-k-seidler"}. */
    String name();

    /** One sentence: what the spectra are, edge, how many, labels. */
    String description();

    /** Licence of the data (SPDX id where there is one, e.g. {@code "MIT"}). */
    String licence();

    /** Reads the data set. Throws {@link IOException} (or a {@code DataFormatException}) naming the file on failure. */
    SpectraDataset load() throws IOException;

    /** Number of spectra, if known without loading; -1 otherwise. */
    default int rows() { return -1; }
}
