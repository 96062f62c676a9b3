package org.coreloss.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NeighborsTest {

    /** Brute force over a generous image box, for comparison. */
    static int bruteCount(Structure s, int centre, double cutoff, int range) {
        double[][] l = s.latticeA();
        double[] ci = s.cartesianA(centre);
        int count = 0;
        for (int j = 0; j < s.size(); j++) {
            double[] cj = s.cartesianA(j);
            for (int a = -range; a <= range; a++) for (int b = -range; b <= range; b++) for (int c = -range; c <= range; c++) {
                if (j == centre && a == 0 && b == 0 && c == 0) continue;
                double dx = cj[0] + a * l[0][0] + b * l[1][0] + c * l[2][0] - ci[0];
                double dy = cj[1] + a * l[0][1] + b * l[1][1] + c * l[2][1] - ci[1];
                double dz = cj[2] + a * l[0][2] + b * l[1][2] + c * l[2][2] - ci[2];
                if (dx * dx + dy * dy + dz * dz <= cutoff * cutoff) count++;
            }
        }
        return count;
    }

    @Test
    void skewedCellMatchesBruteForce() {
        Structure s = Lattices.skewed();
        for (int i = 0; i < s.size(); i++) {
            for (double r : new double[] {1.0, 2.5, 3.9, 7.3}) { // not lattice lengths: no ties at the cutoff
                // |f_k + n_k| <= r / w_k <= 7.3 / 1.39 = 5.3, plus up to 3 from the unwrapped coordinates: a range of 14 covers it
                assertEquals(bruteCount(s, i, r, 14), Neighbors.within(s, i, r).size(), "site " + i + " r " + r);
            }
        }
    }

    @Test
    void fccShellsAndSelfImages() {
        double a = 3.6;
        Structure p = Lattices.fccPrimitive(a);
        List<Neighbor> n = Neighbors.within(p, 0, a / Math.sqrt(2) * 1.001);
        assertEquals(12, n.size(), "first shell from images of the single atom");
        for (Neighbor x : n) assertEquals(a / Math.sqrt(2), x.distanceA(), 1e-12);
        assertEquals(12 + 6, Neighbors.within(p, 0, a * 1.001).size(), "second shell: 6 at a");
    }

    @Test
    void displacementMatchesImage() {
        Structure s = Lattices.triclinic();
        double[][] l = s.latticeA();
        for (Neighbor n : Neighbors.within(s, 2, 6.0)) {
            double[] rj = s.cartesianA(n.index()), ri = s.cartesianA(2);
            double[] d = {rj[0] + n.na() * l[0][0] + n.nb() * l[1][0] + n.nc() * l[2][0] - ri[0],
                    rj[1] + n.na() * l[0][1] + n.nb() * l[1][1] + n.nc() * l[2][1] - ri[1],
                    rj[2] + n.na() * l[0][2] + n.nb() * l[1][2] + n.nc() * l[2][2] - ri[2]};
            assertEquals(d[0], n.dxA(), 1e-12);
            assertEquals(d[1], n.dyA(), 1e-12);
            assertEquals(d[2], n.dzA(), 1e-12);
        }
    }

    @Test
    void sortedByDistance() {
        List<Neighbor> n = Neighbors.within(Lattices.triclinic(), 0, 8.0);
        for (int k = 1; k < n.size(); k++) assertTrue(n.get(k).distanceA() >= n.get(k - 1).distanceA());
    }

    @Test
    void perpendicularWidths() {
        Structure s = Lattices.fccPrimitive(2.0);
        // fcc primitive: widths = V / |b x c| = (a^3/4) / (sqrt(3) a^2 / 4) = a / sqrt(3)
        for (double w : s.perpendicularWidthsA()) assertEquals(2.0 / Math.sqrt(3), w, 1e-12);
    }
}
