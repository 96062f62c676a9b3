package org.coreloss.structure;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact Voronoi cells by half-space clipping (ordinary, not radical, Voronoi).
 *
 * <p>For site i the cell starts as a cube around the atom that surely contains it: half-width
 * {@code (|a| + |b| + |c|) / 2} for a periodic cell (every point lies within that distance of some
 * lattice translate of the atom, so the cell of the atom among its own images fits inside), or
 * ten times the structure's extent for a non-periodic one. It is then clipped by the bisector
 * half-space {@code d . x <= |d|^2 / 2} of every neighbour (periodic images included) in order of
 * increasing distance |d|. A neighbour farther than twice the cell's current largest vertex radius
 * R cannot cut the cell (its bisector lies beyond R), and since R only decreases, clipping stops at
 * the first such neighbour. Neighbours are fetched from {@link Neighbors} with a cutoff that grows to
 * 2R when needed. Tolerances are described in {@code ConvexPolyhedron}: relative 1e-10 of R.
 *
 * <p>The volume is the sum of face pyramids {@code area x h / 3} with apex at the atom. For a
 * periodic structure the cells tile space, so their volumes sum to the cell volume (tested to
 * 1e-6 relative; in practice ~1e-13).
 */
public final class VoronoiCells {
    private VoronoiCells() {}

    /** The Voronoi cell of atom {@code site}. */
    public static VoronoiCell cell(Structure s, int site) {
        if (site < 0 || site >= s.size()) throw new IllegalArgumentException("site = " + site + ", expected 0.." + (s.size() - 1));
        double half;
        double cutoff;
        if (s.isPeriodic()) {
            double[][] l = s.latticeA();
            half = 0.5 * (Mat3.norm(l[0]) + Mat3.norm(l[1]) + Mat3.norm(l[2])) * (1 + 1e-9);
            cutoff = 2.5 * Math.cbrt(s.volumeA3() / s.size());
        } else {
            double ext = extent(s);
            half = 10 * (ext + 1.0);
            cutoff = 2 * half * Math.sqrt(3) + 1; // every atom
        }
        ConvexPolyhedron p = ConvexPolyhedron.cube(half);
        double done = -1; // neighbours with distance <= done have been applied
        while (true) {
            List<Neighbor> nbs = Neighbors.within(s, site, cutoff);
            boolean finished = false;
            for (Neighbor n : nbs) {
                if (n.distanceA() <= done) continue;
                if (n.distanceA() > 2 * p.maxRadius()) { finished = true; break; }
                double d = n.distanceA();
                if (d < 1e-8) {
                    throw new IllegalArgumentException("structure '" + s.name() + "': atoms " + site + " and " + n.index()
                            + " coincide (distance " + d + " A); Voronoi cells are undefined");
                }
                double[] u = {n.dxA() / d, n.dyA() / d, n.dzA() / d};
                p.clip(u, d / 2, n);
            }
            if (finished || 2 * p.maxRadius() <= cutoff || !s.isPeriodic()) break;
            done = cutoff;
            cutoff = 2 * p.maxRadius() * (1 + 1e-9);
        }
        List<VoronoiCell.Face> faces = new ArrayList<>();
        for (ConvexPolyhedron.Face f : p.faces()) faces.add(new VoronoiCell.Face((Neighbor) f.label, f.area()));
        double v = p.touchesBox() ? Double.POSITIVE_INFINITY : p.volume();
        if (p.touchesBox() && s.isPeriodic()) {
            throw new IllegalStateException("Voronoi cell of site " + site + " still touches its bounding box; this is a bug");
        }
        return new VoronoiCell(site, v, p.maxRadius(), p.touchesBox() ? List.of() : faces);
    }

    /** Voronoi volumes (Angstrom^3) of every atom, in atom order. */
    public static double[] volumesA3(Structure s) {
        double[] v = new double[s.size()];
        for (int i = 0; i < s.size(); i++) v[i] = cell(s, i).volumeA3();
        return v;
    }

    private static double extent(Structure s) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < s.size(); i++) {
            double[] c = s.cartesianA(i);
            for (int k = 0; k < 3; k++) { lo[k] = Math.min(lo[k], c[k]); hi[k] = Math.max(hi[k], c[k]); }
        }
        double e = 0;
        for (int k = 0; k < 3; k++) e = Math.max(e, hi[k] - lo[k]);
        return e;
    }
}
