package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bad-input corpus ({@code src/test/resources/badinput}, listed with the expected location and
 * message fragment in {@code cases.csv}): every file gives a {@link DataFormatException} whose
 * message names the file, the line and column (when known) and what was expected.
 */
class BadInputTest {
    static final Path DIR = Path.of("src/test/resources/badinput");

    record Case(String file, long line, int column, String expected) {
        @Override public String toString() { return file; }
    }

    static Stream<Case> cases() throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("cases.csv"));
        return lines.stream().skip(1).map(l -> {
            try {
                List<String> f = TextInput.splitCsv(l, ',', DIR.resolve("cases.csv"), 0);
                return new Case(f.get(0), Long.parseLong(f.get(1)), Integer.parseInt(f.get(2)), f.get(3));
            } catch (DataFormatException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void corpusIsLargeAndEveryFileIsListed() throws IOException {
        List<String> listed = cases().map(Case::file).toList();
        assertTrue(listed.size() >= 30, "at least 30 malformed inputs, have " + listed.size());
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path p : s.toList()) {
                if (!p.getFileName().toString().equals("cases.csv")) assertTrue(listed.contains(p.getFileName().toString()), "unlisted: " + p);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesATypedLocatedException(Case c) {
        Path p = DIR.resolve(c.file());
        DataFormatException e = assertThrows(DataFormatException.class, () -> SpectraIO.read(p));
        assertNotNull(e.file());
        assertTrue(e.getMessage().contains(e.file().getFileName().toString()), "message names the file: " + e.getMessage());
        assertTrue(e.file().startsWith(p) || e.file().equals(p) || e.file().getParent().equals(p) || e.file().toString().startsWith(p.toString()),
                "file " + e.file() + " is (inside) " + p);
        assertEquals(c.line(), e.line(), "line: " + e.getMessage());
        assertEquals(c.column(), e.column(), "column: " + e.getMessage());
        if (c.line() > 0) assertTrue(e.getMessage().contains("line " + c.line()), e.getMessage());
        if (c.column() > 0) assertTrue(e.getMessage().contains("column " + c.column()), e.getMessage());
        assertTrue(e.problem().contains(c.expected()), "expected '" + c.expected() + "' in: " + e.problem());
        assertTrue(e.problem().contains("expected") || e.problem().contains("not a") || e.problem().contains("unsupported")
                || e.problem().contains("unknown") || e.problem().contains("no data") || e.problem().contains("truncated"),
                "says what was expected: " + e.problem());
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bom.csv");
        Files.write(f, ("\uFEFFid,1.0,2.0\na,1,2\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertArrayEquals(new String[]{"a"}, SpectraIO.read(f).ids());
    }

    @Test
    void aFailedWriteLeavesNoPartialFileAndKeepsTheOldOne(@TempDir Path dir) throws Exception {
        SpectraDataset d = SpectraDataset.of("x", SpectrumMatrix.of(EnergyGrid.uniform(0, 1, 2), new float[][]{{1, 2}}));
        Path target = dir.resolve("x.csv");
        SpectraIO.write(d, target);
        byte[] before = Files.readAllBytes(target);
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("id,partial".getBytes());
            throw new IOException("simulated failure");
        }));
        assertArrayEquals(before, Files.readAllBytes(target), "old content intact");
        Path folder = dir.resolve("ds");
        SpectraIO.write(d, folder);
        assertThrows(IOException.class, () -> AtomicFiles.writeFolder(folder, tmp -> {
            Files.writeString(tmp.resolve("spectra.npy"), "partial");
            throw new IOException("simulated failure");
        }));
        assertArrayEquals(d.spectra().rawData(), SpectraIO.read(folder).spectra().rawData(), "old folder intact");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("ds", "x.csv"), s.map(p -> p.getFileName().toString()).sorted().toList(), "no temp files left");
        }
        // read-only formats refuse to write and create nothing
        assertThrows(IllegalArgumentException.class, () -> SpectraIO.write(d, dir.resolve("y.xdi")));
        assertFalse(Files.exists(dir.resolve("y.xdi")));
    }
}
