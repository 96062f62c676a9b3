package org.coreloss.structure;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded convex polyhedron containing the origin, stored as planar faces (each a convex polygon
 * with its outward unit normal and plane offset h > 0, plane {@code u . x = h}), clipped by
 * half-spaces {@code u . x <= h}.
 *
 * <p>Robustness: a vertex counts as outside a plane only when {@code u . v - h > eps}, where
 * {@code eps = 1e-10 x} the current largest vertex radius; vertices within eps of the plane are kept
 * as they are and become vertices of the new cap face. Intersection points are computed from the
 * inner to the outer vertex of an edge, so the two faces sharing an edge create bit-identical points.
 * Degenerate configurations (four or more planes through one vertex, as in fcc and bcc) therefore add
 * no sliver faces.
 */
final class ConvexPolyhedron {
    static final double REL_EPS = 1e-10;

    static final class Face {
        final double[] normal;
        final double offset;
        final Object label;
        final List<double[]> vertices;

        Face(double[] normal, double offset, Object label, List<double[]> vertices) {
            this.normal = normal;
            this.offset = offset;
            this.label = label;
            this.vertices = vertices;
        }

        double area() {
            double[] c = new double[3];
            double[] v0 = vertices.get(0);
            for (int k = 1; k + 1 < vertices.size(); k++) {
                double[] cr = Mat3.cross(Mat3.sub(vertices.get(k), v0), Mat3.sub(vertices.get(k + 1), v0));
                c[0] += cr[0];
                c[1] += cr[1];
                c[2] += cr[2];
            }
            return 0.5 * Math.abs(Mat3.dot(c, normal));
        }
    }

    private final List<Face> faces = new ArrayList<>();
    private double maxRadius;

    /** An axis-aligned cube of half-width {@code halfWidth} centred on the origin; its faces carry label null. */
    static ConvexPolyhedron cube(double halfWidth) {
        ConvexPolyhedron p = new ConvexPolyhedron();
        double h = halfWidth;
        double[][] v = new double[8][];
        for (int i = 0; i < 8; i++) v[i] = new double[] {(i & 1) == 0 ? -h : h, (i & 2) == 0 ? -h : h, (i & 4) == 0 ? -h : h};
        // faces listed counter-clockwise seen from outside (orientation is not needed by the area formula)
        p.faces.add(new Face(new double[] {1, 0, 0}, h, null, list(v[1], v[3], v[7], v[5])));
        p.faces.add(new Face(new double[] {-1, 0, 0}, h, null, list(v[0], v[4], v[6], v[2])));
        p.faces.add(new Face(new double[] {0, 1, 0}, h, null, list(v[2], v[6], v[7], v[3])));
        p.faces.add(new Face(new double[] {0, -1, 0}, h, null, list(v[0], v[1], v[5], v[4])));
        p.faces.add(new Face(new double[] {0, 0, 1}, h, null, list(v[4], v[5], v[7], v[6])));
        p.faces.add(new Face(new double[] {0, 0, -1}, h, null, list(v[0], v[2], v[3], v[1])));
        p.maxRadius = h * Math.sqrt(3);
        return p;
    }

    private static List<double[]> list(double[]... v) {
        List<double[]> l = new ArrayList<>();
        for (double[] x : v) l.add(x);
        return l;
    }

    double maxRadius() { return maxRadius; }

    List<Face> faces() { return faces; }

