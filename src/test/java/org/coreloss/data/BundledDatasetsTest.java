package org.coreloss.data;

import org.coreloss.data.bundled.XdiMeasured;
import org.coreloss.data.io.XdiFormat;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class BundledDatasetsTest {
    @Test
    void catalogListsOurSetsWithLicences() {
        Table t = Datasets.list();
        assertTrue(t.stringColumn("name").contains("s-k-seidler"));
        assertTrue(t.stringColumn("name").contains("xdi-measured"));
        for (int i = 0; i < t.rowCount(); i++) assertFalse(t.stringColumn("licence").get(i).isBlank());
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.get("nope"));
        assertTrue(e.getMessage().contains("s-k-seidler"), "lists the known names");
    }

    @Test
    void everyBundledSetLoadsWithTheAdvertisedSizeAndFiniteValues() {
        for (BundledDataset b : Datasets.all()) {
            SpectraDataset d = Datasets.load(b.name());
            if (b.rows() >= 0) assertEquals(b.rows(), d.size(), b.name());
            for (float v : d.spectra().rawData()) assertTrue(Float.isFinite(v), b.name());
            assertTrue(Files.isRegularFile(DataDirectory.locate().resolve("PROVENANCE.md")));
        }
    }

    @Test
    void seidlerOxidationStateFollowsTheClass() {
        SpectraDataset d = Datasets.load("s-k-seidler");
        assertEquals(1000, d.channels());
        assertEquals(2467.0, d.grid().minEv(), 1e-9);
        assertEquals(2498.0, d.grid().maxEv(), 1e-9);
        double[] ox = d.label("oxidation_state");
        String[] cls = d.labelAsString("compound_class");
        int[] counts = new int[4];
        for (int i = 0; i < ox.length; i++) {
            switch (cls[i]) {
                case "sulfide", "thiol", "thiocarbonyl" -> { assertEquals(-2.0, ox[i]); counts[0]++; }
                case "sulfoxide" -> { assertEquals(0.0, ox[i]); counts[1]++; }
                case "sulfone" -> { assertEquals(2.0, ox[i]); counts[2]++; }
                default -> { assertTrue(Double.isNaN(ox[i])); assertTrue(d.id(i).startsWith("TEST/")); counts[3]++; }
            }
        }
        assertArrayEquals(new int[]{355, 142, 220, 53}, counts);
        int thiane = d.indexOf("Type1/Methionine");
        assertTrue(thiane >= 0);
        assertEquals("sulfide", cls[thiane]);
        SpectraDataset xes = Datasets.load("s-k-seidler-xes");
        assertEquals(2445.0, xes.grid().minEv(), 1e-9);
    }

    @Test
    void everyBundledXdiFileReadsAndTheRelativeGridIsRight() throws Exception {
        var files = XdiMeasured.files();
        assertEquals(36, files.size());
        for (Path f : files) {
            SpectraDataset one = new XdiFormat().read(f);
            assertEquals(1, one.size());
            assertTrue(one.channels() > 40, f.toString());
            assertTrue(one.hasColumn("Element.symbol"), "header fields kept: " + one.columnNames());
        }
        SpectraDataset d = Datasets.load("xdi-measured");
        assertEquals(321, d.channels());
        assertEquals(-20.0, d.grid().minEv(), 1e-12);
        String[] el = d.labelAsString("element"), ed = d.labelAsString("edge");
        long pairs = java.util.stream.IntStream.range(0, d.size()).mapToObj(i -> el[i] + " " + ed[i]).distinct().count();
        assertEquals(22, pairs, "element/edge pairs");
        // a metal foil edge rises across E_edge: mu(+20 eV) > mu(-10 eV) for every spectrum
        int lo = d.grid().nearestIndex(-10), hi = d.grid().nearestIndex(20);
        for (int i = 0; i < d.size(); i++) assertTrue(d.spectra().get(i, hi) > d.spectra().get(i, lo), d.id(i));
    }
}
