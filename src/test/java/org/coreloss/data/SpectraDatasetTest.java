package org.coreloss.data;

import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.*;

class SpectraDatasetTest {
    static SpectraDataset sample() {
        EnergyGrid g = EnergyGrid.uniform(0, 2, 3);
        SpectrumMatrix m = SpectrumMatrix.of(g, new float[][]{{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {9, 10, 11}});
        Table t = Table.create("t", StringColumn.create("id", "a", "b", "c", "d"),
                DoubleColumn.create("ox", 1, 2, 2, 4), StringColumn.create("cls", "x", "y", "y", "z"));
        return SpectraDataset.of("sample", m, t);
    }

    @Test
    void subsetFilterConcatKeepRowsAligned() {
        SpectraDataset d = sample();
        SpectraDataset s = d.subset(new int[]{2, 0});
        assertArrayEquals(new String[]{"c", "a"}, s.ids());
        assertArrayEquals(new double[]{2, 1}, s.label("ox"));
        assertArrayEquals(new float[]{6, 7, 8}, s.spectra().row(0));
        SpectraDataset f = d.filter(r -> r.getString("cls").equals("y"));
        assertArrayEquals(new String[]{"b", "c"}, f.ids());
        assertArrayEquals(new float[]{3, 4, 5}, f.spectra().row(0));
        SpectraDataset c = d.subset(new int[]{0}).concat(d.subset(new int[]{3}));
        assertArrayEquals(new String[]{"a", "d"}, c.ids());
        assertArrayEquals(new float[]{9, 10, 11}, c.spectra().row(1));
        assertThrows(IllegalArgumentException.class, () -> d.concat(d), "duplicate ids are rejected");
    }

    @Test
    void describeAndErrors() {
        SpectraDataset d = sample();
        Table s = d.describe();
        assertEquals(4, s.rowCount()); // <spectra>, id, ox, cls
        assertEquals(2.25, s.doubleColumn("mean").get(2), 1e-12);
        assertEquals(5.5, s.doubleColumn("mean").get(0), 1e-12);
        var e = assertThrows(IllegalArgumentException.class, () -> d.label("cls"));
        assertTrue(e.getMessage().contains("cls") && e.getMessage().contains("numeric"));
        assertThrows(IllegalArgumentException.class, () -> d.label("nope"));
        assertEquals(d.sha256(), sample().sha256());
        assertNotEquals(d.sha256(), d.subset(new int[]{1, 0, 2, 3}).sha256());
    }
}