    /**
     * Clips with the half-space {@code u . x <= h} ({@code u} unit, {@code h > 0}).
     *
     * @return true if the polyhedron changed
     */
    boolean clip(double[] u, double h, Object label) {
        double eps = REL_EPS * maxRadius;
        if (h > maxRadius + eps) return false;
        int nf = faces.size();
        double[][] dist = new double[nf][];
        boolean anyOutside = false;
        for (int fi = 0; fi < nf; fi++) {
            List<double[]> vs = faces.get(fi).vertices;
            double[] sv = new double[vs.size()];
            for (int i = 0; i < sv.length; i++) {
                double[] v = vs.get(i);
                sv[i] = u[0] * v[0] + u[1] * v[1] + u[2] * v[2] - h;
                if (sv[i] > eps) anyOutside = true;
            }
            dist[fi] = sv;
        }
        if (!anyOutside) return false;

        List<double[]> capPoints = new ArrayList<>();
        List<Face> kept = new ArrayList<>(nf + 1);
        for (int fi = 0; fi < nf; fi++) {
            Face f = faces.get(fi);
            List<double[]> in = f.vertices;
            int n = in.size();
            double[] s = dist[fi];
            boolean faceOutside = false;
            for (int i = 0; i < n; i++) if (s[i] > eps) { faceOutside = true; break; }
            if (!faceOutside) {
                kept.add(f);
                for (int i = 0; i < n; i++) if (s[i] >= -eps) addUnique(capPoints, in.get(i), eps);
                continue;
            }
            List<double[]> out = new ArrayList<>(n + 1);
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                double[] a = in.get(i), b = in.get(j);
                boolean aIn = s[i] <= eps, bIn = s[j] <= eps;
                if (aIn) {
                    out.add(a);
                    if (s[i] >= -eps) addUnique(capPoints, a, eps);
                }
                if (aIn && !bIn && s[i] < -eps) {
                    double[] x = intersect(a, s[i], b, s[j]);
                    out.add(x);
                    addUnique(capPoints, x, eps);
                } else if (!aIn && bIn && s[j] < -eps) {
                    double[] x = intersect(b, s[j], a, s[i]);
                    out.add(x);
                    addUnique(capPoints, x, eps);
                }
            }
            if (out.size() >= 3) {
                Face clipped = new Face(f.normal, f.offset, f.label, out);
                if (clipped.area() > eps * eps) kept.add(clipped);
            }
        }
        faces.clear();
        faces.addAll(kept);
        if (capPoints.size() >= 3) {
            List<double[]> ordered = orderAround(capPoints, u);
            Face cap = new Face(u.clone(), h, label, ordered);
            if (cap.area() > eps * eps) faces.add(cap);
        }
        double r = 0;
        for (Face f : faces) for (double[] v : f.vertices) r = Math.max(r, Mat3.norm(v));
        maxRadius = r;
        return true;
    }

    /** Point on the plane between an inner vertex {@code in} (s < 0) and an outer one (s > 0). */
    private static double[] intersect(double[] in, double sIn, double[] out, double sOut) {
        double t = sIn / (sIn - sOut);
        return new double[] {in[0] + t * (out[0] - in[0]), in[1] + t * (out[1] - in[1]), in[2] + t * (out[2] - in[2])};
    }

    private static void addUnique(List<double[]> pts, double[] p, double eps) {
        for (double[] q : pts) {
            if (q == p) return;
            double dx = q[0] - p[0], dy = q[1] - p[1], dz = q[2] - p[2];
            if (dx * dx + dy * dy + dz * dz <= eps * eps) return;
        }
        pts.add(p);
    }

    /** Orders coplanar points of a convex polygon by angle around their centroid, about normal u. */
    private static List<double[]> orderAround(List<double[]> pts, double[] u) {
        double[] c = new double[3];
        for (double[] p : pts) { c[0] += p[0]; c[1] += p[1]; c[2] += p[2]; }
        c[0] /= pts.size(); c[1] /= pts.size(); c[2] /= pts.size();
        double[] e1 = Mat3.sub(pts.get(0), c);
        double n1 = Mat3.norm(e1);
        if (n1 == 0) {
            e1 = Math.abs(u[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
        }
        // project e1 into the plane and normalise
        double d = Mat3.dot(e1, u);
        e1 = new double[] {e1[0] - d * u[0], e1[1] - d * u[1], e1[2] - d * u[2]};
        double ne = Mat3.norm(e1);
        e1 = new double[] {e1[0] / ne, e1[1] / ne, e1[2] / ne};
        double[] e2 = Mat3.cross(u, e1);
        int m = pts.size();
        double[] ang = new double[m];
        Integer[] idx = new Integer[m];
        for (int i = 0; i < m; i++) {
            double[] r = Mat3.sub(pts.get(i), c);
            ang[i] = Math.atan2(Mat3.dot(r, e2), Mat3.dot(r, e1));
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(ang[a], ang[b]));
        List<double[]> out = new ArrayList<>(m);
        for (Integer i : idx) out.add(pts.get(i));
        return out;
    }

    /** Volume as the sum of pyramids from the origin: sum over faces of area x offset / 3. */
    double volume() {
        double v = 0;
        for (Face f : faces) v += f.area() * f.offset / 3.0;
        return v;
    }

    /** True if any face of the initial box (label null) is still present. */
    boolean touchesBox() {
        for (Face f : faces) if (f.label == null) return true;
        return false;
    }
}
