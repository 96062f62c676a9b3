package org.coreloss.eval;

import org.coreloss.spectrum.SpectrumMatrix;

/**
 * Exact Euclidean k-nearest-neighbour search over the rows of a spectrum matrix (seed 001, figure 3:
 * "spectral similarity was measured by Euclidean distance"). Brute force, O(N C) per query; ties are
 * broken by the lower row index.
 */
public final class NearestNeighbours {
    private final SpectrumMatrix reference;

    public NearestNeighbours(SpectrumMatrix reference) {
        this.reference = reference;
    }

    /**
     * Neighbours of one query.
     *
     * @param indices  rows of the reference matrix, nearest first
     * @param distances Euclidean distances (intensity units), ascending
     */
    public record Result(int[] indices, double[] distances) {}

    /** The {@code k} nearest reference rows to {@code query} (length = channels). */
    public Result query(float[] query, int k) {
        int c = reference.channels(), n = reference.rows();
        if (query.length != c) throw new IllegalArgumentException("query has " + query.length + " channels, reference " + c);
        if (k < 1 || k > n) throw new IllegalArgumentException("k = " + k + ", expected 1 .. " + n);
        float[] d = reference.rawData();
        int[] idx = new int[k];
        double[] dist = new double[k];
        java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(idx, -1);
        for (int r = 0; r < n; r++) {
            double s = 0;
            for (int i = 0, o = r * c; i < c; i++) { double t = (double) d[o + i] - query[i]; s += t * t; }
            if (s < dist[k - 1]) {
                int pos = k - 1;
                while (pos > 0 && dist[pos - 1] > s) { dist[pos] = dist[pos - 1]; idx[pos] = idx[pos - 1]; pos--; }
                dist[pos] = s; idx[pos] = r;
            }
        }
        for (int i = 0; i < k; i++) dist[i] = Math.sqrt(dist[i]);
        return new Result(idx, dist);
    }
}
