package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;
import org.coreloss.progress.ProgressListener;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Format fixtures written by us (src/test/resources/ckedge/make_fixtures.py, h5py) in the layout of the C K-edge
 * database files of Shibata et al., Sci. Data 9, 214 (2022); the spectra are Gaussians of sigma 0.5 eV and area 1,
 * so values are checked against the formula.
 */
class CkEdgeHdf5Test {
    private static final double SIGMA = 0.5;

    private static Path fixture(String name) throws Exception {
        return Path.of(CkEdgeHdf5Test.class.getResource("/ckedge/" + name).toURI());
    }

    /** Gaussian of area 1 and sigma 0.5 eV at distance d (eV) from its centre. */
    private static double g(double d) {
        return Math.exp(-0.5 * (d / SIGMA) * (d / SIGMA)) / (Math.sqrt(2 * Math.PI) * SIGMA);
    }

    @Test
    void readsSiteSpectraInQm9AndSiteOrderWithTheirAttributes() throws Exception {
        Path f = fixture("site_spectra_fixture.hdf5");
        assertEquals(CkEdgeHdf5.Kind.SITE, CkEdgeHdf5.kind(f));
        SpectraDataset ds = CkEdgeHdf5.read(f);
        assertEquals(CkEdgeHdf5.DEFAULT_GRID, ds.grid());
        assertArrayEquals(new String[]{"mol1_site0", "mol7_site0", "mol12_site2", "mol12_site10"}, ds.ids(),
                "molecules and sites sorted by number, not by name");
        assertArrayEquals(new double[]{1, 7, 12, 12}, ds.label("qm9_index"));
        assertArrayEquals(new double[]{0, 0, 2, 10}, ds.label("site"));
        assertArrayEquals(new double[]{1, 2, 1, 1}, ds.label("multiplicity"));
        assertArrayEquals(new double[]{290.0, 287.5, 291.0, 292.0}, ds.label("excitation_energy_eV"));
        assertEquals(-710.0, ds.label("final_energy_ex_eV")[0], 1e-12);
        assertEquals(-1000.0, ds.label("final_energy_gs_eV")[0], 1e-12);
    }

    @Test
    void shiftsSitesByTheirExcitationEnergyAndSelectsTheComponent() throws Exception {
        Path f = fixture("site_spectra_fixture.hdf5");
        // site 1/0: x, y, z peaks at 1, 2, 3 eV relative; excitation energy 290 eV
        EnergyGrid grid = EnergyGrid.of(291.0, 292.0, 293.0, 350.0);
        CkEdgeHdf5.Options o = CkEdgeHdf5.Options.defaults().withGrid(grid);
        SpectraDataset x = CkEdgeHdf5.readSites(f, o.withComponent(CkEdgeHdf5.Component.X), ProgressListener.NONE);
        float[] r = x.spectra().row(0);
        assertEquals(g(0), r[0], 1e-6);
        assertEquals(g(1), r[1], 1e-6);
        assertEquals(g(2), r[2], 1e-6);
        assertEquals(0.0, r[3], 0.0, "outside the stored range: 0");
        SpectraDataset z = CkEdgeHdf5.readSites(f, o.withComponent(CkEdgeHdf5.Component.Z), ProgressListener.NONE);
        assertEquals(g(0), z.spectra().get(0, 2), 1e-6);
        SpectraDataset total = CkEdgeHdf5.readSites(f, o, ProgressListener.NONE);
        assertEquals((g(0) + g(1) + g(2)) / 3, total.spectra().get(0, 0), 1e-6, "total = mean of x, y, z");
        // relative energies: the x peak stays at 1 eV
        SpectraDataset rel = CkEdgeHdf5.readSites(f, o.withGrid(EnergyGrid.of(1.0, 2.0)).withAbsoluteEnergies(false)
                .withComponent(CkEdgeHdf5.Component.X), ProgressListener.NONE);
        assertEquals(g(0), rel.spectra().get(0, 0), 1e-6);
        assertEquals(g(1), rel.spectra().get(0, 1), 1e-6);
        // between samples (0.1 eV apart): linear interpolation, within the Gaussian's curvature
        SpectraDataset mid = CkEdgeHdf5.readSites(f, o.withGrid(EnergyGrid.of(291.55)).withComponent(CkEdgeHdf5.Component.X), ProgressListener.NONE);
        assertEquals((g(0.5) + g(0.6)) / 2, mid.spectra().get(0, 0), 1e-6);
    }

    @Test
    void readsMoleculeFilesWithAndWithoutTheTotalColumn() throws Exception {
        Path f = fixture("mol_spectra_fixture.hdf5"), nt = fixture("mol_spectra_nototal_fixture.hdf5");
        assertEquals(CkEdgeHdf5.Kind.MOLECULE, CkEdgeHdf5.kind(f));
        EnergyGrid grid = EnergyGrid.uniform(286.0, 292.0, 61);
        CkEdgeHdf5.Options o = CkEdgeHdf5.Options.defaults().withGrid(grid);
        SpectraDataset m = CkEdgeHdf5.read(f, o.withComponent(CkEdgeHdf5.Component.Y), ProgressListener.NONE);
        assertArrayEquals(new String[]{"mol1", "mol7"}, m.ids());
        assertEquals(g(0), m.spectra().get(1, grid.nearestIndex(289.0)), 1e-6, "molecule 7: y peak at 289 eV (absolute)");
        // without the total column the total is the mean of x, y, z: same numbers as the file that stores it
        SpectraDataset withTotal = CkEdgeHdf5.read(f, o, ProgressListener.NONE);
        SpectraDataset computed = CkEdgeHdf5.read(nt, o, ProgressListener.NONE);
        assertArrayEquals(new String[]{"mol7"}, computed.ids());
        assertArrayEquals(withTotal.spectra().row(1), computed.spectra().row(0), 1e-6f);
        assertArrayEquals(m.spectra().row(1), CkEdgeHdf5.read(nt, o.withComponent(CkEdgeHdf5.Component.Y), ProgressListener.NONE).spectra().row(0), 0f);
    }

