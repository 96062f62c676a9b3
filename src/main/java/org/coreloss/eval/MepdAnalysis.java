package org.coreloss.eval;

import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.stats.Bandwidth;
import org.coreloss.stats.KMeans;
import org.coreloss.stats.KernelDensity2D;

/**
 * The maximal erratic peak intensity distribution (MEPD) of seed 003: the maximal misfits of all
 * test spectra, their k-means (k = 2) clustering by energy into L3 (lower-energy cluster) and L2,
 * the L3/L2 misfit ratio {@code r_MEPD = N_L3 / N_L2} (figure 6), the L3/L2 branching ratio of the
 * mean test spectrum {@code I_L3 / I_L2} (figure 7: areas of mu below and above the split energy,
 * the midpoint of the two cluster centres), per-channel maximum and count of misfits (M_KST,
 * N_KST of figure 8) and Gaussian KDEs of each cluster in the (energy, value) plane (figure 5).
 *
 * @param grid          energy grid of the spectra
 * @param misfits       one maximal misfit per test spectrum
 * @param clusterOf     0 = L3, 1 = L2, per misfit
 * @param centreL3Ev    centroid of the L3 cluster (eV)
 * @param centreL2Ev    centroid of the L2 cluster (eV)
 * @param splitEv       boundary between L3 and L2 (eV)
 * @param countL3       misfits in L3
 * @param countL2       misfits in L2
 * @param branchingRatio I_L3 / I_L2 of the mean reference spectrum
 * @param maxPerChannel  M_KST: the largest misfit value located at each channel (0 if none)
 * @param countPerChannel N_KST: the number of misfits located at each channel
 */
public record MepdAnalysis(EnergyGrid grid, PeakMisfit[] misfits, int[] clusterOf, double centreL3Ev, double centreL2Ev,
                           double splitEv, int countL3, int countL2, double branchingRatio,
                           double[] maxPerChannel, int[] countPerChannel) {

    /** Cluster index of L3. */
    public static final int L3 = 0;
    /** Cluster index of L2. */
    public static final int L2 = 1;

    /** Clusters {@code misfits} (k-means++ with {@code seed}) and computes the ratios against the channel mean {@code mu}. */
    public static MepdAnalysis of(EnergyGrid grid, PeakMisfit[] misfits, double[] mu, long seed) {
        if (misfits.length < 2) throw new IllegalArgumentException("MEPD: expected at least 2 misfits, got " + misfits.length);
        if (mu.length != grid.size()) throw new IllegalArgumentException("mu has " + mu.length + " channels, grid " + grid.size());
        double[] e = new double[misfits.length];
        for (int j = 0; j < e.length; j++) e[j] = misfits[j].energyEv();
        KMeans.Result km = KMeans.fit1D(e, KMeans.Options.of(2, seed));
        double c0 = km.centroids()[0][0], c1 = km.centroids()[1][0];
        int l3Label = c0 <= c1 ? 0 : 1;
        int[] cl = new int[e.length];
        int n3 = 0;
        for (int j = 0; j < e.length; j++) {
            cl[j] = km.labels()[j] == l3Label ? L3 : L2;
            if (cl[j] == L3) n3++;
        }
        double cL3 = Math.min(c0, c1), cL2 = Math.max(c0, c1), split = 0.5 * (cL3 + cL2);
        double a3 = 0, a2 = 0;
        for (int i = 1; i < grid.size(); i++) {
            double mid = 0.5 * (grid.energyEv(i) + grid.energyEv(i - 1));
            double area = 0.5 * (mu[i] + mu[i - 1]) * (grid.energyEv(i) - grid.energyEv(i - 1));
            if (mid < split) a3 += area; else a2 += area;
        }
        double[] maxC = new double[grid.size()];
        int[] cntC = new int[grid.size()];
        for (PeakMisfit m : misfits) {
            cntC[m.channel()]++;
            maxC[m.channel()] = Math.max(maxC[m.channel()], m.value());
        }
        return new MepdAnalysis(grid, misfits.clone(), cl, cL3, cL2, split, n3, e.length - n3, a2 == 0 ? Double.NaN : a3 / a2, maxC, cntC);
    }

    /** r_MEPD = N_L3 / N_L2 (infinite when no misfit is in L2). */
    public double ratio() { return countL2 == 0 ? Double.POSITIVE_INFINITY : (double) countL3 / countL2; }

    /** Energies (eV) of the misfits in one cluster. */
    public double[] energiesEv(int cluster) { return pick(cluster, true); }

    /** Values of the misfits in one cluster. */
    public double[] values(int cluster) { return pick(cluster, false); }

    private double[] pick(int cluster, boolean energy) {
        int n = 0;
        for (int c : clusterOf) if (c == cluster) n++;
        double[] out = new double[n];
        int k = 0;
        for (int j = 0; j < misfits.length; j++) if (clusterOf[j] == cluster) out[k++] = energy ? misfits[j].energyEv() : misfits[j].value();
        return out;
    }

    /**
     * Gaussian KDE (full bandwidth matrix, given rule) of one cluster in the (energy, value) plane on a
     * {@code nx x ny} grid spanning the cluster's data padded by three bandwidths. Energies sit on grid
     * channels, so the energy variance is floored at one grid step squared; clusters with fewer than
     * 3 points give an all-zero grid.
     */
    public DensityGrid density(int cluster, int nx, int ny, Bandwidth rule) {
        double[] x = energiesEv(cluster), y = values(cluster);
        double xmin = grid.minEv(), xmax = grid.maxEv(), ymin = 0, ymax = 1;
        if (x.length > 0) {
            xmin = min(x); xmax = max(x); ymin = min(y); ymax = max(y);
        }
        double step = (grid.maxEv() - grid.minEv()) / Math.max(grid.size() - 1, 1);
        if (x.length < 3) return new DensityGrid(lin(xmin - step, xmax + step, nx), lin(ymin, ymax + 1e-9, ny), new double[ny][nx]);
        KernelDensity2D kde;
        double f2 = Math.pow(rule.factor(x.length, 2), 2);
        double vx = Math.max(var(x), step * step), vy = Math.max(var(y), 1e-12), cxy = cov(x, y);
        double rho = cxy / Math.sqrt(vx * vy);
        if (Math.abs(rho) > 0.99) cxy = Math.signum(cxy) * 0.99 * Math.sqrt(vx * vy);
        kde = KernelDensity2D.fit(x, y, f2 * vx, f2 * cxy, f2 * vy);
        double[] h = kde.bandwidthMatrix();
        double px = 3 * Math.sqrt(h[0]), py = 3 * Math.sqrt(h[2]);
        double[] gx = lin(xmin - px, xmax + px, nx), gy = lin(Math.max(0, ymin - py), ymax + py, ny);
        return new DensityGrid(gx, gy, kde.densityGrid(gx, gy));
    }

    private static double[] lin(double a, double b, int n) {
        if (n < 2) throw new IllegalArgumentException("grid size " + n + ", expected >= 2");
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = a + (b - a) * i / (n - 1);
        return g;
    }
    private static double min(double[] a) { double m = Double.POSITIVE_INFINITY; for (double v : a) m = Math.min(m, v); return m; }
    private static double max(double[] a) { double m = Double.NEGATIVE_INFINITY; for (double v : a) m = Math.max(m, v); return m; }
    private static double var(double[] a) { return cov(a, a); }
    private static double cov(double[] a, double[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) { ma += a[i]; mb += b[i]; }
        ma /= a.length; mb /= b.length;
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - ma) * (b[i] - mb);
        return s / (a.length - 1);
    }
}
