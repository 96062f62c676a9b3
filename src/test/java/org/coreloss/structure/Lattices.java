package org.coreloss.structure;

import java.util.ArrayList;
import java.util.List;

/** Test structures with known geometry. */
final class Lattices {
    private Lattices() {}

    static Structure simpleCubic(double a) {
        return Structure.periodicFractional("sc", diag(a), List.of("X"), new double[][] {{0, 0, 0}});
    }

    static Structure fccConventional(double a) {
        return Structure.periodicFractional("fcc", diag(a), List.of("Cu", "Cu", "Cu", "Cu"),
                new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}});
    }

    /** fcc primitive cell (skewed, 60 degree angles). */
    static Structure fccPrimitive(double a) {
        double h = a / 2;
        return Structure.periodicFractional("fcc-prim", new double[][] {{0, h, h}, {h, 0, h}, {h, h, 0}}, List.of("Cu"), new double[][] {{0, 0, 0}});
    }

    static Structure bccConventional(double a) {
        return Structure.periodicFractional("bcc", diag(a), List.of("Fe", "Fe"), new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}});
    }

    /** bcc primitive cell: a/2 (-1 1 1), a/2 (1 -1 1), a/2 (1 1 -1). */
    static Structure bccPrimitive(double a) {
        double h = a / 2;
        return Structure.periodicFractional("bcc-prim", new double[][] {{-h, h, h}, {h, -h, h}, {h, h, -h}}, List.of("Fe"), new double[][] {{0, 0, 0}});
    }

    static Structure rockSalt(double a) {
        List<String> sp = new ArrayList<>();
        List<double[]> f = new ArrayList<>();
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (double[] p : fcc) { sp.add("Na"); f.add(p); }
        for (double[] p : fcc) { sp.add("Cl"); f.add(new double[] {p[0] + 0.5, p[1], p[2]}); }
        return Structure.periodicFractional("NaCl", diag(a), sp, f.toArray(double[][]::new));
    }

    /** A general triclinic cell with a few atoms at arbitrary positions. */
    static Structure triclinic() {
        double[][] l = {{5.1, 0.0, 0.0}, {1.3, 4.7, 0.0}, {-0.9, 1.1, 6.2}};
        return Structure.periodicFractional("triclinic", l, List.of("Si", "O", "O", "Li"),
                new double[][] {{0.1, 0.2, 0.3}, {0.62, 0.11, 0.87}, {0.33, 0.71, 0.45}, {0.91, 0.52, 0.05}});
    }

    /** A strongly skewed cell (nearly degenerate: c leans far over a), many atoms, positions from a fixed pseudo-random sequence. */
    static Structure skewed() {
        double[][] l = {{4.0, 0.0, 0.0}, {3.7, 1.6, 0.0}, {3.5, 1.2, 2.1}};
        int n = 9;
        double[][] f = new double[n][];
        List<String> sp = new ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            f[i] = new double[] {r.nextDouble() * 3 - 1, r.nextDouble(), r.nextDouble() + 2}; // unwrapped on purpose
            sp.add(i % 3 == 0 ? "O" : "Fe");
        }
        return Structure.periodicFractional("skewed", l, sp, f);
    }

    static double[][] diag(double a) { return new double[][] {{a, 0, 0}, {0, a, 0}, {0, 0, a}}; }
}
