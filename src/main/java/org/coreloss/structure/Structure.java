package org.coreloss.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable set of atoms: either a periodic cell with lattice vectors {@code a, b, c} (rows of
 * {@link #latticeA()}, Angstrom) or a non-periodic cluster (molecule). Cartesian coordinates are in
 * Angstrom; fractional coordinates {@code f} satisfy {@code r = f0 a + f1 b + f2 c}. Atoms keep the
 * order of the file they came from, so {@code index} is the 0-based position in that file.
 *
 * <p>Fractional coordinates are stored as given (not wrapped into [0, 1)); the neighbour and Voronoi
 * code wraps differences itself.
 */
public final class Structure {
    private final String name;
    private final double[][] lattice;   // null for non-periodic; rows a, b, c in Angstrom
    private final double[][] inverse;   // inverse of the lattice matrix (row convention), null if non-periodic
    private final String[] species;
    private final double[][] cart;
    private final double[][] frac;      // null for non-periodic

    private Structure(String name, double[][] lattice, String[] species, double[][] cart, double[][] frac) {
        this.name = name == null ? "" : name;
        this.lattice = lattice;
        this.species = species;
        this.cart = cart;
        this.frac = frac;
        this.inverse = lattice == null ? null : Mat3.inverse(lattice);
    }

    /**
     * A periodic structure from lattice vectors (rows, Angstrom) and fractional coordinates.
     *
     * @throws IllegalArgumentException for a singular or left-handed-degenerate lattice, mismatched
     *                                  lengths or non-finite values
     */
    public static Structure periodicFractional(String name, double[][] latticeA, List<String> species, double[][] fractional) {
        double[][] l = checkLattice(latticeA);
        double[][] f = checkCoords("fractional", fractional, species);
        double[][] c = new double[f.length][];
        for (int i = 0; i < f.length; i++) c[i] = Mat3.fracToCart(f[i], l);
        return new Structure(name, l, species.toArray(String[]::new), c, f);
    }

    /** A periodic structure from lattice vectors (rows, Angstrom) and Cartesian coordinates (Angstrom). */
    public static Structure periodicCartesian(String name, double[][] latticeA, List<String> species, double[][] cartesianA) {
        double[][] l = checkLattice(latticeA);
        double[][] c = checkCoords("cartesian", cartesianA, species);
        double[][] inv = Mat3.inverse(l);
        double[][] f = new double[c.length][];
        for (int i = 0; i < c.length; i++) f[i] = Mat3.cartToFrac(c[i], inv);
        return new Structure(name, l, species.toArray(String[]::new), c, f);
    }

    /** A non-periodic structure (molecule or cluster) from Cartesian coordinates in Angstrom. */
    public static Structure molecule(String name, List<String> species, double[][] cartesianA) {
        double[][] c = checkCoords("cartesian", cartesianA, species);
        return new Structure(name, null, species.toArray(String[]::new), c, null);
    }

    private static double[][] checkLattice(double[][] l) {
        Objects.requireNonNull(l, "latticeA");
        if (l.length != 3) throw new IllegalArgumentException("latticeA: expected 3 lattice vectors, got " + l.length);
        double[][] out = new double[3][];
        for (int i = 0; i < 3; i++) {
            if (l[i] == null || l[i].length != 3) throw new IllegalArgumentException("latticeA: vector " + i + " must have 3 components");
            for (double v : l[i]) if (!Double.isFinite(v)) throw new IllegalArgumentException("latticeA: vector " + i + " has a non-finite component " + v);
            out[i] = l[i].clone();
        }
        double det = Mat3.det(out);
        double scale = Mat3.norm(out[0]) * Mat3.norm(out[1]) * Mat3.norm(out[2]);
        if (!(Math.abs(det) > 1e-10 * scale) || scale == 0) {
            throw new IllegalArgumentException("latticeA: lattice vectors are (nearly) linearly dependent (volume " + det + " A^3)");
        }
        return out;
    }

    private static double[][] checkCoords(String what, double[][] coords, List<String> species) {
        Objects.requireNonNull(coords, what);
        Objects.requireNonNull(species, "species");
        if (coords.length != species.size()) {
            throw new IllegalArgumentException(what + ": " + coords.length + " positions for " + species.size() + " species labels");
        }
        double[][] out = new double[coords.length][];
        for (int i = 0; i < coords.length; i++) {
            if (coords[i] == null || coords[i].length != 3) throw new IllegalArgumentException(what + ": atom " + i + " must have 3 coordinates");
            for (double v : coords[i]) if (!Double.isFinite(v)) throw new IllegalArgumentException(what + ": atom " + i + " has a non-finite coordinate " + v);
            String s = species.get(i);
            if (s == null || s.isBlank()) throw new IllegalArgumentException("species: atom " + i + " has no species label");
            out[i] = coords[i].clone();
        }
        return out;
    }

    /** A label (file name or comment). */
    public String name() { return name; }
    public boolean isPeriodic() { return lattice != null; }
    /** Number of atoms. */
    public int size() { return species.length; }
    public String species(int i) { return species[i]; }
    /** Species of every atom, in file order. */
    public List<String> speciesList() { return Collections.unmodifiableList(Arrays.asList(species)); }

    /** Distinct species in order of first appearance with their counts. */
    public Map<String, Integer> speciesCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String s : species) m.merge(s, 1, Integer::sum);
        return m;
    }

    /** 0-based indices of the atoms of one species, in file order. */
    public int[] indicesOf(String speciesLabel) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < species.length; i++) if (species[i].equals(speciesLabel)) out.add(i);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Cartesian position of atom {@code i} in Angstrom (copy). */
    public double[] cartesianA(int i) { return cart[i].clone(); }

    /** Stored fractional coordinates (not copied; package use only, callers must not modify). */
    double[][] fracRaw() { return frac; }

    /** Stored Cartesian coordinates (not copied; package use only, callers must not modify). */
    double[][] cartRaw() { return cart; }

    /** Lattice rows (not copied; package use only). */
    double[][] latticeRaw() { return lattice; }

    /** Fractional position of atom {@code i} (copy); periodic structures only. */
    public double[] fractional(int i) {
        requirePeriodic("fractional coordinates");
        return frac[i].clone();
    }

    /** Lattice vectors as rows (Angstrom, copy); periodic structures only. */
    public double[][] latticeA() {
        requirePeriodic("lattice");
        return new double[][] {lattice[0].clone(), lattice[1].clone(), lattice[2].clone()};
    }

    /** Cell volume |a . (b x c)| in Angstrom^3; periodic structures only. */
    public double volumeA3() {
        requirePeriodic("cell volume");
        return Math.abs(Mat3.det(lattice));
    }

    /**
     * Perpendicular widths of the cell in Angstrom: the distance between the two faces spanned by
     * (b, c), (c, a) and (a, b), i.e. {@code V / |b x c|} etc. A sphere of radius r fits in the cell
     * only if 2r is below all three.
     */
    public double[] perpendicularWidthsA() {
        requirePeriodic("perpendicular widths");
        double v = volumeA3();
        return new double[] {
                v / Mat3.norm(Mat3.cross(lattice[1], lattice[2])),
                v / Mat3.norm(Mat3.cross(lattice[2], lattice[0])),
                v / Mat3.norm(Mat3.cross(lattice[0], lattice[1]))};
    }

    /** Cartesian vector (Angstrom) of a fractional vector; periodic structures only. */
    public double[] fracToCart(double[] f) {
        requirePeriodic("fractional conversion");
        return Mat3.fracToCart(f, lattice);
    }

    /** Fractional vector of a Cartesian vector (Angstrom); periodic structures only. */
    public double[] cartToFrac(double[] c) {
        requirePeriodic("fractional conversion");
        return Mat3.cartToFrac(c, inverse);
    }

    private void requirePeriodic(String what) {
        if (lattice == null) throw new IllegalStateException(what + ": structure '" + name + "' is not periodic");
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("Structure[").append(name.isEmpty() ? "" : name + ", ");
        speciesCounts().forEach((k, v) -> sb.append(k).append(v));
        if (isPeriodic()) sb.append(String.format(", V=%.3f A^3", volumeA3()));
        else sb.append(", non-periodic");
        return sb.append(']').toString();
    }
}
