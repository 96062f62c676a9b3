package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels table as CSV: a header row whose first column is {@code id}, then one row per spectrum.
 * A column is numeric (float64) when every non-empty value is a finite number, else text; the types
 * may also be given explicitly (as written into a dataset manifest). Written with full precision
 * ({@link Double#toString}) so labels round-trip exactly.
 */
public final class LabelsCsv {
    private LabelsCsv() {}

    public static Table read(Path file) throws IOException { return read(file, null); }

    /** Reads with explicit column types ("DOUBLE" or "STRING"); null types = infer. */
    public static Table read(Path file, Map<String, String> types) throws IOException {
        List<String> lines = TextInput.lines(file, "a header row starting with 'id' and one row per spectrum");
        List<String> header = TextInput.splitCsv(lines.get(0), ',', file, 1);
        if (!header.get(0).equals(SpectraDataset.ID)) {
            throw new DataFormatException(file, 1, 1, "expected the first column to be named 'id', got '" + TextInput.abbreviate(header.get(0)) + "'");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < header.size(); j++) {
            if (header.get(j).isEmpty()) throw new DataFormatException(file, 1, j + 1, "empty column name: expected a name");
            Integer prev = seen.put(header.get(j), j);
            if (prev != null) throw new DataFormatException(file, 1, j + 1, "duplicate column name '" + header.get(j) + "' (also column " + (prev + 1) + ")");
        }
        int nc = header.size();
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        Map<String, Integer> idLine = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) continue;
            List<String> f = l.indexOf('"') < 0 ? fastSplit(l, nc) : TextInput.splitCsv(l, ',', file, i + 1);
            if (f.size() != nc) throw new DataFormatException(file, i + 1, Math.min(f.size(), nc) + 1, "expected " + nc + " fields like the header, got " + f.size());
            if (f.get(0).isEmpty()) throw new DataFormatException(file, i + 1, 1, "empty id: expected a unique non-empty id");
            Integer dup = idLine.put(f.get(0), i + 1);
            if (dup != null) throw new DataFormatException(file, i + 1, 1, "duplicate id '" + f.get(0) + "' (first on line " + dup + "): expected unique ids");
            rows.add(f.toArray(new String[0]));
            lineNos.add(i + 1);
        }
        Table t = Table.create(file.getFileName().toString());
        for (int j = 0; j < nc; j++) {
            String name = header.get(j);
            String type = types == null ? null : types.get(name);
            boolean numeric;
            if (j == 0) numeric = false;
            else if (type != null) numeric = type.equals("DOUBLE") || type.equals("INTEGER") || type.equals("FLOAT") || type.equals("LONG") || type.equals("SHORT");
            else {
                numeric = true;
                boolean any = false;
                for (String[] r : rows) {
                    if (r[j].isEmpty()) continue;
                    any = true;
                    if (!TextInput.isNumber(r[j])) { numeric = false; break; }
                }
                numeric &= any;
            }
            if (numeric) {
                double[] v = new double[rows.size()];
                DoubleColumn c = DoubleColumn.create(name, rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    String s = rows.get(i)[j];
                    if (s.isEmpty() || s.equals("NaN")) c.setMissing(i);
                    else c.set(i, TextInput.parseFinite(s, file, lineNos.get(i), j + 1, "a number in column '" + name + "'"));
                }
                t.addColumns(c);
            } else {
                String[] v = new String[rows.size()];
                for (int i = 0; i < v.length; i++) v[i] = rows.get(i)[j];
                t.addColumns(StringColumn.create(name, v));
            }
        }
        return t;
    }

    /** Splits an unquoted line on commas (fields stripped). */
    private static List<String> fastSplit(String l, int expected) {
        List<String> out = new ArrayList<>(expected);
        int start = 0;
        while (true) {
            int comma = l.indexOf(',', start);
            String f = comma < 0 ? l.substring(start) : l.substring(start, comma);
            out.add(f.strip());
            if (comma < 0) return out;
            start = comma + 1;
        }
    }

    /** Column name -> type name ("DOUBLE" for numeric columns, "STRING" otherwise). */
    public static Map<String, String> types(Table t) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Column<?> c : t.columns()) m.put(c.name(), c instanceof NumericColumn<?> ? "DOUBLE" : "STRING");
        return m;
    }

    /** CSV text of the table (numbers with full precision, missing as empty). */
    public static String toCsv(Table t) {
        StringBuilder sb = new StringBuilder();
        List<Column<?>> cols = t.columns();
        for (int j = 0; j < cols.size(); j++) { if (j > 0) sb.append(','); sb.append(quote(cols.get(j).name())); }
        sb.append('\n');
        for (int i = 0; i < t.rowCount(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                if (j > 0) sb.append(',');
                Column<?> c = cols.get(j);
                if (c.isMissing(i)) continue;
                if (c instanceof NumericColumn<?> n) sb.append(Double.toString(n.getDouble(i)));
                else sb.append(quote(c.getString(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static void write(Table t, Path file) throws IOException {
        String csv = toCsv(t);
        AtomicFiles.write(file, out -> out.write(csv.getBytes(StandardCharsets.UTF_8)));
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.equals(s.strip())) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
