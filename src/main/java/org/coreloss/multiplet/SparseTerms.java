package org.coreloss.multiplet;

/**
 * The operator terms of one symmetry block as one sparse pattern with a value per {@link Term}:
 * entry e is (rows[e], cols[e]) with values vals[e * Term.COUNT + t]. H(block) = sum_t c_t O_t is
 * assembled densely by {@link #assemble}.
 */
final class SparseTerms {
    final int n;
    final int[] rows;
    final int[] cols;
    final double[] vals;

    SparseTerms(int n, int[] rows, int[] cols, double[] vals) {
        this.n = n;
        this.rows = rows;
        this.cols = cols;
        this.vals = vals;
    }

    int nonZeros() {
        return rows.length;
    }

    /** Dense n x n column-major matrix sum_t coef[t] O_t. */
    double[] assemble(double[] coef) {
        double[] h = new double[n * n];
        int tc = Term.COUNT;
        int[] active = new int[tc];
        int na = 0;
        for (int t = 0; t < tc; t++) if (coef[t] != 0) active[na++] = t;
        for (int e = 0; e < rows.length; e++) {
            double s = 0;
            int base = e * tc;
            for (int a = 0; a < na; a++) s += coef[active[a]] * vals[base + active[a]];
            h[rows[e] + cols[e] * n] += s;
        }
        return h;
    }

    /** Dense column-major complex (interleaved re, im) version of {@link #assemble} (imaginary parts 0). */
    double[] assembleComplex(double[] coef) {
        double[] r = assemble(coef);
        double[] z = new double[2 * r.length];
        for (int i = 0; i < r.length; i++) z[2 * i] = r[i];
        return z;
    }
}
