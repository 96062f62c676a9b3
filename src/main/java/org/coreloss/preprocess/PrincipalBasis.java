package org.coreloss.preprocess;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * Principal-component basis of a set of rows (e.g. training spectra): the mean row and the leading eigenvectors
 * of the covariance matrix (population, in double), as many as needed to keep a given share of the total
 * variance. A row is represented by its coefficients c = V^T (y - mean) and reconstructed as mean + V c; the
 * reconstruction error of a training row is the variance share left out.
 *
 * @param mean       column means (length C)
 * @param components k orthonormal components, {@code [k][C]}, by decreasing eigenvalue
 * @param eigenvalues their variances (length k)
 * @param keptShare  share of the total variance the k components hold
 */
public record PrincipalBasis(double[] mean, double[][] components, double[] eigenvalues, double keptShare) {

    /** Fits the basis keeping the fewest components whose variance share is at least {@code share} (in (0, 1]). */
    public static PrincipalBasis fit(float[][] rows, double share) {
        if (rows.length < 2) throw new IllegalArgumentException("principal basis: " + rows.length + " rows, expected >= 2");
        if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("share = " + share + ", expected in (0, 1]");
        int c = rows[0].length, n = rows.length;
        double[] m = new double[c];
        for (float[] r : rows) for (int j = 0; j < c; j++) m[j] += r[j];
        for (int j = 0; j < c; j++) m[j] /= n;
        double[][] cov = new double[c][c];
        double[] d = new double[c];
        for (float[] r : rows) {
            for (int j = 0; j < c; j++) d[j] = r[j] - m[j];
            for (int a = 0; a < c; a++) {
                double da = d[a];
                if (da == 0) continue;
                double[] row = cov[a];
                for (int b = a; b < c; b++) row[b] += da * d[b];
            }
        }
        for (int a = 0; a < c; a++) for (int b = a; b < c; b++) { cov[a][b] /= n; cov[b][a] = cov[a][b]; }
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(cov, false));
        double[] ev = e.getEigenvalues(); // decreasing
        double total = 0;
        for (double v : ev) total += Math.max(0, v);
        int k = 0;
        double kept = 0;
        while (k < c && (total == 0 ? k < 1 : kept / total < share)) { kept += Math.max(0, ev[k]); k++; }
        double[][] comp = new double[k][];
        double[] vals = new double[k];
        for (int i = 0; i < k; i++) { comp[i] = e.getEigenvector(i).toArray(); vals[i] = ev[i]; }
        return new PrincipalBasis(m, comp, vals, total == 0 ? 1 : kept / total);
    }

    public int size() { return components.length; }

    /** Coefficients of each row. */
    public float[][] project(float[][] rows) {
        int k = size(), c = mean.length;
        float[][] out = new float[rows.length][k];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != c) throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + c);
            for (int q = 0; q < k; q++) {
                double s = 0;
                double[] v = components[q];
                for (int j = 0; j < c; j++) s += (rows[i][j] - mean[j]) * v[j];
                out[i][q] = (float) s;
            }
        }
        return out;
    }

    /** Rows rebuilt from coefficients. */
    public float[][] reconstruct(float[][] coefficients) {
        int k = size(), c = mean.length;
        float[][] out = new float[coefficients.length][c];
        for (int i = 0; i < coefficients.length; i++) {
            if (coefficients[i].length != k) throw new IllegalArgumentException("coefficient row " + i + " has " + coefficients[i].length + " values, expected " + k);
            double[] y = mean.clone();
            for (int q = 0; q < k; q++) {
                double a = coefficients[i][q];
                double[] v = components[q];
                for (int j = 0; j < c; j++) y[j] += a * v[j];
            }
            for (int j = 0; j < c; j++) out[i][j] = (float) y[j];
        }
        return out;
    }
}
