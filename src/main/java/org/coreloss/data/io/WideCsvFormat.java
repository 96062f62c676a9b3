package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;

import java.io.IOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wide CSV: the first row holds the energies (eV), every further row one spectrum. If the first
 * cell of the first row is not a number (e.g. {@code id}), the first column holds the spectrum ids;
 * otherwise ids are the row numbers {@code 0, 1, ...}. Values are comma separated with a dot as
 * decimal separator; all must be finite. Written with {@link Float#toString} (shortest text that
 * reads back to the same float32), so a round trip is bit-identical. Labels are not stored.
 */
public final class WideCsvFormat implements SpectraFormat {
    @Override public String name() { return "wide-csv"; }
    @Override public List<String> extensions() { return List.of("csv"); }
    @Override public boolean canRead(Path p) { return !Files.isDirectory(p) && SpectraIO.extension(p).equals("csv"); }

    @Override public SpectraDataset read(Path file) throws IOException { return read(file, ReadOptions.defaults()); }

    /**
     * Reads with options: {@code skipLines} lines dropped first; lines starting with a comment prefix
     * ({@code #} by default) skipped anywhere; with {@link ReadOptions#grid()} the file has no energy row (header-less)
     * and every row holds that grid's number of intensities (after an optional id).
     */
    public static SpectraDataset read(Path file, ReadOptions o) throws IOException {
        List<String> lines = new ArrayList<>(TextInput.lines(file, "a first row of energies and one row per spectrum"));
        if (o.skipLines() >= lines.size()) throw new DataFormatException(file, lines.size(), 0, "--skip " + o.skipLines() + " drops every line: expected fewer skipped lines");
        for (int i = 0; i < lines.size(); i++) if (i < o.skipLines() || o.isComment(lines.get(i).strip())) lines.set(i, "");
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first == lines.size()) throw new DataFormatException(file, lines.size(), 0, "only comments: expected a first row of energies and one row per spectrum");
        if (o.grid() != null) return headerless(file, lines, first, o.grid());
        List<String> head = TextInput.splitCsv(lines.get(first), ',', file, first + 1);
        if (head.size() == 1 && head.get(0).indexOf(';') >= 0) {
            throw new DataFormatException(file, first + 1, 1, "expected comma-separated values, found semicolons");
        }
        boolean hasIds = !TextInput.isNumber(head.get(0));
        int off = hasIds ? 1 : 0;
        int c = head.size() - off;
        if (c < 1) throw new DataFormatException(file, first + 1, 1, "expected at least one energy in the first row");
        double[] e = new double[c];
        int[] cols = new int[c];
        for (int j = 0; j < c; j++) {
            e[j] = TextInput.parseFinite(head.get(j + off), file, first + 1, j + off + 1, "an energy in eV");
            cols[j] = j + off + 1;
        }
        long[] lineOf = new long[c];
        java.util.Arrays.fill(lineOf, first + 1);
        EnergyGrid grid = Grids.of(e, file, lineOf, cols);
        List<String> ids = new ArrayList<>();
        Map<String, Integer> idLine = new HashMap<>();
        float[] data = new float[Math.max(16, (lines.size() - first - 1)) * c];
        int n = 0;
        for (int i = first + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) continue;
            List<String> f = TextInput.splitCsv(l, ',', file, i + 1);
            if (f.size() != c + off) {
                throw new DataFormatException(file, i + 1, Math.min(f.size(), c + off) + 1,
                        "expected " + (c + off) + " fields (" + (hasIds ? "id + " : "") + c + " intensities, as in the energy row), got " + f.size());
            }
            String id = hasIds ? f.get(0) : Integer.toString(n);
            if (id.isEmpty()) throw new DataFormatException(file, i + 1, 1, "empty id: expected a unique id");
            Integer dup = idLine.put(id, i + 1);
            if (dup != null) throw new DataFormatException(file, i + 1, 1, "duplicate id '" + id + "' (first on line " + dup + "): expected unique ids");
            ids.add(id);
            for (int j = 0; j < c; j++) {
                double v = TextInput.parseFinite(f.get(j + off), file, i + 1, j + off + 1, "an intensity");
                data[n * c + j] = (float) v;
            }
            n++;
        }
        if (n == 0) throw new DataFormatException(file, lines.size(), 0, "no spectra: expected rows of intensities after the energy row");
        float[] d = n * c == data.length ? data : java.util.Arrays.copyOf(data, n * c);
        String name = SpectraIO.stem(file);
        return SpectraDataset.of(name, new SpectrumMatrix(grid, n, d), ids.toArray(new String[0])).withSource(file.toString());
    }

    private static SpectraDataset headerless(Path file, List<String> lines, int first, EnergyGrid grid) throws IOException {
        int c = grid.size();
        List<String> ids = new ArrayList<>();
        Map<String, Integer> idLine = new HashMap<>();
        List<float[]> rows = new ArrayList<>();
        Boolean hasIds = null;
        for (int i = first; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) continue;
            List<String> f = TextInput.splitCsv(l, ',', file, i + 1);
            if (hasIds == null) hasIds = !TextInput.isNumber(f.get(0));
            int off = hasIds ? 1 : 0;
            if (f.size() != c + off) throw new DataFormatException(file, i + 1, Math.min(f.size(), c + off) + 1,
                    "expected " + (c + off) + " fields (" + (hasIds ? "id + " : "") + c + " intensities for the " + c + "-point grid given), got " + f.size());
            String id = hasIds ? f.get(0) : Integer.toString(rows.size());
            if (id.isEmpty()) throw new DataFormatException(file, i + 1, 1, "empty id: expected a unique id");
            Integer dup = idLine.put(id, i + 1);
            if (dup != null) throw new DataFormatException(file, i + 1, 1, "duplicate id '" + id + "' (first on line " + dup + "): expected unique ids");
            float[] r = new float[c];
            for (int j = 0; j < c; j++) r[j] = (float) TextInput.parseFinite(f.get(j + off), file, i + 1, j + off + 1, "an intensity");
            rows.add(r);
            ids.add(id);
        }
        float[] d = new float[rows.size() * c];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, d, i * c, c);
        return SpectraDataset.of(SpectraIO.stem(file), new SpectrumMatrix(grid, rows.size(), d), ids.toArray(new String[0])).withSource(file.toString());
    }

    @Override public void write(SpectraDataset ds, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("id");
            for (double e : ds.grid().energiesEv()) { w.write(','); w.write(Double.toString(e)); }
            w.write('\n');
            float[] d = ds.spectra().rawData();
            int c = ds.channels();
            String[] ids = ds.ids();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ds.size(); i++) {
                sb.setLength(0);
                sb.append(LabelsCsv.quote(ids[i]));
                for (int j = 0; j < c; j++) sb.append(',').append(Float.toString(d[i * c + j]));
                sb.append('\n');
                w.write(sb.toString());
            }
            w.flush();
        });
    }

    static String fmt(double v) { return String.format(Locale.ROOT, "%s", v); }
}
