package org.coreloss.data;

import org.coreloss.provenance.Step;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.Spectrum;
import org.coreloss.spectrum.SpectrumMatrix;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A set of spectra on one energy grid (a float32 {@link SpectrumMatrix}, N x C, energies in eV)
 * and a Tablesaw {@link Table} with one row per spectrum: a string column {@code id} (unique)
 * followed by labels (numeric targets such as {@code oxidation_state}) and metadata (strings).
 * Also carries a name, a source (bundled name or path) and the processing {@link Step}s applied so far.
 *
 * <p>Immutable in spirit: every operation returns a new dataset; {@link #table()} returns a copy.
 * The spectra matrix is shared, not copied (do not modify {@code spectra().rawData()}).
 */
public final class SpectraDataset {
    /** Name of the mandatory id column. */
    public static final String ID = "id";

    private final String name;
    private final String source;
    private final SpectrumMatrix spectra;
    private final Table table;
    private final List<Step> history;

    private SpectraDataset(String name, String source, SpectrumMatrix spectra, Table table, List<Step> history) {
        this(name, source, spectra, table, history, true);
    }

    /** {@code checkIds = false} only for datasets derived from a checked one with the same ids. */
    private SpectraDataset(String name, String source, SpectrumMatrix spectra, Table table, List<Step> history, boolean checkIds) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = source == null ? "" : source;
        this.spectra = Objects.requireNonNull(spectra, "spectra");
        this.table = Objects.requireNonNull(table, "table");
        this.history = List.copyOf(history);
        if (!table.containsColumn(ID)) {
            throw new IllegalArgumentException("dataset " + name + ": label table has no column \"" + ID + "\" (columns: " + table.columnNames() + ")");
        }
        if (table.column(ID).type() != ColumnType.STRING) {
            throw new IllegalArgumentException("dataset " + name + ": column \"" + ID + "\" must be a string column, is " + table.column(ID).type());
        }
        if (table.rowCount() != spectra.rows()) {
            throw new IllegalArgumentException("dataset " + name + ": " + spectra.rows() + " spectra but " + table.rowCount() + " label rows");
        }
        if (!checkIds) return;
        StringColumn ids = table.stringColumn(ID);
        Set<String> seen = new HashSet<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isEmpty()) throw new IllegalArgumentException("dataset " + name + ": row " + i + " has an empty id");
            if (!seen.add(id)) throw new IllegalArgumentException("dataset " + name + ": id \"" + id + "\" appears twice (second at row " + i + ")");
        }
    }

    /** A dataset from spectra and a table whose first column should be {@code id} (the table is copied). */
    public static SpectraDataset of(String name, SpectrumMatrix spectra, Table table) {
        return new SpectraDataset(name, "", spectra, table.copy(), List.of());
    }

    /** Like {@link #of(String, SpectrumMatrix, Table)} but takes ownership of {@code table} (no copy): the caller must not modify it afterwards. */
    public static SpectraDataset wrap(String name, SpectrumMatrix spectra, Table table) {
        return new SpectraDataset(name, "", spectra, table, List.of());
    }

    /** A dataset with only ids (no labels). */
    public static SpectraDataset of(String name, SpectrumMatrix spectra, String[] ids) {
        Table t = Table.create(name, StringColumn.create(ID, ids));
        return new SpectraDataset(name, "", spectra, t, List.of());
    }

    /** A dataset with ids {@code "0", "1", ...}. */
    public static SpectraDataset of(String name, SpectrumMatrix spectra) {
        String[] ids = new String[spectra.rows()];
        for (int i = 0; i < ids.length; i++) ids[i] = Integer.toString(i);
        return of(name, spectra, ids);
    }

    public String name() { return name; }
    /** Where it came from: a bundled dataset name or a path; empty if built in memory. */
    public String source() { return source; }
    public SpectrumMatrix spectra() { return spectra; }
    public EnergyGrid grid() { return spectra.grid(); }
    public int size() { return spectra.rows(); }
    public int channels() { return spectra.channels(); }
    /** A copy of the id/label/metadata table. */
    public Table table() { return table.copy(); }
    /** Processing steps applied so far (oldest first). */
    public List<Step> history() { return history; }
    public List<String> columnNames() { return table.columnNames(); }
    /** Names of the numeric columns (labels usable as regression targets). */
    public List<String> numericColumnNames() {
        List<String> out = new ArrayList<>();
        for (Column<?> c : table.columns()) if (c instanceof NumericColumn<?>) out.add(c.name());
        return out;
    }
    public boolean hasColumn(String column) { return table.containsColumn(column); }

    public String id(int row) { return table.stringColumn(ID).get(row); }
    public String[] ids() { return table.stringColumn(ID).asObjectArray(); }
    public Spectrum spectrum(int row) { return spectra.spectrum(row, id(row)); }

    /** Row index of an id, or -1. */
    public int indexOf(String id) {
        StringColumn ids = table.stringColumn(ID);
        for (int i = 0; i < ids.size(); i++) if (ids.get(i).equals(id)) return i;
        return -1;
    }

    /** A numeric label column as doubles (missing values as NaN). */
    public double[] label(String column) {
        Column<?> c = column(column);
        if (!(c instanceof NumericColumn<?> n)) {
            throw new IllegalArgumentException("dataset " + name + ": column \"" + column + "\" is " + c.type()
                    + ", expected a numeric column (numeric columns: " + numericColumnNames() + ")");
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) out[i] = n.isMissing(i) ? Double.NaN : n.getDouble(i);
        return out;
    }

    /** Several numeric label columns as an N x k array (row-major: one row per spectrum). */
    public double[][] labels(String... columns) {
        double[][] out = new double[size()][columns.length];
        for (int j = 0; j < columns.length; j++) {
            double[] c = label(columns[j]);
            for (int i = 0; i < c.length; i++) out[i][j] = c[i];
        }
        return out;
    }

    /** Any column's values as strings (missing as empty string). */
    public String[] labelAsString(String column) {
        Column<?> c = column(column);
        String[] out = new String[c.size()];
        for (int i = 0; i < out.length; i++) out[i] = c.isMissing(i) ? "" : c.getString(i);
        return out;
    }

    private Column<?> column(String column) {
        if (!table.containsColumn(column)) {
            throw new IllegalArgumentException("dataset " + name + ": no column \"" + column + "\" (columns: " + table.columnNames() + ")");
        }
        return table.column(column);
    }

    /** The rows at the given indices, in that order. */
    public SpectraDataset subset(int[] rows) {
        for (int r : rows) if (r < 0 || r >= size()) throw new IndexOutOfBoundsException("dataset " + name + ": row " + r + " of " + size());
        Table t = Table.create(table.name());
        for (Column<?> c : table.columns()) t.addColumns(c.subset(rows));
        return new SpectraDataset(name, source, spectra.select(rows), t, history);
    }

    /** The rows whose table row satisfies {@code keep} (the {@link Row} is a cursor: read it, do not keep it). */
    public SpectraDataset filter(Predicate<Row> keep) {
        List<Integer> idx = new ArrayList<>();
        for (Row r : table) if (keep.test(r)) idx.add(r.getRowNumber());
        return subset(idx.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Rows of this dataset followed by rows of {@code other}. Both must share the grid and have the
     * same column names and types; ids must stay unique.
     */
    public SpectraDataset concat(SpectraDataset other) {
        if (!grid().equals(other.grid())) {
            throw new IllegalArgumentException("concat: grids differ (" + grid() + " vs " + other.grid() + "); resample one first");
        }
        if (!table.columnNames().equals(other.table.columnNames())) {
            throw new IllegalArgumentException("concat: columns differ (" + table.columnNames() + " vs " + other.table.columnNames() + ")");
        }
        float[] a = spectra.rawData(), b = other.spectra.rawData();
        float[] d = new float[a.length + b.length];
        System.arraycopy(a, 0, d, 0, a.length);
        System.arraycopy(b, 0, d, a.length, b.length);
        Table t = table.copy().append(other.table);
        return new SpectraDataset(name, source, new SpectrumMatrix(grid(), size() + other.size(), d), t, history);
    }

    /** Same labels, new spectra (same row count; the grid may differ), with {@code step} appended to the history. */
    public SpectraDataset withSpectra(SpectrumMatrix newSpectra, Step step) {
        List<Step> h = new ArrayList<>(history);
        if (step != null) h.add(step);
        return new SpectraDataset(name, source, newSpectra, table, h, false);
    }

    /** Same spectra, new table (copied; must have the same rows and an {@code id} column). */
    public SpectraDataset withTable(Table newTable) {
        return new SpectraDataset(name, source, spectra, newTable.copy(), history);
    }

    /** Adds or replaces a numeric column. */
    public SpectraDataset withColumn(String column, double[] values) {
        if (values.length != size()) throw new IllegalArgumentException("withColumn " + column + ": " + values.length + " values for " + size() + " rows");
        Table t = table.copy();
        if (t.containsColumn(column)) t.removeColumns(column);
        t.addColumns(DoubleColumn.create(column, values));
        return new SpectraDataset(name, source, spectra, t, history);
    }

    public SpectraDataset withName(String newName) { return new SpectraDataset(newName, source, spectra, table, history, false); }
    public SpectraDataset withSource(String newSource) { return new SpectraDataset(name, newSource, spectra, table, history, false); }
    public SpectraDataset withHistory(List<Step> steps) { return new SpectraDataset(name, source, spectra, table, steps, false); }

    /**
     * A summary: one row per column of the table (type, count, missing, distinct, mean, std, min,
     * max for numeric columns) preceded by a row {@code <spectra>} with the intensity statistics
     * over all values and the grid in the {@code type} column.
     */
    public Table describe() {
        StringColumn col = StringColumn.create("column");
        StringColumn type = StringColumn.create("type");
        IntColumn count = IntColumn.create("count");
        IntColumn missing = IntColumn.create("missing");
        IntColumn distinct = IntColumn.create("distinct");
        DoubleColumn mean = DoubleColumn.create("mean"), std = DoubleColumn.create("std"),
                min = DoubleColumn.create("min"), max = DoubleColumn.create("max");
        // spectra
        float[] d = spectra.rawData();
        double s = 0, s2 = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (float v : d) { s += v; s2 += (double) v * v; lo = Math.min(lo, v); hi = Math.max(hi, v); }
        int n = d.length;
        col.append("<spectra>");
        type.append(size() + " x " + channels() + " float32, " + fmt(grid().minEv()) + ".." + fmt(grid().maxEv()) + " eV"
                + (grid().isUniform() && channels() > 1 ? " step " + fmt(grid().stepEv()) : ", non-uniform"));
        count.append(n); missing.append(0); distinct.append(size());
        mean.append(n == 0 ? Double.NaN : s / n);
        std.append(n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (s2 - s * s / n) / (n - 1))));
        min.append(n == 0 ? Double.NaN : lo); max.append(n == 0 ? Double.NaN : hi);
        for (Column<?> c : table.columns()) {
            col.append(c.name());
            type.append(c.type().name());
            int miss = c.countMissing();
            count.append(c.size() - miss);
            missing.append(miss);
            distinct.append(c.countUnique());
            if (c instanceof NumericColumn<?> nc && c.size() - miss > 0) {
                mean.append(nc.mean()); std.append(c.size() - miss > 1 ? nc.standardDeviation() : Double.NaN);
                min.append(nc.min()); max.append(nc.max());
            } else {
                mean.appendMissing(); std.appendMissing(); min.appendMissing(); max.appendMissing();
            }
        }
        return Table.create(name + " summary", col, type, count, missing, distinct, mean, std, min, max);
    }

    private static String fmt(double v) { return String.format(java.util.Locale.ROOT, "%.4g", v); }

    /**
     * SHA-256 (hex) of the content: grid energies (float64 little endian), spectra (float32 little
     * endian, row-major) and the table written as CSV (column names, then rows; values as text).
     * Equal data give equal hashes on every machine; used in {@code RunRecord.datasets}.
     */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer gb = ByteBuffer.allocate(8 * channels()).order(ByteOrder.LITTLE_ENDIAN);
            for (int j = 0; j < channels(); j++) gb.putDouble(grid().energyEv(j));
            md.update(gb.array());
            float[] d = spectra.rawData();
            ByteBuffer bb = ByteBuffer.allocate(4 * 65536).order(ByteOrder.LITTLE_ENDIAN);
            for (int off = 0; off < d.length; off += 65536) {
                int len = Math.min(65536, d.length - off);
                bb.clear();
                bb.asFloatBuffer().put(d, off, len);
                md.update(bb.array(), 0, 4 * len);
            }
            StringBuilder sb = new StringBuilder(String.join(",", table.columnNames())).append('\n');
            for (int i = 0; i < table.rowCount(); i++) {
                for (int j = 0; j < table.columnCount(); j++) {
                    if (j > 0) sb.append(',');
                    Column<?> c = table.column(j);
                    sb.append(c.isMissing(i) ? "" : c.getString(i));
                }
                sb.append('\n');
                if (sb.length() > 1 << 16) { md.update(sb.toString().getBytes(StandardCharsets.UTF_8)); sb.setLength(0); }
            }
            md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte x : md.digest()) hex.append(String.format("%02x", x));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }

    @Override public String toString() {
        return "SpectraDataset[" + name + ", " + size() + " spectra x " + channels() + " channels, " + grid()
                + ", columns " + table.columnNames() + "]";
    }
}
