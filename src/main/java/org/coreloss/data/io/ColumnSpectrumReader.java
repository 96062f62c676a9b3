package org.coreloss.data.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads one measured spectrum from a column text file: two-column files and CSV, with or without a
 * header row, a UTF-8 byte-order mark, {@code #} comment lines (the last comment line before the data
 * may name the columns, as in {@code # Energy TEY TFY}), commas, semicolons, tabs or spaces between
 * fields. Energy is column 0 unless chosen; the intensity column is chosen by name (case-insensitive,
 * e.g. {@code "TEY"}, {@code "TFY"}, {@code "PFY"}) or by 0-based index, default column 1.
 *
 * <p>Energies out of order are sorted (with a warning naming how many lines were out of order);
 * repeated energies are merged into one point with the mean intensity (with a warning). Every value
 * must be a finite number; a bad value, a short row, an empty file or fewer than {@link #MIN_POINTS}
 * points throws a {@link DataFormatException} naming file, line and column.
 */
public final class ColumnSpectrumReader {
    /** Fewest points a spectrum may have after de-duplication. */
    public static final int MIN_POINTS = 3;

    private ColumnSpectrumReader() {}

    /** Reads energy column 0 and intensity column 1. */
    public static ColumnSpectrum read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads energy column 0 and the intensity column {@code column}: a header name (case-insensitive)
     * or a 0-based index as a string; null means column 1.
     */
    public static ColumnSpectrum read(Path file, String column) throws IOException {
        List<String> lines = TextInput.lines(file, "two or more numeric columns (energy in eV, intensity)");
        String[] header = null;
        String lastComment = null;
        List<double[]> rows = new ArrayList<>();
        List<Long> rowLines = new ArrayList<>();
        int width = -1, intensityCol = -1;
        String columnName = null;
        for (int i = 0; i < lines.size(); i++) {
            long lineNo = i + 1;
            String l = lines.get(i).strip();
            if (l.isEmpty()) continue;
            if (l.startsWith("#")) {
                lastComment = l.substring(1).strip();
                continue;
            }
            String[] f = split(l);
            if (rows.isEmpty() && header == null && !allNumbers(f)) {
                header = f;
                continue;
            }
            if (width < 0) {
                width = f.length;
                if (width < 2) {
                    throw new DataFormatException(file, lineNo, 0, "found " + width + " column, expected at least 2 (energy in eV, intensity)");
                }
                String[] names = header != null ? header : lastComment != null ? split(lastComment.replace(':', ' ')) : null;
                if (names != null && names.length != width && header == null) names = null; // a comment that does not name the columns
                intensityCol = chooseColumn(file, lineNo, column, names, width);
                columnName = names != null && intensityCol < names.length ? names[intensityCol] : "column " + intensityCol;
            }
            if (f.length < Math.max(2, intensityCol + 1)) {
                throw new DataFormatException(file, lineNo, 0, "found " + f.length + " columns, expected " + width
                        + " (empty or missing value?)");
            }
            double e = TextInput.parseFinite(f[0], file, lineNo, 1, "an energy in eV");
            double y = TextInput.parseFinite(f[intensityCol], file, lineNo, intensityCol + 1, "an intensity");
            rows.add(new double[] {e, y});
            rowLines.add(lineNo);
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(file, 0, 0, "no data rows: expected lines of numbers (energy in eV, intensity)");
        }
        List<String> warnings = new ArrayList<>();
        int outOfOrder = 0;
        long firstBad = -1;
        for (int k = 1; k < rows.size(); k++) {
            if (rows.get(k)[0] < rows.get(k - 1)[0]) {
                outOfOrder++;
                if (firstBad < 0) firstBad = rowLines.get(k);
            }
        }
        if (outOfOrder > 0) {
            warnings.add(outOfOrder + " energies out of order (first at line " + firstBad + "): points sorted by energy");
            rows.sort((a, b) -> Double.compare(a[0], b[0])); // stable: equal energies keep file order
        }
        List<double[]> merged = new ArrayList<>();
        int duplicates = 0;
        for (int k = 0; k < rows.size(); ) {
            int j = k;
            double s = 0;
            while (j < rows.size() && rows.get(j)[0] == rows.get(k)[0]) s += rows.get(j++)[1];
            if (j - k > 1) duplicates += j - k - 1;
            merged.add(new double[] {rows.get(k)[0], s / (j - k)});
            k = j;
        }
        if (duplicates > 0) warnings.add(duplicates + " repeated energies merged (mean intensity)");
        if (merged.size() < MIN_POINTS) {
            throw new DataFormatException(file, 0, 0, merged.size() + " distinct energ" + (merged.size() == 1 ? "y" : "ies")
                    + " after de-duplication, expected at least " + MIN_POINTS + " points");
        }
        double[] x = new double[merged.size()], y = new double[merged.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = merged.get(k)[0];
            y[k] = merged.get(k)[1];
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) name = name.substring(0, dot);
        return new ColumnSpectrum(name, file, columnName, x, y, warnings);
    }

    private static int chooseColumn(Path file, long lineNo, String column, String[] names, int width) throws DataFormatException {
        if (column == null || column.isBlank()) return 1;
        String c = column.strip();
        if (c.chars().allMatch(Character::isDigit)) {
            int idx = Integer.parseInt(c);
            if (idx < 1 || idx >= width) {
                throw new DataFormatException(file, lineNo, 0, "intensity column index " + idx + " is out of range: the file has "
                        + width + " columns, expected an index 1.." + (width - 1) + " (0 is the energy)");
            }
            return idx;
        }
        if (names != null) {
            for (int j = 1; j < names.length; j++) if (names[j].equalsIgnoreCase(c)) return j;
        }
        throw new DataFormatException(file, lineNo, 0, "no column named '" + c + "'"
                + (names != null ? "; the header names " + Arrays.toString(names) : "; the file has no header naming its columns")
                + ", expected a name from the header or a 0-based column index");
    }

    static String[] split(String l) {
        String[] f;
        if (l.indexOf(',') >= 0) f = l.split(",", -1);
        else if (l.indexOf(';') >= 0) f = l.split(";", -1);
        else f = l.split("\\s+");
        for (int i = 0; i < f.length; i++) f[i] = f[i].strip().replace("\"", "");
        return f;
    }

    private static boolean allNumbers(String[] f) {
        for (String s : f) {
            if (s.isEmpty()) continue;
            String t = s.toLowerCase(Locale.ROOT);
            if (t.equals("nan") || t.equals("inf") || t.equals("-inf") || t.equals("infinity")) continue;
            if (!TextInput.isNumber(s)) return false;
        }
        return true;
    }
}
