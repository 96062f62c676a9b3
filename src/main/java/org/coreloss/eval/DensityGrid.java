package org.coreloss.eval;

/**
 * A 2D density sampled on a grid: {@code z[iy][ix]} at {@code (x[ix], y[iy])}; for contour plots.
 *
 * @param x grid abscissae (e.g. energy in eV)
 * @param y grid ordinates (e.g. misfit value)
 * @param z density values
 */
public record DensityGrid(double[] x, double[] y, double[][] z) {
    public DensityGrid {
        if (z.length != y.length) throw new IllegalArgumentException("z has " + z.length + " rows, expected " + y.length);
    }
}
