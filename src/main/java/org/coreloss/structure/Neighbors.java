package org.coreloss.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Neighbour search: every atom and every periodic image within a cutoff of a centre atom.
 *
 * <p>For a periodic cell the image ranges come from the perpendicular widths
 * {@code w_k = V / |a_l x a_m|}: with the fractional difference {@code df} wrapped to [-1/2, 1/2],
 * a displacement {@code (df + n) L} can only be within {@code r} if
 * {@code |df_k + n_k| w_k <= r} for each axis, since {@code |df_k + n_k| w_k} is its component normal to
 * the lattice planes of axis k. This is exact for any (skewed) cell and any cutoff, also when the
 * cutoff exceeds the cell size (several images of one atom, and images of the centre itself, are
 * returned). Cost is O(N x images) per centre.
 */
public final class Neighbors {
    private Neighbors() {}

    private static final Comparator<Neighbor> ORDER = Comparator.comparingDouble(Neighbor::distanceA)
            .thenComparingInt(Neighbor::index).thenComparingInt(Neighbor::na).thenComparingInt(Neighbor::nb).thenComparingInt(Neighbor::nc);

    /**
     * All neighbours of atom {@code centre} with {@code 0 < distance <= cutoffA}, sorted by distance
     * (ties by index and image, so the order is deterministic). The centre itself (zero
     * displacement) is excluded; its periodic images are included.
     */
    public static List<Neighbor> within(Structure s, int centre, double cutoffA) {
        if (!(cutoffA > 0) || !Double.isFinite(cutoffA)) throw new IllegalArgumentException("cutoffA = " + cutoffA + ", expected a finite value > 0");
        if (centre < 0 || centre >= s.size()) throw new IllegalArgumentException("centre = " + centre + ", expected 0.." + (s.size() - 1));
        List<Neighbor> out = new ArrayList<>();
        double r2 = cutoffA * cutoffA;
        if (!s.isPeriodic()) {
            double[][] cart = s.cartRaw();
            double[] c = cart[centre];
            for (int j = 0; j < s.size(); j++) {
                if (j == centre) continue;
                double[] p = cart[j];
                double dx = p[0] - c[0], dy = p[1] - c[1], dz = p[2] - c[2];
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 <= r2) out.add(new Neighbor(j, s.species(j), 0, 0, 0, dx, dy, dz, Math.sqrt(d2)));
            }
        } else {
            double[][] l = s.latticeRaw();
            double[] w = s.perpendicularWidthsA();
            double[][] frac = s.fracRaw();
            double[] fi = frac[centre];
            double[] df = new double[3];
            int[] base = new int[3];
            int[] lo = new int[3], hi = new int[3];
            for (int j = 0; j < s.size(); j++) {
                double[] fj = frac[j];
                for (int k = 0; k < 3; k++) {
                    double raw = fj[k] - fi[k];
                    base[k] = (int) -Math.rint(raw);
                    df[k] = raw + base[k];
                    lo[k] = (int) Math.ceil(-cutoffA / w[k] - df[k] - 1e-12);
                    hi[k] = (int) Math.floor(cutoffA / w[k] - df[k] + 1e-12);
                }
                for (int a = lo[0]; a <= hi[0]; a++) {
                    double fa = df[0] + a;
                    for (int b = lo[1]; b <= hi[1]; b++) {
                        double fb = df[1] + b;
                        for (int cc = lo[2]; cc <= hi[2]; cc++) {
                            double fc = df[2] + cc;
                            double dx = fa * l[0][0] + fb * l[1][0] + fc * l[2][0];
                            double dy = fa * l[0][1] + fb * l[1][1] + fc * l[2][1];
                            double dz = fa * l[0][2] + fb * l[1][2] + fc * l[2][2];
                            double d2 = dx * dx + dy * dy + dz * dz;
                            if (d2 > r2) continue;
                            int na = a + base[0], nb = b + base[1], nc = cc + base[2];
                            if (j == centre && na == 0 && nb == 0 && nc == 0) continue;
                            out.add(new Neighbor(j, s.species(j), na, nb, nc, dx, dy, dz, Math.sqrt(d2)));
                        }
                    }
                }
            }
        }
        out.sort(ORDER);
        return out;
    }

    /**
     * Distance in Angstrom from {@code centre} to its nearest neighbour of any of {@code species}
     * (all species when empty), or +Infinity when there is none within {@code maxA}.
     */
    public static double nearestDistanceA(Structure s, int centre, java.util.Set<String> species, double maxA) {
        for (Neighbor n : within(s, centre, maxA)) {
            if (species.isEmpty() || species.contains(n.species())) return n.distanceA();
        }
        return Double.POSITIVE_INFINITY;
    }
}
