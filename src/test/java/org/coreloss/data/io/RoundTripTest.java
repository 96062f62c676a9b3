package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Every format that stores float32 returns bit-identical values. */
class RoundTripTest {
    /** Random floats including awkward values (subnormal, tiny, huge, negative zero). */
    static SpectraDataset awkward(int n, int c) {
        SplittableRandom r = new SplittableRandom(7);
        float[] d = new float[n * c];
        for (int i = 0; i < d.length; i++) d[i] = (float) (r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-30, 30)));
        d[0] = Float.MIN_VALUE; d[1] = -0.0f; d[2] = Float.MAX_VALUE; d[3] = 1.0f / 3.0f;
        double[] e = new double[c];
        for (int j = 0; j < c; j++) e[j] = 530.0 + 0.1 * j + (j % 3) * 1e-7; // non-uniform
        String[] ids = new String[n];
        double[] lab = new double[n];
        String[] cls = new String[n];
        for (int i = 0; i < n; i++) { ids[i] = i == 0 ? "Type1/thio phene,\"x\"" : "s" + i; lab[i] = r.nextDouble() * 1e-3; cls[i] = i % 2 == 0 ? "a" : "b, c"; }
        Table t = Table.create("t", StringColumn.create("id", ids), DoubleColumn.create("bond_length_a", lab), StringColumn.create("cls", cls));
        return SpectraDataset.of("awkward", new SpectrumMatrix(EnergyGrid.of(e), n, d), t)
                .withHistory(List.of(Step.of("gaussian-broadening", "sigmaEv", 0.5)));
    }

    static void assertBitIdentical(SpectraDataset a, SpectraDataset b) {
        float[] x = a.spectra().rawData(), y = b.spectra().rawData();
        assertEquals(x.length, y.length);
        for (int i = 0; i < x.length; i++) assertEquals(Float.floatToRawIntBits(x[i]), Float.floatToRawIntBits(y[i]), "value " + i);
        assertArrayEquals(a.grid().energiesEv(), b.grid().energiesEv(), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.csv", "x.npy", "x.npz", "folder", "twocol.d"})
    void bitIdentical(String name, @TempDir Path dir) throws Exception {
        SpectraDataset d = awkward(5, 7);
        Path p = dir.resolve(name);
        if (name.equals("twocol.d")) new TwoColumnFolderFormat().write(d, p);
        else SpectraIO.write(d, p);
        SpectraDataset back = name.equals("twocol.d") ? new TwoColumnFolderFormat().read(p) : SpectraIO.read(p);
        assertBitIdentical(d, back);
        if (!name.endsWith("npy") && !name.endsWith("npz")) assertArrayEquals(d.ids(), back.ids());
        if (name.equals("folder") || name.equals("twocol.d")) {
            assertArrayEquals(d.label("bond_length_a"), back.label("bond_length_a"), 0.0);
            assertArrayEquals(d.labelAsString("cls"), back.labelAsString("cls"));
        }
        if (name.equals("folder")) {
            assertEquals(d.history(), back.history());
            assertEquals(d.sha256(), back.sha256());
        }
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().startsWith(".")), "no temp files left");
        }
    }

    @Test
    void npzCompressedAndStored(@TempDir Path dir) throws Exception {
        SpectraDataset d = awkward(3, 4);
        for (boolean comp : new boolean[]{true, false}) {
            Path p = dir.resolve(comp + ".npz");
            new NpyFormat(true, comp).write(d, p);
            assertBitIdentical(d, SpectraIO.read(p));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"LE-C", "BE-C", "LE-F", "BE-F"})
    void npyByteOrderAndLayout(String mode) throws Exception {
        ByteOrder o = mode.startsWith("LE") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        boolean fortran = mode.endsWith("F");
        float[] f = {1, 2, 3, 4, 5, 6};
        double[] g = {1.5, -2, 3e-300, 4, 5, 6};
        for (NpyArray a : new NpyArray[]{NpyArray.ofFloats(f, 2, 3), NpyArray.ofDoubles(g, 3, 2)}) {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            Npy.write(bo, a, o, fortran);
            assertEquals(0, (bo.size() - a.size() * (a.isFloat32() ? 4 : 8)) % 64, "header padded to 64 bytes");
            NpyArray b = Npy.read(Path.of("mem.npy"), bo.toByteArray());
            assertArrayEquals(a.shape(), b.shape());
            if (a.isFloat32()) assertArrayEquals(a.floats(), b.floats()); else assertArrayEquals(a.doubles(), b.doubles());
        }
    }

    /** A file written by numpy: np.arange(6, dtype='<f4').reshape(2,3) in Fortran order. */
    @Test
    void readsNumpyFortranOrder() throws Exception {
        String header = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }";
        header = header + " ".repeat(128 - 10 - header.length() - 1) + "\n";
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        bo.write(Npy.MAGIC); bo.write(1); bo.write(0); bo.write(header.length()); bo.write(0);
        bo.write(header.getBytes());
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[]{0, 3, 1, 4, 2, 5}) bb.putFloat(v); // column-major of [[0,1,2],[3,4,5]]
        bo.write(bb.array());
        NpyArray a = Npy.read(Path.of("f.npy"), bo.toByteArray());
        assertArrayEquals(new float[]{0, 1, 2, 3, 4, 5}, a.floats());
    }

    @Test
    void failedWriteLeavesNoFile(@TempDir Path dir) {
        Path target = dir.resolve("x.bin");
        assertThrows(java.io.IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[1000]);
            throw new java.io.IOException("disk full (simulated)");
        }));
        assertFalse(Files.exists(target));
        assertThrows(java.io.IOException.class, () -> AtomicFiles.writeFolder(dir.resolve("ds"), tmp -> {
            Files.writeString(tmp.resolve("spectra.npy"), "partial");
            throw new java.io.IOException("simulated");
        }));
        assertEquals(0, dir.toFile().list().length, "nothing left behind");
    }
}
