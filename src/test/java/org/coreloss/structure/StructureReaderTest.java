package org.coreloss.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StructureReaderTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static final String NACL_LATTICE = "5.64 0 0\n0 5.64 0\n0 0 5.64\n";

    @Test
    void bundledPoscarHeader() throws IOException {
        Structure s = StructureReader.read(Path.of("data/o-k-litmo/POSCAR_20ps"));
        assertEquals(105, s.size());
        assertEquals(List.of("Fe", "Li", "O"), List.copyOf(s.speciesCounts().keySet()));
        assertEquals(49, s.indicesOf("O").length);
        assertEquals(56, s.indicesOf("O")[0]);
        double[][] l = s.latticeA();
        assertEquals(-1.3430854578815503, l[0][0], 0);
        assertEquals(14.9342778054343075, l[2][2], 0);
        assertArrayEquals(new double[] {0.2963832810542942, 0.9401310093057774, 0.0445248256313688}, s.fractional(0), 0);
    }

    @Test
    void vasp5DirectAndCartesianAgree() throws IOException {
        Structure d = StructureReader.read(write("POSCAR", "NaCl\n1.0\n" + NACL_LATTICE + "Na Cl\n1 1\nDirect\n0 0 0\n0.5 0 0\n"));
        Structure c = StructureReader.read(write("a.vasp", "NaCl\n2.0\n" + "2.82 0 0\n0 2.82 0\n0 0 2.82\n" + "Na Cl\n1 1\nCartesian\n0 0 0\n1.41 0 0\n"));
        assertEquals(d.volumeA3(), c.volumeA3(), 1e-9);
        assertArrayEquals(d.cartesianA(1), c.cartesianA(1), 1e-12);
        assertArrayEquals(new double[] {0.5, 0, 0}, c.fractional(1), 1e-12);
    }

    @Test
    void negativeScaleIsVolume() throws IOException {
        Structure s = StructureReader.read(write("CONTCAR", "x\n-27.0\n1 0 0\n0 1 0\n0 0 1\nSi\n1\nCartesian\n0.5 0.5 0.5\n"));
        assertEquals(27.0, s.volumeA3(), 1e-12);
        assertArrayEquals(new double[] {1.5, 1.5, 1.5}, s.cartesianA(0), 1e-12, "Cartesian positions scale with the lattice");
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, s.fractional(0), 1e-12);
    }

    @Test
    void threeScaleFactors() throws IOException {
        Structure s = StructureReader.read(write("POSCAR", "x\n1 2 3\n1 0 0\n0 1 0\n0 0 1\nSi\n1\nDirect\n0.5 0.5 0.5\n"));
        assertEquals(6.0, s.volumeA3(), 1e-12);
        assertArrayEquals(new double[] {0.5, 1.0, 1.5}, s.cartesianA(0), 1e-12);
    }

    @Test
    void vasp4WithSpeciesFromCommentOrArgument() throws IOException {
        String body = "\n1.0\n" + NACL_LATTICE + "1 1\nDirect\n0 0 0\n0.5 0 0\n";
        Structure a = StructureReader.read(write("POSCAR", "Na Cl rock salt" + body));
        assertEquals(List.of("Na", "Cl"), a.speciesList());
        Structure b = StructureReader.read(write("POSCAR", "rock salt" + body));
        assertEquals(List.of("X1", "X2"), b.speciesList());
        Structure c = StructureReader.readPoscar(dir.resolve("POSCAR"), List.of("K", "Br"));
        assertEquals(List.of("K", "Br"), c.speciesList());
    }

    @Test
    void selectiveDynamicsAndPotcarSuffixes() throws IOException {
        Structure s = StructureReader.read(write("POSCAR", "x\n1.0\n" + NACL_LATTICE
                + "Na_pv Cl/3f2a\n1 1\nSelective dynamics\nDirect\n0 0 0 T T F\n0.5 0 0 F F F\n\nlattice velocities ignored\n"));
        assertEquals(List.of("Na", "Cl"), s.speciesList());
        assertArrayEquals(new double[] {0.5, 0, 0}, s.fractional(1), 0);
    }

    @Test
    void plainXyzIsMolecule() throws IOException {
        Structure m = StructureReader.read(write("w.xyz", "3\nwater\nO 0 0 0\nH 0.96 0 0\n1 -0.24 0.93 0\n"));
        assertFalse(m.isPeriodic());
        assertEquals(List.of("O", "H", "H"), m.speciesList());
        assertEquals("water", m.name());
        assertThrows(IllegalStateException.class, m::volumeA3);
    }

    @Test
    void extendedXyzWithPropertiesColumns() throws IOException {
        Structure s = StructureReader.read(write("c.extxyz", "2\nLattice=\"5.64 0 0 0 5.64 0 0 0 5.64\" Properties=id:I:1:species:S:1:pos:R:3 pbc=\"T T T\"\n"
                + "7 Na 0 0 0\n8 Cl 2.82 0 0\n"));
        assertTrue(s.isPeriodic());
        assertEquals(5.64 * 5.64 * 5.64, s.volumeA3(), 1e-9);
        assertEquals("Cl", s.species(1));
        assertArrayEquals(new double[] {0.5, 0, 0}, s.fractional(1), 1e-12);
    }

    @Test
    void multiFrameXyz() throws IOException {
        List<Structure> f = StructureReader.readXyzFrames(write("t.xyz", "1\nf1\nHe 0 0 0\n2\nf2\nHe 0 0 0\nHe 1 0 0\n"));
        assertEquals(2, f.size());
        assertEquals(2, f.get(1).size());
    }

    static Stream<Structure> roundTripStructures() throws IOException {
        return Stream.of(Lattices.triclinic(), Lattices.skewed(), Lattices.rockSalt(5.64),
                StructureReader.read(Path.of("data/o-k-litmo/POSCAR_0k")));
    }

    @ParameterizedTest
    @MethodSource("roundTripStructures")
    void poscarRoundTripIsBitIdentical(Structure s) throws IOException {
        Path p = dir.resolve("POSCAR_rt");
        StructureWriter.writePoscar(s, p);
        Structure r = StructureReader.read(p);
        assertEquals(s.speciesList(), r.speciesList());
        assertArrayEquals(s.latticeA(), r.latticeA());
        for (int i = 0; i < s.size(); i++) {
            assertArrayEquals(s.fractional(i), r.fractional(i), 0.0);
            assertArrayEquals(s.cartesianA(i), r.cartesianA(i), 0.0);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @ParameterizedTest
    @MethodSource("roundTripStructures")
    void xyzRoundTrip(Structure s) throws IOException {
        Path p = dir.resolve("rt.xyz");
        StructureWriter.writeXyz(s, p);
        Structure r = StructureReader.read(p);
        assertEquals(s.speciesList(), r.speciesList());
        assertArrayEquals(s.latticeA(), r.latticeA());
        for (int i = 0; i < s.size(); i++) assertArrayEquals(s.cartesianA(i), r.cartesianA(i), 0.0, "Cartesian coordinates are written exactly");
        assertEquals(s.volumeA3(), r.volumeA3(), 1e-12 * s.volumeA3());
    }

    @Test
    void moleculeXyzRoundTrip() throws IOException {
        Structure m = Structure.molecule("CO2", List.of("C", "O", "O"), new double[][] {{0, 0, 0}, {1.16, 0, 0}, {-1.16, 0, 0}});
        Path p = dir.resolve("co2.xyz");
        StructureWriter.writeXyz(m, p);
        Structure r = StructureReader.read(p);
        assertFalse(r.isPeriodic());
        assertEquals("CO2", r.name());
        assertArrayEquals(m.cartesianA(2), r.cartesianA(2), 0.0);
    }

    static Stream<Arguments> badFiles() {
        String lat = NACL_LATTICE;
        return Stream.of(
                Arguments.of("POSCAR", "", 0, "empty file"),
                Arguments.of("POSCAR", "x\n", 2, "scale factor"),
                Arguments.of("POSCAR", "x\nabc\n" + lat, 2, "not a number"),
                Arguments.of("POSCAR", "x\n0\n" + lat, 2, "scale factor is 0"),
                Arguments.of("POSCAR", "x\n1.0\n5.64 0 0\n0 5.64\n0 0 5.64\n", 4, "lattice vector b"),
                Arguments.of("POSCAR", "x\n1.0\n5.64 0 0\n0 NaN 0\n0 0 5.64\n", 4, "not finite"),
                Arguments.of("POSCAR", "x\n1.0\n1 0 0\n2 0 0\n0 0 1\nNa\n1\nDirect\n0 0 0\n", 5, "linearly dependent"),
                Arguments.of("POSCAR", "x\n1.0\n" + lat + "Na Cl\n1\nDirect\n0 0 0\n", 7, "1 atom counts for 2 species"),
                Arguments.of("POSCAR", "x\n1.0\n" + lat + "Na Cl\n1 x\nDirect\n0 0 0\n", 7, "not an atom count"),
                Arguments.of("POSCAR", "x\n1.0\n" + lat + "Na\n-1\nDirect\n", 7, "negative atom count"),
                Arguments.of("POSCAR", "x\n1.0\n" + lat + "Na\n1\nFoo\n0 0 0\n", 8, "expected 'Direct' or 'Cartesian'"),
                Arguments.of("POSCAR", "x\n1.0\n" + lat + "Na Cl\n1 2\nDirect\n0 0 0\n0.5 0 0\n", 11, "atom 3 of 3"),
                Arguments.of("POSCAR", "x\n1.0\n" + lat + "Na\n1\nDirect\n0 0\n", 9, "expected 3 coordinates"),
                Arguments.of("POSCAR", "x\n1.0\n" + lat + "Na\n1\nDirect\n0 0 1e400\n", 9, "not finite"),
                Arguments.of("POSCAR", "x\n1.0\n" + lat + "Na\n1\nSelective dynamics\nDirect\n0 0 0 T X T\n", 10, "expected T or F"),
                Arguments.of("POSCAR", "x\n1 -2 3\n" + lat + "Na\n1\nDirect\n0 0 0\n", 2, "must all be positive"),
                Arguments.of("POSCAR", "x\n1.0\n" + lat + "Na\n1\nDirect\n0,5 0 0\n", 9, "'0,5' is not a number"),
                Arguments.of("a.xyz", "", 0, "empty file"),
                Arguments.of("a.xyz", "two\nc\nH 0 0 0\n", 1, "positive number of atoms"),
                Arguments.of("a.xyz", "2\nc\nH 0 0 0\n", 4, "atom 2 of 2"),
                Arguments.of("a.xyz", "1\nc\nH 0 zero 0\n", 3, "'zero' is not a number"),
                Arguments.of("a.xyz", "1\nc\n1.5 0 0 0\n", 3, "element symbol or atomic number"),
                Arguments.of("a.xyz", "1\nLattice=\"1 0 0 0 1 0\"\nH 0 0 0\n", 2, "expected 9"),
                Arguments.of("a.xyz", "1\nLattice=\"1 0 0 0 1 0 0 0 1\" pbc=\"T T F\"\nH 0 0 0\n", 2, "only full"),
                Arguments.of("a.xyz", "1\nProperties=pos:R:3\nH 0 0 0\n", 2, "species:S:1"),
                Arguments.of("a.txt", "1\nc\nH 0 0 0\n", 0, "unknown structure format"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFilesNameFileAndLine(String name, String text, int line, String expected) throws IOException {
        Path p = write(name, text);
        StructureFormatException e = assertThrows(StructureFormatException.class, () -> StructureReader.read(p));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }
}
