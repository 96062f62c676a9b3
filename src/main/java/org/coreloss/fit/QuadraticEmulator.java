package org.coreloss.fit;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * A local emulator of a vector-valued model around a point: a full quadratic polynomial in whitened
 * coordinates z = L^-1 (x - x0) (L the Cholesky factor of a covariance), fitted by least squares to
 * model evaluations at design points. Used to run the posterior sampler for ions whose engine spectra
 * cost tens of milliseconds: the emulator is validated against the engine on held-out points and the
 * sampler treats |z_i| &gt; {@link #limit()} as outside the support.
 */
public final class QuadraticEmulator {
    private final double[] x0;
    private final double[][] lInv; // inverse Cholesky factor
    private final double[][] coefficients; // [feature][output]
    private final int d;
    private final double limit;

    private QuadraticEmulator(double[] x0, double[][] lInv, double[][] coefficients, double limit) {
        this.x0 = x0;
        this.lInv = lInv;
        this.coefficients = coefficients;
        this.d = x0.length;
        this.limit = limit;
    }

    /** Number of polynomial terms in d dimensions: 1 + d + d(d+1)/2. */
    public static int features(int d) { return 1 + d + d * (d + 1) / 2; }

    /** The whitened coordinates of x. */
    public double[] whiten(double[] x) {
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) s += lInv[i][j] * (x[j] - x0[j]);
            z[i] = s;
        }
        return z;
    }

    /** x0 + L z. */
    static double[] unwhiten(double[] x0, double[][] l, double[] z) {
        double[] x = x0.clone();
        for (int i = 0; i < x.length; i++) for (int j = 0; j <= i; j++) x[i] += l[i][j] * z[j];
        return x;
    }

    static double[] featureVector(double[] z) {
        int d = z.length;
        double[] f = new double[features(d)];
        int k = 0;
        f[k++] = 1;
        for (double v : z) f[k++] = v;
        for (int i = 0; i < d; i++) for (int j = i; j < d; j++) f[k++] = z[i] * z[j];
        return f;
    }

    /** Whether x lies inside the emulated box |z_i| &lt;= limit. */
    public boolean inside(double[] x) {
        for (double v : whiten(x)) if (Math.abs(v) > limit) return false;
        return true;
    }

    public double limit() { return limit; }

    /** The emulated output at x. */
    public double[] evaluate(double[] x) {
        double[] f = featureVector(whiten(x));
        int m = coefficients[0].length;
        double[] y = new double[m];
        for (int k = 0; k < f.length; k++) {
            double fk = f[k];
            if (fk == 0) continue;
            double[] c = coefficients[k];
            for (int i = 0; i < m; i++) y[i] += fk * c[i];
        }
        return y;
    }

    /**
     * Fits to outputs {@code y[i]} at design points {@code x[i]} (parameter units), whitened around
     * {@code x0} with the Cholesky factor {@code l} (lower triangular) of a covariance.
     */
    static QuadraticEmulator fit(double[] x0, double[][] l, double[][] x, double[][] y, double limit) {
        int d = x0.length, q = features(d), n = x.length, m = y[0].length;
        double[][] lInv = MatrixUtils.inverse(MatrixUtils.createRealMatrix(l)).getData();
        QuadraticEmulator w = new QuadraticEmulator(x0.clone(), lInv, new double[1][1], limit);
        double[][] z = new double[n][];
        for (int r = 0; r < n; r++) z[r] = w.whiten(x[r]);
        if (n < q) throw new IllegalArgumentException(n + " design points, expected at least " + q + " for a quadratic in " + d + " dimensions");
        double[][] ata = new double[q][q];
        double[][] aty = new double[q][m];
        for (int r = 0; r < n; r++) {
            double[] f = featureVector(z[r]);
            for (int a = 0; a < q; a++) {
                if (f[a] == 0) continue;
                for (int b = 0; b < q; b++) ata[a][b] += f[a] * f[b];
                for (int i = 0; i < m; i++) aty[a][i] += f[a] * y[r][i];
            }
        }
        double tr = 0;
        for (int a = 0; a < q; a++) tr += ata[a][a];
        for (int a = 0; a < q; a++) ata[a][a] += 1e-10 * tr / q;
        RealMatrix inv = new CholeskyDecomposition(MatrixUtils.createRealMatrix(ata), 1e-14, 1e-16).getSolver().getInverse();
        double[][] c = inv.multiply(MatrixUtils.createRealMatrix(aty)).getData();
        return new QuadraticEmulator(x0.clone(), lInv, c, limit);
    }
}
