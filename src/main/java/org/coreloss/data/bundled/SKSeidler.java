package org.coreloss.data.bundled;

import org.coreloss.data.BundledDataset;
import org.coreloss.data.DataDirectory;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.DatasetFolderFormat;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code s-k-seidler}: 770 computed S K-edge XANES spectra (NWChem TDDFT, broadened by the authors;
 * 2467-2498 eV, 1000 points) of sulfur-organic molecules from Tetef, Govind and Seidler, Phys. Chem.
 * Chem. Phys. (2021), doi:10.1039/D1CP02903G (MIT). Labels per compound: {@code folder_type} (Type1-5 or
 * TEST), {@code type_number} (1-5; missing for TEST), {@code compound_class} (sulfide, thiocarbonyl,
 * thiol, sulfoxide, sulfone, unknown), {@code conjugation} (Conj/NoConj/Mixed/empty) and
 * {@code oxidation_state}: the formal sulfur oxidation state implied by the class, counting each
 * S-C and S-H bond as -1 and each S=O as +2 for S (sulfide, thiol, thiocarbonyl: -2; sulfoxide: 0;
 * sulfone: +2; TEST compounds: missing). See {@code data/s-k-seidler/PROVENANCE.md}.
 * The matching Kbeta emission spectra are {@link SKSeidlerXes} ({@code s-k-seidler-xes}).
 */
public final class SKSeidler implements BundledDataset {
    @Override public String name() { return "s-k-seidler"; }
    @Override public String description() {
        return "770 computed S K-edge XANES (2467-2498 eV) of sulfur-organic molecules; compound class, S oxidation state";
    }
    @Override public String licence() { return "MIT"; }
    @Override public int rows() { return 770; }

    static Path folder(String sub) { return DataDirectory.locate().resolve("s-k-seidler").resolve(sub); }

    @Override public SpectraDataset load() throws IOException {
        return new DatasetFolderFormat().read(folder("xanes")).withName(name());
    }
}
