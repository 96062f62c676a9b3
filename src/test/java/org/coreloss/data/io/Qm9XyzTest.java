package org.coreloss.data.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Hand-made fixtures in the layout of the QM9 dsgdb9nsd_*.xyz files (Ramakrishnan et al., Sci. Data 2014). */
class Qm9XyzTest {
    private static Path fixture(String name) throws Exception {
        return Path.of(Qm9XyzTest.class.getResource("/qm9/" + name).toURI());
    }

    @Test
    void readsPropertiesAtomsAndIdentifiers() throws Exception {
        Qm9Xyz.Molecule m = Qm9Xyz.read(fixture("dsgdb9nsd_000003.xyz"));
        assertEquals(3, m.index());
        assertEquals(799.58812, m.property("A_GHz"), 1e-12);
        assertEquals(0.3615, m.property("gap_Ha"), 1e-12);
        assertEquals(-76.404702, m.property("U0_Ha"), 1e-12);
        assertEquals(6.002, m.property("Cv_cal_per_molK"), 1e-12);
        assertEquals(List.of("O", "H", "H"), m.elements());
        assertEquals(0.9775395708, m.positionsA()[0][1], 1e-12);
        assertEquals(2.9e-6, m.mullikenChargesE()[2], 1e-18, "Mathematica exponent 2.9*^-6");
        assertArrayEquals(new double[]{1636.6238, 3931.5958, 4040.7336}, m.frequenciesPerCm(), 1e-9);
        assertEquals("O", m.smiles());
        assertEquals("InChI=1S/H2O/h1H2", m.inchiRelaxed());
        assertEquals(0, m.count("C"));
        // gap = lumo - homo in these files
        assertEquals(m.property("lumo_Ha") - m.property("homo_Ha"), m.property("gap_Ha"), 1e-9);
    }

    @Test
    void readsAFolderIntoATable() throws Exception {
        Table t = Qm9Xyz.readFolder(fixture("dsgdb9nsd_000003.xyz").getParent());
        assertEquals(2, t.rowCount());
        assertEquals("dsgdb9nsd_000003", t.stringColumn("id").get(0));
        assertEquals(7, t.intColumn("qm9_index").get(1));
        assertEquals(2, t.intColumn("n_carbon").get(1));
        assertEquals(-80.0, t.doubleColumn("U_Ha").get(1), 1e-12);
        assertEquals(5 + 15, t.columnCount());
    }

    @Test
    void badInputNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(fixture("dsgdb9nsd_000003.xyz")));
        lines.set(3, "H\t0.06\tnot-a-number\t0.0\t0.29");
        DataFormatException e = assertThrows(DataFormatException.class, () -> Qm9Xyz.parse(dir.resolve("bad.xyz"), lines));
        assertEquals(4, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().contains("not-a-number"), e.getMessage());

        List<String> shortHead = new ArrayList<>(lines);
        shortHead.set(1, "gdb 3 1.0 2.0");
        DataFormatException h = assertThrows(DataFormatException.class, () -> Qm9Xyz.parse(dir.resolve("h.xyz"), shortHead));
        assertEquals(2, h.line());

        DataFormatException t = assertThrows(DataFormatException.class, () -> Qm9Xyz.parse(dir.resolve("t.xyz"), lines.subList(0, 4)));
        assertTrue(t.getMessage().contains("expected 8"), t.getMessage());
    }
}