    @Test
    void maxMoleculesTakesTheLowestQm9Indices() throws Exception {
        SpectraDataset ds = CkEdgeHdf5.read(fixture("site_spectra_fixture.hdf5"),
                CkEdgeHdf5.Options.defaults().withMaxMolecules(2), ProgressListener.NONE);
        assertArrayEquals(new String[]{"mol1_site0", "mol7_site0"}, ds.ids());
    }

    @Test
    void moleculeSpectrumIsTheMultiplicityWeightedSiteMean() {
        EnergyGrid grid = EnergyGrid.of(1, 2);
        SpectrumMatrix s = new SpectrumMatrix(grid, 3, new float[]{1, 2, 5, 10, 7, 7});
        Table t = Table.create("sites", StringColumn.create("id", "mol9_site0", "mol9_site3", "mol4_site1"),
                IntColumn.create("qm9_index", 9, 9, 4), DoubleColumn.create("multiplicity", 1, 3, 2));
        SpectraDataset mol = CkEdgeHdf5.moleculesFromSites(SpectraDataset.of("sites", s, t));
        assertArrayEquals(new String[]{"mol4", "mol9"}, mol.ids());
        assertArrayEquals(new float[]{7, 7}, mol.spectra().row(0), 0f);
        assertArrayEquals(new float[]{(1 + 3 * 5) / 4f, (2 + 3 * 10) / 4f}, mol.spectra().row(1), 1e-6f);
        assertArrayEquals(new double[]{2, 4}, mol.label("n_carbon_equivalent"));
        assertArrayEquals(new double[]{1, 2}, mol.label("n_sites"));
    }

    @Test
    void joinsQm9LabelsByIndexAndDropsMoleculesWithoutLabels() throws Exception {
        SpectraDataset sites = CkEdgeHdf5.read(fixture("site_spectra_fixture.hdf5"));
        Table qm9 = Qm9Xyz.readFolder(Path.of(CkEdgeHdf5Test.class.getResource("/qm9/dsgdb9nsd_000007.xyz").toURI()).getParent());
        SpectraDataset joined = CkEdgeHdf5.withQm9Labels(sites, qm9);
        assertArrayEquals(new String[]{"mol7_site0"}, joined.ids(), "only molecule 7 has an xyz file among the fixtures");
        assertEquals(0.4, joined.label("gap_Ha")[0], 1e-12);
        assertEquals(-80.0, joined.label("U_Ha")[0], 1e-12);
        assertEquals(2, joined.label("n_carbon")[0], 0);
        assertEquals("dsgdb9nsd_000007", joined.labelAsString("qm9_file")[0]);
        assertArrayEquals(sites.spectra().row(1), joined.spectra().row(0), 0f);
    }

    @Test
    void cancellationStopsReading() throws Exception {
        ProgressListener cancelled = new ProgressListener() {
            @Override public void start(String task, long total) {}
            @Override public void advance(long done, String message) {}
            @Override public void finish() {}
            @Override public boolean isCancelled() { return true; }
        };
        assertThrows(CancellationException.class, () -> CkEdgeHdf5.readSites(fixture("site_spectra_fixture.hdf5"),
                CkEdgeHdf5.Options.defaults(), cancelled));
    }

    private static DataFormatException bad(String name) throws Exception {
        Path f = fixture(name);
        return assertThrows(DataFormatException.class, () -> CkEdgeHdf5.read(f));
    }

    @Test
    void badInputNamesTheFileTheHdf5ObjectAndWhatWasExpected() throws Exception {
        DataFormatException e = bad("bad_no_excitation_energy.hdf5");
        assertTrue(e.file().toString().endsWith("bad_no_excitation_energy.hdf5!/7/0"), e.file().toString());
        assertTrue(e.getMessage().contains("missing attribute 'excitation_energy'"), e.getMessage());

        e = bad("bad_rows_mismatch.hdf5");
        assertTrue(e.file().toString().endsWith("!/7/0/spectrum"), e.file().toString());
        assertTrue(e.getMessage().contains("145 rows, expected 150"), e.getMessage());

        e = bad("bad_molecule_name.hdf5");
        assertTrue(e.getMessage().contains("'gdb_7'") && e.getMessage().contains("QM9 index"), e.getMessage());

        e = bad("bad_energies_order.hdf5");
        assertTrue(e.file().toString().endsWith("!/7/energies"), e.file().toString());
        assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());

        e = bad("bad_spectrum_1d.hdf5");
        assertTrue(e.file().toString().endsWith("!/7/spectrum"), e.file().toString());
        assertTrue(e.getMessage().contains("1-D dataset, expected a 2-D spectrum"), e.getMessage());

        e = bad("bad_not_hdf5.hdf5");
        assertTrue(e.getMessage().contains("not a readable HDF5 file"), e.getMessage());
        assertEquals(fixture("bad_not_hdf5.hdf5"), e.file());
    }

    @Test
    void missingFilesAndBadOptionsAreRejected(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> CkEdgeHdf5.read(dir.resolve("site_spectra_0.5eV.hdf5")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CkEdgeHdf5.Options.defaults().withMaxMolecules(0));
        assertTrue(e.getMessage().contains("maxMolecules"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CkEdgeHdf5.Options.defaults().withGrid(null));
    }
}
