package org.coreloss.data.bundled;

import org.coreloss.data.BundledDataset;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.DatasetFolderFormat;

import java.io.IOException;

/**
 * {@code s-k-seidler-xes}: 800 computed S Kbeta valence-to-core emission spectra (DFT, 2445-2480 eV,
 * 1000 points) of the same molecules as {@link SKSeidler}, with the same labels (MIT).
 */
public final class SKSeidlerXes implements BundledDataset {
    @Override public String name() { return "s-k-seidler-xes"; }
    @Override public String description() {
        return "800 computed S Kbeta valence-to-core XES (2445-2480 eV) of the s-k-seidler molecules; same labels";
    }
    @Override public String licence() { return "MIT"; }
    @Override public int rows() { return 800; }

    @Override public SpectraDataset load() throws IOException {
        return new DatasetFolderFormat().read(SKSeidler.folder("xes")).withName(name());
    }
}
