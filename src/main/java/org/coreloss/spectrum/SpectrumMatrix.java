package org.coreloss.spectrum;

import java.util.Objects;

/**
 * N spectra on one {@link EnergyGrid}, stored as one row-major float32 block (N x C).
 * Rows are views into shared storage; methods that return arrays copy.
 */
public final class SpectrumMatrix {
    private final EnergyGrid grid;
    private final int rows;
    private final float[] data; // row-major, rows * grid.size()

    /** Wraps {@code data} (row-major, length rows x grid.size()) without copying. */
    public SpectrumMatrix(EnergyGrid grid, int rows, float[] data) {
        this.grid = Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(data, "data");
        if (rows < 0) throw new IllegalArgumentException("rows = " + rows + ", expected >= 0");
        if ((long) rows * grid.size() != data.length) {
            throw new IllegalArgumentException("spectrum matrix: " + data.length + " values for "
                    + rows + " rows x " + grid.size() + " channels");
        }
        this.rows = rows;
        this.data = data;
    }

    /** Copies rows of equal length into a new matrix. */
    public static SpectrumMatrix of(EnergyGrid grid, float[][] rows) {
        int c = grid.size();
        float[] d = new float[rows.length * c];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("spectrum matrix: row " + i + " has " + rows[i].length
                        + " values, expected " + c + " (grid size)");
            }
            System.arraycopy(rows[i], 0, d, i * c, c);
        }
        return new SpectrumMatrix(grid, rows.length, d);
    }

    public EnergyGrid grid() { return grid; }
    public int rows() { return rows; }
    public int channels() { return grid.size(); }
    public float get(int row, int channel) { return data[row * grid.size() + channel]; }

    /** Copy of one row. */
    public float[] row(int row) {
        checkRow(row);
        float[] r = new float[grid.size()];
        System.arraycopy(data, row * grid.size(), r, 0, r.length);
        return r;
    }

    /** Copy of one row as doubles. */
    public double[] rowAsDouble(int row) {
        checkRow(row);
        int c = grid.size();
        double[] r = new double[c];
        for (int j = 0; j < c; j++) r[j] = data[row * c + j];
        return r;
    }

    public Spectrum spectrum(int row, String id) { return new Spectrum(id, grid, rowAsDouble(row)); }

    /** The backing row-major storage (not copied: callers must not modify it). */
    public float[] rawData() { return data; }

    /** Copy of all rows as a 2D array. */
    public float[][] toArray() {
        float[][] out = new float[rows][];
        for (int i = 0; i < rows; i++) out[i] = row(i);
        return out;
    }

    /** New matrix with the given rows, in order. */
    public SpectrumMatrix select(int[] rowIndices) {
        int c = grid.size();
        float[] d = new float[rowIndices.length * c];
        for (int k = 0; k < rowIndices.length; k++) {
            checkRow(rowIndices[k]);
            System.arraycopy(data, rowIndices[k] * c, d, k * c, c);
        }
        return new SpectrumMatrix(grid, rowIndices.length, d);
    }

    private void checkRow(int row) {
        if (row < 0 || row >= rows) throw new IndexOutOfBoundsException("row " + row + " of " + rows);
    }

    @Override public String toString() { return "SpectrumMatrix[" + rows + " x " + channels() + ", " + grid + "]"; }
}
