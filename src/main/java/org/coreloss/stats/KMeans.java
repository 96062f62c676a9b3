package org.coreloss.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lloyd's k-means with k-means++ seeding (Arthur and Vassilvitskii 2007), several restarts, best
 * inertia kept. Deterministic for a given {@link Options#seed()}.
 *
 * <p>Seed 003 clusters the energies of the maximal peak misfits (MEPD) with k = 2 into L3 and L2.
 */
public final class KMeans {
    private KMeans() {}

    /**
     * Options.
     *
     * @param k        number of clusters, 1 .. number of points
     * @param restarts independent k-means++ initialisations (>= 1); the lowest inertia wins
     * @param maxIter  maximal Lloyd iterations per restart (>= 1)
     * @param seed     random seed; same seed, same clustering
     */
    public record Options(int k, int restarts, int maxIter, long seed) {
        public Options {
            if (k < 1) throw new IllegalArgumentException("k = " + k + ", expected k >= 1");
            if (restarts < 1) throw new IllegalArgumentException("restarts = " + restarts + ", expected >= 1");
            if (maxIter < 1) throw new IllegalArgumentException("maxIter = " + maxIter + ", expected >= 1");
        }

        /** k clusters, 10 restarts, 300 iterations. */
        public static Options of(int k, long seed) { return new Options(k, 10, 300, seed); }
    }

    /**
     * A fitted clustering.
     *
     * @param centroids k x d cluster centres
     * @param labels    cluster index of every point
     * @param inertia   sum of squared distances of points to their centre
     * @param iterations Lloyd iterations of the winning restart
     */
    public record Result(double[][] centroids, int[] labels, double inertia, int iterations) {
        public int k() { return centroids.length; }

        /** Number of points in each cluster. */
        public int[] sizes() {
            int[] s = new int[centroids.length];
            for (int l : labels) s[l]++;
            return s;
        }

        /** Index of the nearest centroid to {@code x}. */
        public int predict(double[] x) { return nearest(centroids, x); }
    }

    /** Clusters 1D values (a convenience for energies). */
    public static Result fit1D(double[] values, Options options) {
        double[][] x = new double[values.length][];
        for (int i = 0; i < values.length; i++) x[i] = new double[] {values[i]};
        return fit(x, options);
    }

    /** Clusters {@code points} (n x d, not modified). */
    public static Result fit(double[][] points, Options options) {
        int n = points.length;
        if (n == 0) throw new IllegalArgumentException("points: expected at least one point, got 0");
        int d = points[0].length;
        for (int i = 0; i < n; i++) {
            if (points[i].length != d) throw new IllegalArgumentException("points: row " + i + " has " + points[i].length + " values, expected " + d);
            for (int j = 0; j < d; j++) if (!Double.isFinite(points[i][j])) throw new IllegalArgumentException("points: row " + i + ", column " + j + " is not finite");
        }
        if (options.k() > n) throw new IllegalArgumentException("k = " + options.k() + " exceeds the number of points " + n);
        SplittableRandom root = new SplittableRandom(options.seed());
        Result best = null;
        for (int r = 0; r < options.restarts(); r++) {
            Result res = lloyd(points, plusPlus(points, options.k(), root.split()), options.maxIter());
            if (best == null || res.inertia() < best.inertia()) best = res;
        }
        return best;
    }

    static double[][] plusPlus(double[][] x, int k, SplittableRandom rnd) {
        int n = x.length;
        double[][] c = new double[k][];
        c[0] = x[rnd.nextInt(n)].clone();
        double[] d2 = new double[n];
        for (int i = 0; i < n; i++) d2[i] = dist2(x[i], c[0]);
        for (int m = 1; m < k; m++) {
            double total = 0;
            for (double v : d2) total += v;
            int pick;
            if (total <= 0) {
                pick = rnd.nextInt(n);
            } else {
                double u = rnd.nextDouble() * total;
                pick = n - 1;
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += d2[i];
                    if (acc >= u) { pick = i; break; }
                }
            }
            c[m] = x[pick].clone();
            for (int i = 0; i < n; i++) d2[i] = Math.min(d2[i], dist2(x[i], c[m]));
        }
        return c;
    }

    static Result lloyd(double[][] x, double[][] c, int maxIter) {
        int n = x.length, k = c.length, d = x[0].length;
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        int it = 0;
        for (; it < maxIter; it++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int l = nearest(c, x[i]);
                if (l != labels[i]) { labels[i] = l; changed = true; }
            }
            double[][] sum = new double[k][d];
            int[] cnt = new int[k];
            for (int i = 0; i < n; i++) {
                cnt[labels[i]]++;
                for (int j = 0; j < d; j++) sum[labels[i]][j] += x[i][j];
            }
            for (int m = 0; m < k; m++) {
                if (cnt[m] == 0) continue; // empty cluster keeps its centre
                for (int j = 0; j < d; j++) c[m][j] = sum[m][j] / cnt[m];
            }
            if (!changed && it > 0) break;
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) inertia += dist2(x[i], c[labels[i]]);
        return new Result(c, labels, inertia, it);
    }

    static int nearest(double[][] c, double[] p) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int m = 0; m < c.length; m++) {
            double dd = dist2(c[m], p);
            if (dd < bd) { bd = dd; best = m; }
        }
        return best;
    }

    static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) { double t = a[j] - b[j]; s += t * t; }
        return s;
    }
}
