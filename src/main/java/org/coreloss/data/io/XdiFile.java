package org.coreloss.data.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed XDI 1.0 file (https://github.com/XraySpectroscopy/XAS-Data-Interchange): header fields
 * ({@code Family.key -> value}, e.g. {@code Element.symbol}), column names (lower case, first word of
 * {@code Column.N}; units dropped), column units, user comments, the data table (rows x columns) and
 * the 1-based file line of each data row.
 */
public record XdiFile(Path file, String version, Map<String, String> fields, List<String> columns,
                      List<String> units, String comments, double[][] data, long[] dataLines) {
    public XdiFile {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        columns = List.copyOf(columns);
        units = List.copyOf(units);
    }

    /** Index of a column by (case-insensitive) name, or -1. */
    public int column(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).equals(n)) return i;
        return -1;
    }

    public double[] values(int column) {
        double[] v = new double[data.length];
        for (int i = 0; i < v.length; i++) v[i] = data[i][column];
        return v;
    }

    /** File line (1-based) of data row {@code row} (0-based). */
    public long line(int row) { return dataLines[row]; }

    public String field(String key) { return fields.getOrDefault(key, ""); }
}
