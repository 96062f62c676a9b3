package org.coreloss.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VoronoiCellsTest {

    static Stream<Structure> structures() throws IOException {
        Stream.Builder<Structure> b = Stream.builder();
        b.add(Lattices.simpleCubic(2.7)).add(Lattices.fccConventional(3.6)).add(Lattices.fccPrimitive(3.6))
                .add(Lattices.bccConventional(2.87)).add(Lattices.bccPrimitive(2.87)).add(Lattices.rockSalt(5.64))
                .add(Lattices.triclinic()).add(Lattices.skewed());
        for (Path p : bundledPoscars()) b.add(StructureReader.read(p));
        return b.build();
    }

    static List<Path> bundledPoscars() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("data", "o-k-litmo"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("POSCAR")).sorted().toList();
        }
    }

    @Test
    void everyBundledPoscarIsFound() throws IOException {
        assertEquals(3, bundledPoscars().size(), "data/o-k-litmo should hold POSCAR_0k, POSCAR_15ps, POSCAR_20ps");
    }

    @ParameterizedTest
    @MethodSource("structures")
    void volumesSumToCellVolume(Structure s) {
        double[] v = VoronoiCells.volumesA3(s);
        double sum = 0;
        for (double x : v) {
            assertTrue(x > 0 && Double.isFinite(x), s.name() + ": volume " + x);
            sum += x;
        }
        assertEquals(s.volumeA3(), sum, 1e-6 * s.volumeA3(), s.name());
    }

    @Test
    void simpleCubicCellIsTheCube() {
        VoronoiCell c = VoronoiCells.cell(Lattices.simpleCubic(2.0), 0);
        assertEquals(8.0, c.volumeA3(), 1e-12);
        assertEquals(6, c.faceCount());
        assertEquals(Math.sqrt(3), c.maxRadiusA(), 1e-12);
    }

    @Test
    void bccCellIsTruncatedOctahedronOfHalfTheCubeVolume() {
        double a = 2.87;
        for (Structure s : List.of(Lattices.bccConventional(a), Lattices.bccPrimitive(a))) {
            for (int i = 0; i < s.size(); i++) {
                VoronoiCell c = VoronoiCells.cell(s, i);
                assertEquals(a * a * a / 2, c.volumeA3(), 1e-12 * a * a * a, s.name());
                assertEquals(14, c.faceCount(), s.name() + ": 8 hexagons + 6 squares");
                assertEquals(a * Math.sqrt(5) / 4, c.maxRadiusA(), 1e-12, "vertex at a/4 (0, 1, 2)");
            }
        }
    }

    @Test
    void fccCellIsRhombicDodecahedron() {
        double a = 3.6;
        for (Structure s : List.of(Lattices.fccConventional(a), Lattices.fccPrimitive(a))) {
            VoronoiCell c = VoronoiCells.cell(s, 0);
            assertEquals(a * a * a / 4, c.volumeA3(), 1e-12 * a * a * a);
            assertEquals(12, c.faceCount(), "12 rhombi, no sliver faces at the 4-fold vertices");
            for (VoronoiCell.Face f : c.faces()) assertEquals(a * a * Math.sqrt(2) / 8, f.areaA2(), 1e-12, "rhombus area");
        }
    }

    @Test
    void rockSaltCellsAreEqual() {
        Structure s = Lattices.rockSalt(5.64);
        double[] v = VoronoiCells.volumesA3(s);
        for (double x : v) assertEquals(5.64 * 5.64 * 5.64 / 8, x, 1e-10);
    }

    @Test
    void volumeIsInvariantUnderTranslationAndCellChoice() {
        // the same bcc crystal as a 2x1x1 supercell with a shifted origin and unwrapped coordinates
        double a = 3.1;
        Structure s = Structure.periodicFractional("bcc-221", new double[][] {{2 * a, 0, 0}, {0, a, 0}, {a, 0, a}},
                List.of("Fe", "Fe", "Fe", "Fe"),
                new double[][] {{0.13, 0.21, 0.37}, {0.63, 0.21, 0.37}, {0.38 - 1, 0.71 + 3, 0.87 - 2}, {0.88, 0.71, 0.87}});
        // positions: r = f . L; check that these four form bcc by the volume of every cell
        for (double v : VoronoiCells.volumesA3(s)) assertEquals(a * a * a / 2, v, 1e-10);
    }

    @Test
    void randomTriclinicCellsTile() {
        SplittableRandom r = new SplittableRandom(7);
        for (int t = 0; t < 20; t++) {
            double[][] l = new double[3][3];
            for (int i = 0; i < 3; i++) for (int k = 0; k < 3; k++) l[i][k] = (i == k ? 4 : 0) + r.nextDouble(-2, 2);
            int n = 1 + r.nextInt(12);
            double[][] f = new double[n][3];
            List<String> sp = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) { for (int k = 0; k < 3; k++) f[i][k] = r.nextDouble(); sp.add("X"); }
            Structure s = Structure.periodicFractional("rand" + t, l, sp, f);
            double sum = 0;
            for (double v : VoronoiCells.volumesA3(s)) sum += v;
            assertEquals(s.volumeA3(), sum, 1e-9 * s.volumeA3(), "random cell " + t);
        }
    }

    @Test
    void nearlyDegenerateCellsStillTile() {
        // fcc and bcc 2x2x2 supercells with tiny seeded perturbations: many nearly coincident vertices
        SplittableRandom r = new SplittableRandom(11);
        for (double jitter : new double[] {1e-3, 1e-6, 1e-9, 1e-12, 1e-15}) {
            for (Structure base : List.of(Lattices.fccConventional(3.6), Lattices.bccConventional(2.87))) {
                List<String> sp = new java.util.ArrayList<>();
                List<double[]> f = new java.util.ArrayList<>();
                for (int x = 0; x < 2; x++) for (int y = 0; y < 2; y++) for (int z = 0; z < 2; z++) {
                    for (int i = 0; i < base.size(); i++) {
                        double[] p = base.fractional(i);
                        f.add(new double[] {(p[0] + x) / 2 + r.nextDouble(-jitter, jitter), (p[1] + y) / 2 + r.nextDouble(-jitter, jitter),
                                (p[2] + z) / 2 + r.nextDouble(-jitter, jitter)});
                        sp.add("X");
                    }
                }
                double[][] l = base.latticeA();
                for (double[] v : l) for (int k = 0; k < 3; k++) v[k] *= 2;
                Structure s = Structure.periodicFractional(base.name() + " jitter " + jitter, l, sp, f.toArray(double[][]::new));
                double sum = 0;
                for (double v : VoronoiCells.volumesA3(s)) sum += v;
                assertEquals(s.volumeA3(), sum, 1e-9 * s.volumeA3(), s.name());
            }
        }
    }

    @Test
    void jitteredGridsInRandomSkewedCellsTile() {
        // partly filled g x g x g grids (many coplanar bisectors, 4+ planes per vertex) with jitter 1e-4 .. 1e-15
        SplittableRandom r = new SplittableRandom(99);
        int tested = 0;
        for (int t = 0; t < 100; t++) {
            double[][] l = new double[3][3];
            for (int i = 0; i < 3; i++) for (int k = 0; k < 3; k++) l[i][k] = (i == k ? 3 : 0) + r.nextDouble(-1.5, 1.5);
            int g = 2 + r.nextInt(2);
            double jit = Math.pow(10, -r.nextInt(4, 16));
            List<String> sp = new java.util.ArrayList<>();
            List<double[]> f = new java.util.ArrayList<>();
            for (int x = 0; x < g; x++) for (int y = 0; y < g; y++) for (int z = 0; z < g; z++) {
                if (r.nextDouble() < 0.7) {
                    f.add(new double[] {(x + r.nextDouble(-jit, jit)) / g, (y + r.nextDouble(-jit, jit)) / g, (z + r.nextDouble(-jit, jit)) / g});
                    sp.add("X");
                }
            }
            if (f.isEmpty() || Math.abs(Mat3.det(l)) < 1) continue;
            Structure s = Structure.periodicFractional("grid" + t, l, sp, f.toArray(double[][]::new));
            double sum = 0;
            for (double v : VoronoiCells.volumesA3(s)) sum += v;
            assertEquals(s.volumeA3(), sum, 1e-9 * s.volumeA3(), s.name() + " jitter " + jit);
            tested++;
        }
        assertTrue(tested > 80);
    }

    @Test
    void moleculeInteriorCellIsBoundedAndHullCellsAreNot() {
        // a 3x3x3 simple cubic cluster: the centre atom's cell is the unit cube, the others are unbounded
        List<String> sp = new java.util.ArrayList<>();
        double[][] c = new double[27][];
        int k = 0;
        for (int x = -1; x <= 1; x++) for (int y = -1; y <= 1; y++) for (int z = -1; z <= 1; z++) {
            c[k++] = new double[] {x * 1.5, y * 1.5, z * 1.5};
            sp.add("C");
        }
        Structure m = Structure.molecule("cluster", sp, c);
        assertEquals(1.5 * 1.5 * 1.5, VoronoiCells.cell(m, 13).volumeA3(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, VoronoiCells.cell(m, 0).volumeA3());
    }

    @Test
    void coincidentAtomsAreRejected() {
        Structure s = Structure.periodicFractional("dup", Lattices.diag(3), List.of("A", "B"), new double[][] {{0.1, 0.1, 0.1}, {1.1, 0.1, 0.1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VoronoiCells.cell(s, 0));
        assertTrue(e.getMessage().contains("coincide"), e.getMessage());
    }
}
