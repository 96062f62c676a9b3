package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * XDI 1.0 measured spectra (one spectrum per file). The absorption is taken from the declared
 * columns, in this order unless a {@link Mode} is forced: {@code mutrans}; {@code mufluor};
 * {@code ln(i0/itrans)} (transmission); {@code ifluor/i0} (fluorescence). Energies come from the
 * {@code energy} column (eV; keV is converted) and must be strictly increasing. The dataset has one
 * row with columns {@code id} (file stem), {@code element}, {@code edge}, {@code sample},
 * {@code formula}, {@code absorption} (which formula was used), {@code file}, and one text column per
 * further header field named by its key (e.g. {@code Mono.d_spacing}); {@link #parse} gives the parsed file. Reading only: XDI is an exchange format for measured data.
 */
public final class XdiFormat implements SpectraFormat {
    /** How to compute the absorption. */
    public enum Mode { AUTO, MUTRANS, MUFLUOR, TRANSMISSION, FLUORESCENCE }

    private final Mode mode;

    public XdiFormat() { this(Mode.AUTO); }
    public XdiFormat(Mode mode) { this.mode = mode; }

    @Override public String name() { return "xdi"; }
    @Override public List<String> extensions() { return List.of("xdi"); }
    @Override public boolean canRead(Path p) { return !Files.isDirectory(p) && SpectraIO.extension(p).equals("xdi"); }
    @Override public boolean canWrite() { return false; }
    @Override public void write(SpectraDataset dataset, Path path) {
        throw new UnsupportedOperationException("XDI writing is not supported: write a dataset folder, CSV or NumPy file instead");
    }

    /** Parses the header, column declarations and data table. */
    public static XdiFile parse(Path file) throws IOException {
        List<String> lines = TextInput.lines(file, "an XDI file starting with '# XDI/1.0'");
        String l0 = lines.get(0).strip();
        if (!l0.matches("#\\s*XDI/\\S+.*")) throw new DataFormatException(file, 1, 1, "expected '# XDI/1.0' on the first line, got '" + TextInput.abbreviate(l0) + "'");
        String version = l0.replaceFirst("#\\s*XDI/", "").split("\\s+")[0];
        Map<String, String> fields = new LinkedHashMap<>();
        TreeMap<Integer, String[]> cols = new TreeMap<>();
        StringBuilder comments = new StringBuilder();
        int i = 1;
        boolean inHeader = true;
        List<double[]> rows = new ArrayList<>();
        List<Long> rowLines = new ArrayList<>();
        for (; i < lines.size(); i++) {
            String l = lines.get(i);
            String s = l.strip();
            if (s.isEmpty()) continue;
            if (s.startsWith("#")) {
                if (!rows.isEmpty()) throw new DataFormatException(file, i + 1, 1, "comment line inside the data table: expected numbers only after the header");
                String body = s.substring(1).strip();
                if (body.startsWith("///")) { inHeader = false; continue; }
                if (body.startsWith("---")) { inHeader = false; continue; }
                if (inHeader) {
                    int colon = body.indexOf(':');
                    if (colon <= 0) throw new DataFormatException(file, i + 1, 2, "expected a header field 'Family.key: value', got '" + TextInput.abbreviate(body) + "'");
                    String key = body.substring(0, colon).strip();
                    String val = body.substring(colon + 1).strip();
                    fields.put(key, val);
                    if (key.toLowerCase(Locale.ROOT).startsWith("column.")) {
                        try {
                            int n = Integer.parseInt(key.substring(7));
                            if (n < 1) throw new NumberFormatException();
                            String[] words = val.split("\\s+");
                            String unit = words.length > 1 && !words[1].startsWith("||") ? words[1] : "";
                            cols.put(n, new String[]{words[0].toLowerCase(Locale.ROOT), unit});
                        } catch (NumberFormatException e) {
                            throw new DataFormatException(file, i + 1, 2, "bad column field '" + key + "': expected Column.N with N = 1, 2, ...");
                        }
                    }
                } else {
                    comments.append(body).append('\n');
                }
                continue;
            }
            if (cols.isEmpty()) throw new DataFormatException(file, i + 1, 1, "data before any 'Column.N' declaration: expected '# Column.1: energy eV' and the other columns in the header");
            String[] f = s.split("\\s+");
            if (f.length != cols.lastKey()) {
                throw new DataFormatException(file, i + 1, Math.min(f.length, cols.lastKey()) + 1, "expected " + cols.lastKey() + " columns as declared in the header, got " + f.length);
            }
            double[] r = new double[f.length];
            for (int j = 0; j < f.length; j++) r[j] = TextInput.parseFinite(f[j], file, i + 1, j + 1, "a number in column " + (j + 1));
            rows.add(r);
            rowLines.add((long) i + 1);
        }
        if (cols.isEmpty()) throw new DataFormatException(file, lines.size(), 0, "no 'Column.N' fields: expected column declarations such as '# Column.1: energy eV'");
        if (rows.isEmpty()) throw new DataFormatException(file, lines.size(), 0, "no data rows after the header");
        List<String> names = new ArrayList<>(), units = new ArrayList<>();
        for (int n = 1; n <= cols.lastKey(); n++) {
            String[] c = cols.get(n);
            if (c == null) throw new DataFormatException(file, 0, 0, "Column." + n + " is not declared (highest is Column." + cols.lastKey() + "): expected consecutive column numbers");
            names.add(c[0]);
            units.add(c[1]);
        }
        long[] lineArr = rowLines.stream().mapToLong(Long::longValue).toArray();
        XdiFile x = new XdiFile(file, version, fields, names, units, comments.toString(), rows.toArray(new double[0][]), lineArr);
        // check energies here so that errors carry the line
        int ec = x.column("energy");
        if (ec >= 0) {
            double[] e = x.values(ec);
            int[] cols1 = new int[e.length];
            java.util.Arrays.fill(cols1, ec + 1);
            Grids.of(e, file, lineArr, cols1);
        }
        return x;
    }

    @Override public SpectraDataset read(Path file) throws IOException {
        XdiFile x = parse(file);
        int ec = x.column("energy");
        if (ec < 0) throw new DataFormatException(file, 0, 0, "no 'energy' column: expected '# Column.N: energy eV' (columns: " + x.columns() + ")");
        double[] e = x.values(ec);
        String eu = x.units().get(ec).toLowerCase(Locale.ROOT);
        if (eu.equals("kev")) for (int j = 0; j < e.length; j++) e[j] *= 1000.0;
        else if (!eu.isEmpty() && !eu.equals("ev")) throw new DataFormatException(file, 0, 0, "energy unit '" + x.units().get(ec) + "': expected eV or keV");
        int mt = x.column("mutrans"), mf = x.column("mufluor"), i0 = x.column("i0"), it = x.column("itrans"), iflu = x.column("ifluor");
        Mode m = mode;
        if (m == Mode.AUTO) {
            if (mt >= 0) m = Mode.MUTRANS;
            else if (mf >= 0) m = Mode.MUFLUOR;
            else if (i0 >= 0 && it >= 0) m = Mode.TRANSMISSION;
            else if (i0 >= 0 && iflu >= 0) m = Mode.FLUORESCENCE;
            else throw new DataFormatException(file, 0, 0, "cannot compute the absorption: expected a 'mutrans' or 'mufluor' column, or 'i0' with 'itrans' or 'ifluor' (columns: " + x.columns() + ")");
        }
        double[] mu = new double[e.length];
        String formula;
        switch (m) {
            case MUTRANS -> { need(file, mt, "mutrans", x); mu = x.values(mt); formula = "mutrans"; }
            case MUFLUOR -> { need(file, mf, "mufluor", x); mu = x.values(mf); formula = "mufluor"; }
            case TRANSMISSION -> {
                need(file, i0, "i0", x); need(file, it, "itrans", x);
                for (int r = 0; r < mu.length; r++) {
                    double a = x.data()[r][i0], b = x.data()[r][it];
                    if (!(a > 0) || !(b > 0)) throw new DataFormatException(file, x.line(r), (b > 0 ? i0 : it) + 1, "data row " + (r + 1) + ": i0 = " + a + ", itrans = " + b + ": expected both > 0 for ln(i0/itrans)");
                    mu[r] = Math.log(a / b);
                }
                formula = "ln(i0/itrans)";
            }
            default -> {
                need(file, i0, "i0", x); need(file, iflu, "ifluor", x);
                for (int r = 0; r < mu.length; r++) {
                    double a = x.data()[r][i0];
                    if (a == 0) throw new DataFormatException(file, x.line(r), i0 + 1, "data row " + (r + 1) + ": i0 = 0: expected i0 != 0 for ifluor/i0");
                    mu[r] = x.data()[r][iflu] / a;
                }
                formula = "ifluor/i0";
            }
        }
        float[] d = new float[mu.length];
        for (int j = 0; j < d.length; j++) d[j] = (float) mu[j];
        EnergyGrid grid = EnergyGrid.of(e);
        String stem = SpectraIO.stem(file);
        Table t = Table.create(stem,
                StringColumn.create(SpectraDataset.ID, stem),
                StringColumn.create("element", x.field("Element.symbol")),
                StringColumn.create("edge", x.field("Element.edge")),
                StringColumn.create("sample", x.field("Sample.name")),
                StringColumn.create("formula", x.field("Sample.formula")),
                StringColumn.create("absorption", formula),
                StringColumn.create("file", file.getFileName().toString()));
        for (var f : x.fields().entrySet()) { // the whole header, one column per field (e.g. "Mono.d_spacing")
            String key = f.getKey();
            if (key.toLowerCase(Locale.ROOT).startsWith("column.") || t.containsColumn(key)) continue;
            t.addColumns(StringColumn.create(key, f.getValue()));
        }
        return SpectraDataset.of(stem, new SpectrumMatrix(grid, 1, d), t).withSource(file.toString());
    }

    private static void need(Path file, int col, String name, XdiFile x) throws DataFormatException {
        if (col < 0) throw new DataFormatException(file, 0, 0, "no '" + name + "' column: expected it for the requested absorption (columns: " + x.columns() + ")");
    }
}
