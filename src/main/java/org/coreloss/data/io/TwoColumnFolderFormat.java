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
 * intensity per line, separated by whitespace or a comma; lines starting with {@code #} or
 * {@code %} and one non-numeric header line are skipped) plus an optional {@code labels.csv} whose
 * {@code id} column names the files by stem. Every file must be on the same energy grid (resample
 * first otherwise). With labels, spectra follow the labels' order and every id must have a file
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
        List<String> lines = TextInput.lines(file, "two columns: energy (eV) and intensity");
        List<Double> e = new ArrayList<>(), y = new ArrayList<>();
        List<Long> lineNo = new ArrayList<>();
        boolean headerSkipped = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("%")) continue;
            String[] f = TextInput.splitColumns(l);
            if (!headerSkipped && e.isEmpty() && f.length >= 1 && !TextInput.isNumber(f[0]) && !looksNumeric(f[0])) { headerSkipped = true; continue; }
            if (f.length != 2) throw new DataFormatException(file, i + 1, Math.min(f.length, 2) + 1, "expected 2 columns (energy, intensity), got " + f.length);
            e.add(TextInput.parseFinite(f[0], file, i + 1, 1, "an energy in eV"));
            y.add(TextInput.parseFinite(f[1], file, i + 1, 2, "an intensity"));
            lineNo.add((long) i + 1);
        }
        if (e.isEmpty()) throw new DataFormatException(file, lines.size(), 0, "no data lines: expected two columns (energy, intensity)");
        double[] ea = e.stream().mapToDouble(Double::doubleValue).toArray();
        Grids.of(ea, file, lineNo.stream().mapToLong(Long::longValue).toArray(), null);
        return new double[][]{ea, y.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    private static boolean looksNumeric(String s) { return s.matches("[-+]?[0-9.,]+([eE][-+]?\\d+)?|[-+]?(NaN|Infinity|inf|nan)"); }

    @Override public SpectraDataset read(Path folder) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p) && EXT.contains(SpectraIO.extension(p))) files.put(decode(SpectraIO.stem(p)), p);
            }
        }
        Path lp = folder.resolve("labels.csv");
        Table labels = null;
        List<String> order;
        if (Files.isRegularFile(lp)) {
            labels = LabelsCsv.read(lp);
            order = List.of(labels.stringColumn(SpectraDataset.ID).asObjectArray());
            for (int i = 0; i < order.size(); i++) {
                if (!files.containsKey(order.get(i))) {
                    throw new DataFormatException(lp, i + 2, 1, "id '" + order.get(i) + "' has no spectrum file: expected " + encode(order.get(i)) + ".txt (or .dat/.xy) in " + folder);
                }
            }
            Map<String, Boolean> known = new HashMap<>();
            order.forEach(id -> known.put(id, true));
            for (var en : files.entrySet()) {
                if (!known.containsKey(en.getKey())) throw new DataFormatException(en.getValue(), 0, 0, "spectrum '" + en.getKey() + "' has no row in " + lp + ": expected every file to be labelled");
            }
        } else {
            order = new ArrayList<>(files.keySet());
        }
        if (order.isEmpty()) throw new DataFormatException(folder, 0, 0, "no spectrum files: expected two-column .txt/.dat/.xy files (or a manifest.json for a dataset folder)");
        EnergyGrid grid = null;
        Path first = null;
        float[] data = null;
        int c = 0;
        for (int i = 0; i < order.size(); i++) {
            Path f = files.get(order.get(i));
            double[][] xy = readTwoColumn(f);
            if (grid == null) {
                grid = EnergyGrid.of(xy[0]);
                first = f;
                c = grid.size();
                data = new float[order.size() * c];
            } else {
                double[] g = grid.energiesEv();
                if (xy[0].length != c) throw new DataFormatException(f, 0, 0, xy[0].length + " points, expected " + c + " as in " + first.getFileName() + " (all files must share one grid; resample first)");
                for (int j = 0; j < c; j++) {
                    if (xy[0][j] != g[j]) throw new DataFormatException(f, 0, 1, "energy point " + (j + 1) + " is " + xy[0][j] + " eV, expected " + g[j] + " eV as in " + first.getFileName() + " (all files must share one grid)");
                }
            }
            for (int j = 0; j < c; j++) data[i * c + j] = (float) xy[1][j];
        }
        SpectrumMatrix m = new SpectrumMatrix(grid, order.size(), data);
        SpectraDataset ds = labels != null ? SpectraDataset.of(SpectraIO.stem(folder), m, labels)
                : SpectraDataset.of(SpectraIO.stem(folder), m, order.toArray(new String[0]));
        return ds.withSource(folder.toString());
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
