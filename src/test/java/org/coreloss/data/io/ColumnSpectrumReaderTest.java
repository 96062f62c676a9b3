package org.coreloss.data.io;

import org.coreloss.data.Datasets;
import org.coreloss.data.bundled.LEdgeMeasured;
import org.coreloss.data.SpectraDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ColumnSpectrumReaderTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    @Test void bomHeaderCsv() throws IOException {
        Path p = dir.resolve("bom.csv");
        byte[] body = "Column2,Column3\n636.1,0.2\n636.2,0.3\n636.3,0.5\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF; all[1] = (byte) 0xBB; all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(p, all);
        ColumnSpectrum s = ColumnSpectrumReader.read(p);
        assertEquals(3, s.size());
        assertEquals("Column3", s.column());
        assertArrayEquals(new double[] {636.1, 636.2, 636.3}, s.energiesEv(), 0);
        assertTrue(s.warnings().isEmpty());
    }

    @Test void commentHeaderNamesColumns() throws IOException {
        Path p = write("x.dat", "# sample\n# Energy \t TEY \t TFY\n850 1 10\n851 2 20\n852 3 30\n");
        assertArrayEquals(new double[] {10, 20, 30}, ColumnSpectrumReader.read(p, "tfy").intensities(), 0);
        assertArrayEquals(new double[] {1, 2, 3}, ColumnSpectrumReader.read(p, "TEY").intensities(), 0);
        assertArrayEquals(new double[] {10, 20, 30}, ColumnSpectrumReader.read(p, "2").intensities(), 0);
        DataFormatException e = assertThrows(DataFormatException.class, () -> ColumnSpectrumReader.read(p, "PFY"));
        assertTrue(e.getMessage().contains("PFY") && e.getMessage().contains("TEY"), e.getMessage());
        assertThrows(DataFormatException.class, () -> ColumnSpectrumReader.read(p, "3"));
    }

    @Test void sortsAndMergesWithWarnings() throws IOException {
        Path p = write("y.txt", "1 1\n3 3\n2 2\n3 5\n4 4\n");
        ColumnSpectrum s = ColumnSpectrumReader.read(p);
        assertArrayEquals(new double[] {1, 2, 3, 4}, s.energiesEv(), 0);
        assertArrayEquals(new double[] {1, 2, 4, 4}, s.intensities(), 0);
        assertEquals(2, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(0).contains("line 3"), s.warnings().get(0));
    }

    @Test void badInputsNameFileAndLine() throws IOException {
        DataFormatException nan = assertThrows(DataFormatException.class, () -> ColumnSpectrumReader.read(write("n.txt", "1 1\n2 NaN\n3 3\n")));
        assertEquals(2, nan.line());
        assertTrue(nan.getMessage().contains("n.txt"), nan.getMessage());
        DataFormatException empty = assertThrows(DataFormatException.class, () -> ColumnSpectrumReader.read(write("e.csv", "1,1\n2,\n3,3\n")));
        assertEquals(2, empty.line());
        assertThrows(DataFormatException.class, () -> ColumnSpectrumReader.read(write("one.txt", "1 1\n")));
        assertThrows(DataFormatException.class, () -> ColumnSpectrumReader.read(write("blank.txt", "\n\n")));
        assertThrows(DataFormatException.class, () -> ColumnSpectrumReader.read(write("c.txt", "# only a comment\n")));
        assertThrows(DataFormatException.class, () -> ColumnSpectrumReader.read(write("single.txt", "1\n2\n3\n")));
        assertThrows(DataFormatException.class, () -> ColumnSpectrumReader.read(write("dup.txt", "1 1\n1 2\n2 2\n")));
    }

    @Test void cropKeepsRangeAndRefusesEmpty() throws IOException {
        ColumnSpectrum s = ColumnSpectrumReader.read(write("z.txt", "1 1\n2 2\n3 3\n4 4\n5 5\n"));
        assertEquals(3, s.crop(2, 4).size());
        assertThrows(IllegalArgumentException.class, () -> s.crop(10, 20));
    }

    @Test void bundledMeasuredSpectra() throws IOException {
        assertEquals(17, LEdgeMeasured.entries().size());
        ColumnSpectrum mno = LEdgeMeasured.read("mno-data2");
        assertTrue(mno.minEnergyEv() < 640 && mno.maxEnergyEv() > 655, mno.toString());
        ColumnSpectrum ni = LEdgeMeasured.read("la4ni3o10-sigma-tfy");
        assertEquals("TFY", ni.column());
        SpectraDataset d = Datasets.load("l-edge-measured");
        assertEquals(17, d.size());
        assertEquals(LEdgeMeasured.GRID.size(), d.channels());
        assertThrows(IllegalArgumentException.class, () -> LEdgeMeasured.read("no-such-id"));
    }
}
