package org.coreloss.structure;

/** Small 3-vector / 3x3 helpers (row-vector convention: r = f . L with lattice vectors as rows). */
final class Mat3 {
    private Mat3() {}

    static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
    static double norm(double[] a) { return Math.sqrt(dot(a, a)); }
    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
    static double[] sub(double[] a, double[] b) { return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
    static double det(double[][] m) { return dot(m[0], cross(m[1], m[2])); }

    static double[] fracToCart(double[] f, double[][] l) {
        return new double[] {
                f[0] * l[0][0] + f[1] * l[1][0] + f[2] * l[2][0],
                f[0] * l[0][1] + f[1] * l[1][1] + f[2] * l[2][1],
                f[0] * l[0][2] + f[1] * l[1][2] + f[2] * l[2][2]};
    }

    /** Inverse of a 3x3 matrix (rows). */
    static double[][] inverse(double[][] m) {
        double d = det(m);
        double[] c0 = cross(m[1], m[2]), c1 = cross(m[2], m[0]), c2 = cross(m[0], m[1]);
        // inverse = adjugate / det; columns of the inverse are the cross products
        return new double[][] {
                {c0[0] / d, c1[0] / d, c2[0] / d},
                {c0[1] / d, c1[1] / d, c2[1] / d},
                {c0[2] / d, c1[2] / d, c2[2] / d}};
    }

    /** f = c . inv (row convention; inv is the inverse of the lattice matrix). */
    static double[] cartToFrac(double[] c, double[][] inv) {
        return new double[] {
                c[0] * inv[0][0] + c[1] * inv[1][0] + c[2] * inv[2][0],
                c[0] * inv[0][1] + c[1] * inv[1][1] + c[2] * inv[2][1],
                c[0] * inv[0][2] + c[1] * inv[1][2] + c[2] * inv[2][2]};
    }
}
