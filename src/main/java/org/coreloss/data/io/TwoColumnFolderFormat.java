package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of two-column text files ({@code .txt}, {@code .dat}, {@code .xy}; energy in eV and
 * intensity per line, separated by whitespace or a comma; lines starting with {@code #},
 * {@code %} or {@code !} and one non-numeric header line are skipped) plus an optional {@code labels.csv} whose
 * {@code id} column names the files by stem. Reading goes through {@link SpectraFolders}: FDMNES, FEFF and
 * OptaDOS outputs in the folder are recognised, and files on different grids are resampled by the stated
 * {@link ReadOptions.GridRule}. With labels, spectra follow the labels' order and every id must have a file
 * and every file an id; without, files are sorted by name. File names percent-encode characters
 * other than letters, digits, {@code . _ -} so ids like {@code Type1/thiophene} round-trip.
 */
public final class TwoColumnFolderFormat implements SpectraFormat {
    private static final List<String> EXT = List.of("txt", "dat", "xy");

    @Override public String name() { return "two-column-folder"; }
    @Override public List<String> extensions() { return List.of(); }
    @Override public boolean canRead(Path p) { return Files.isDirectory(p) && !Files.isRegularFile(p.resolve(DatasetFolderFormat.MANIFEST)); }

    /** Reads one two-column file: returns {energies, intensities}. */
    public static double[][] readTwoColumn(Path file) throws IOException {
        return readTwoColumn(file, ReadOptions.defaults().withKind(ReadOptions.Kind.TWO_COLUMN));
    }

    /** Reads one two-column file with skip-lines, comment and column options: returns {energies, intensities}. */
    public static double[][] readTwoColumn(Path file, ReadOptions options) throws IOException {
        SpectrumFiles.Parsed p = SpectrumFiles.read(file, options.withKind(ReadOptions.Kind.TWO_COLUMN)).get(0);
        return new double[][]{p.energiesEv(), p.intensities()};
    }

    /** Reads the folder with the default {@link ReadOptions} (see {@link SpectraFolders}). */
    @Override public SpectraDataset read(Path folder) throws IOException {
        return SpectraFolders.read(folder, ReadOptions.defaults());
    }

    @Override public void write(SpectraDataset ds, Path folder) throws IOException {
        String csv = LabelsCsv.toCsv(ds.table());
        double[] e = ds.grid().energiesEv();
        AtomicFiles.writeFolder(folder, tmp -> {
            for (int i = 0; i < ds.size(); i++) {
                StringBuilder sb = new StringBuilder("# energy_eV intensity\n");
                float[] r = ds.spectra().row(i);
                for (int j = 0; j < e.length; j++) sb.append(e[j]).append(' ').append(Float.toString(r[j])).append('\n');
                Files.writeString(tmp.resolve(encode(ds.id(i)) + ".txt"), sb.toString(), StandardCharsets.UTF_8);
            }
            Files.writeString(tmp.resolve("labels.csv"), csv, StandardCharsets.UTF_8);
        });
    }

    /** File-name-safe form of an id (percent-encoding all but letters, digits, {@code . _ -}). */
    public static String encode(String id) {
        String s = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        if (s.startsWith(".")) s = "%2E" + s.substring(1);
        return s;
    }

    static String decode(String stem) { return URLDecoder.decode(stem.replace("+", "%2B"), StandardCharsets.UTF_8); }
}
