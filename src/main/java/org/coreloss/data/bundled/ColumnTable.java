package org.coreloss.data.bundled;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whitespace-separated numeric text table (such as the {@code *_Combo_O_all.dat} files): every
 * non-blank line must have the same number of finite numbers. Errors name file, 1-based line and
 * column (field number) and what was expected.
 */
final class ColumnTable {
    private ColumnTable() {}

    static double[][] read(Path file, int expectedColumns) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            if (line.isBlank()) continue;
            String[] t = line.trim().split("\\s+");
            if (t.length != expectedColumns) {
                throw new IOException(file + ", line " + (i + 1) + ": " + t.length + " columns, expected " + expectedColumns
                        + " (energy in eV and one intensity per O site)");
            }
            double[] r = new double[t.length];
            for (int k = 0; k < t.length; k++) {
                try {
                    r[k] = Double.parseDouble(t[k]);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ", line " + (i + 1) + ", column " + (k + 1) + ": '" + t[k] + "' is not a number");
                }
                if (!Double.isFinite(r[k])) {
                    throw new IOException(file + ", line " + (i + 1) + ", column " + (k + 1) + ": '" + t[k] + "' is not finite");
                }
            }
            rows.add(r);
        }
        if (rows.isEmpty()) throw new IOException(file + ": no data rows; expected " + expectedColumns + " numeric columns per line");
        return rows.toArray(double[][]::new);
    }
}
