package org.coreloss.data;

import org.coreloss.data.io.SpectraIO;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.coreloss.structure.Structure;
import org.coreloss.structure.StructureReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The label join on the shipped FDMNES-layout demo set (data/fe-k-fdmnes-demo) and on small hand-made cases. */
class SiteLabelsTest {
    static final Path DEMO = Path.of("data/fe-k-fdmnes-demo");

    @Test
    void joinsEveryDemoSpectrumToItsClusterAndComputesTheFeGeometry() throws Exception {
        SpectraDataset spectra = SpectraIO.read(DEMO.resolve("spectra"));
        assertEquals(180, spectra.size());
        assertEquals("fe_001", spectra.id(0), "_conv suffix dropped");
        assertEquals("resample-on-load", spectra.history().get(0).name(), "two grids in the folder");
        assertEquals(7100.0, spectra.grid().minEv(), 1e-9);
        assertEquals(0.4, spectra.grid().stepEv(), 1e-12);
        assertEquals(7180.0, spectra.grid().maxEv(), 1e-9);
        assertEquals(201, spectra.channels());
        SpectraDataset d = SiteLabels.forDataset(spectra, DEMO.resolve("structures"), "Fe", SiteLabels.Options.defaults());
        double[] cn = d.label("coordination_number"), r = d.label("mean_bond_length_A");
        for (int i = 0; i < d.size(); i++) {
            assertEquals(4 + i % 3, cn[i], 0, "generator: CN = 4, 5, 6 in turn (" + d.id(i) + ")");
            Structure s = StructureReader.read(DEMO.resolve("structures").resolve(d.id(i) + ".xyz"));
            double sum = 0;
            for (int k = 1; k <= 4 + i % 3; k++) { double[] x = s.cartesianA(k); sum += Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]); }
            assertEquals(sum / (4 + i % 3), r[i], 1e-9, "mean Fe-O over the first shell, second shell (> 3.4 A) excluded");
        }
        assertArrayEquals(cn, d.label("cn_O"));
        assertTrue(Double.isNaN(d.label("voronoi_volume_A3")[0]), "clusters: no Voronoi volume");
        assertEquals("fe_001.xyz", d.labelAsString("structure_file")[0]);
        assertEquals("site-labels", d.history().get(d.history().size() - 1).name());
    }

    @Test
    void missingStructuresAndAmbiguousAbsorbersAreErrorsNamingWhatToDo(@TempDir Path dir) throws Exception {
        SpectraDataset ds = SpectraDataset.of("x", SpectrumMatrix.of(EnergyGrid.uniform(0, 1, 2), new float[][]{{1, 2}, {3, 4}}), new String[]{"a", "b:O1_K1"});
        Files.writeString(dir.resolve("a.xyz"), "3\n\nFe 0 0 0\nO 2 0 0\nFe 0 0 4\n");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> SiteLabels.forDataset(ds, dir, "Fe", SiteLabels.Options.defaults()));
        assertTrue(e.getMessage().contains("[b:O1_K1]"), e.getMessage());
        SpectraDataset a = ds.subset(new int[]{0});
        IllegalArgumentException amb = assertThrows(IllegalArgumentException.class, () -> SiteLabels.forDataset(a, dir, "Fe", SiteLabels.Options.defaults()));
        assertTrue(amb.getMessage().contains("FIRST, CENTRE or MEAN"), amb.getMessage());
        SpectraDataset first = SiteLabels.forDataset(a, dir, "Fe", SiteLabels.Options.defaults().withSite(SiteLabels.AbsorberSite.FIRST));
        assertEquals(1.0, first.label("coordination_number")[0]);
        assertEquals(2.0, first.label("mean_bond_length_A")[0], 1e-12);
        SpectraDataset mean = SiteLabels.forDataset(a, dir, "Fe", SiteLabels.Options.defaults().withSite(SiteLabels.AbsorberSite.MEAN));
        assertEquals(0.5, mean.label("coordination_number")[0], 1e-12, "second Fe has no O within 2.6 A");
        Files.writeString(dir.resolve("b.xyz"), "2\n\nO 0 0 0\nSi 1.6 0 0\n");
        SpectraDataset both = SiteLabels.forDataset(ds, dir, "O", SiteLabels.Options.defaults().withSite(SiteLabels.AbsorberSite.FIRST));
        assertEquals(1.6, both.label("mean_bond_length_A")[1], 1e-12, "id b:O1_K1 matched to b.xyz");
        SpectraDataset ac = SpectraDataset.of("y", SpectrumMatrix.of(EnergyGrid.uniform(0, 1, 2), new float[][]{{1, 2}, {3, 4}}), new String[]{"a", "c"});
        SpectraDataset dropped = SiteLabels.forDataset(ac, dir, "Fe", SiteLabels.Options.defaults().withDropUnmatched(true).withSite(SiteLabels.AbsorberSite.FIRST));
        assertArrayEquals(new String[]{"a"}, dropped.ids());
        IllegalArgumentException noSi = assertThrows(IllegalArgumentException.class, () -> SiteLabels.forDataset(a, dir, "Si", SiteLabels.Options.defaults()));
        assertTrue(noSi.getMessage().contains("no Si atom"), noSi.getMessage());
    }
}
