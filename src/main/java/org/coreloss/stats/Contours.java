package org.coreloss.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Isolines of a function sampled on a rectangular grid by marching squares (Lorensen and Cline's
 * 2D analogue). Each cell's crossing segments are found by linear interpolation along its edges;
 * saddle cells are resolved with the cell-centre average; segments are then joined into polylines.
 */
public final class Contours {
    private Contours() {}

    /** A polyline in data coordinates; closed when the first and last points coincide. */
    public record Polyline(double[] x, double[] y) {
        public int size() { return x.length; }
        public boolean closed() { return x.length > 2 && x[0] == x[x.length - 1] && y[0] == y[y.length - 1]; }
    }

    /**
     * Isolines of {@code z[iy][ix]} sampled at {@code (gx[ix], gy[iy])} at {@code level}.
     * Grid coordinates must be strictly increasing; non-finite values are treated as below the level.
     */
    public static List<Polyline> isolines(double[] gx, double[] gy, double[][] z, double level) {
        int nx = gx.length, ny = gy.length;
        if (z.length != ny) throw new IllegalArgumentException("z has " + z.length + " rows, expected " + ny + " (gy length)");
        for (int iy = 0; iy < ny; iy++) if (z[iy].length != nx) throw new IllegalArgumentException("z row " + iy + " has " + z[iy].length + " values, expected " + nx);
        level = nudged(z, level);
        List<double[]> segs = new ArrayList<>(); // x0,y0,x1,y1 in grid index space
        for (int iy = 0; iy + 1 < ny; iy++) {
            for (int ix = 0; ix + 1 < nx; ix++) {
                double a = v(z[iy][ix]), b = v(z[iy][ix + 1]), c = v(z[iy + 1][ix + 1]), d = v(z[iy + 1][ix]);
                int idx = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
                if (idx == 0 || idx == 15) continue;
                // edge points: bottom (a-b), right (b-c), top (d-c), left (a-d), in grid index space
                double[] bottom = {ix + t(a, b, level), iy};
                double[] right = {ix + 1, iy + t(b, c, level)};
                double[] top = {ix + t(d, c, level), iy + 1};
                double[] left = {ix, iy + t(a, d, level)};
                switch (idx) {
                    case 1, 14 -> segs.add(seg(left, bottom));
                    case 2, 13 -> segs.add(seg(bottom, right));
                    case 3, 12 -> segs.add(seg(left, right));
                    case 4, 11 -> segs.add(seg(right, top));
                    case 6, 9 -> segs.add(seg(bottom, top));
                    case 7, 8 -> segs.add(seg(left, top));
                    case 5, 10 -> {
                        double centre = (a + b + c + d) / 4;
                        boolean centreHigh = centre >= level;
                        if ((idx == 5) == centreHigh) { // a and c high, joined through the centre
                            segs.add(seg(left, top));
                            segs.add(seg(bottom, right));
                        } else {
                            segs.add(seg(left, bottom));
                            segs.add(seg(right, top));
                        }
                    }
                    default -> throw new IllegalStateException("case " + idx);
                }
            }
        }
        List<List<double[]>> lines = join(segs);
        List<Polyline> out = new ArrayList<>();
        for (List<double[]> pts : lines) {
            double[] x = new double[pts.size()], y = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                x[i] = interp(gx, pts.get(i)[0]);
                y[i] = interp(gy, pts.get(i)[1]);
            }
            out.add(new Polyline(x, y));
        }
        return out;
    }

    /** {@code count} levels evenly spaced strictly between the minimum and the maximum of z. */
    public static double[] levels(double[][] z, int count) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) for (double v : row) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        double[] l = new double[count];
        for (int i = 0; i < count; i++) l[i] = lo + (hi - lo) * (i + 1) / (count + 1);
        return l;
    }

    /** Moves the level off grid values it hits exactly (by 1e-7 of the data range) so that no crossing sits on a vertex. */
    private static double nudged(double[][] z, double level) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        boolean hit = false;
        for (double[] row : z) for (double v : row) {
            if (!Double.isFinite(v)) continue;
            lo = Math.min(lo, v); hi = Math.max(hi, v);
            if (v == level) hit = true;
        }
        if (!hit) return level;
        double range = hi > lo ? hi - lo : Math.max(1, Math.abs(level));
        return level + 1e-7 * range;
    }

    private static double v(double z) { return Double.isFinite(z) ? z : Double.NEGATIVE_INFINITY; }

    private static double t(double p, double q, double level) {
        if (!Double.isFinite(p) || !Double.isFinite(q) || p == q) return 0.5;
        return Math.max(0, Math.min(1, (level - p) / (q - p)));
    }

    private static double[] seg(double[] p, double[] q) { return new double[] {p[0], p[1], q[0], q[1]}; }

    private static double interp(double[] g, double idx) {
        int i = (int) Math.floor(idx);
        if (i >= g.length - 1) return g[g.length - 1];
        if (i < 0) return g[0];
        return g[i] + (idx - i) * (g[i + 1] - g[i]);
    }

    private static String key(double x, double y) { return Math.round(x * 1e12) + ":" + Math.round(y * 1e12); }

    private static List<List<double[]>> join(List<double[]> segs) {
        Map<String, List<Integer>> at = new HashMap<>();
        for (int i = 0; i < segs.size(); i++) {
            double[] s = segs.get(i);
            at.computeIfAbsent(key(s[0], s[1]), k -> new ArrayList<>()).add(i);
            at.computeIfAbsent(key(s[2], s[3]), k -> new ArrayList<>()).add(i);
        }
        boolean[] used = new boolean[segs.size()];
        List<List<double[]>> lines = new ArrayList<>();
        for (int i = 0; i < segs.size(); i++) {
            if (used[i]) continue;
            used[i] = true;
            double[] s = segs.get(i);
            java.util.ArrayDeque<double[]> pts = new java.util.ArrayDeque<>();
            pts.add(new double[] {s[0], s[1]});
            pts.add(new double[] {s[2], s[3]});
            extend(pts, true, segs, at, used);
            extend(pts, false, segs, at, used);
            lines.add(new ArrayList<>(pts));
        }
        return lines;
    }

    private static void extend(java.util.ArrayDeque<double[]> pts, boolean atEnd, List<double[]> segs, Map<String, List<Integer>> at, boolean[] used) {
        while (true) {
            double[] p = atEnd ? pts.peekLast() : pts.peekFirst();
            Integer next = null;
            for (int j : at.getOrDefault(key(p[0], p[1]), List.of())) if (!used[j]) { next = j; break; }
            if (next == null) return;
            used[next] = true;
            double[] s = segs.get(next);
            double[] other = key(s[0], s[1]).equals(key(p[0], p[1])) ? new double[] {s[2], s[3]} : new double[] {s[0], s[1]};
            if (atEnd) pts.addLast(other); else pts.addFirst(other);
        }
    }
}
