package org.coreloss.structure;

/**
 * One neighbour of a centre atom: atom {@code index} of the structure, translated by the lattice
 * image {@code (na, nb, nc)} (all zero for non-periodic structures), at Cartesian displacement
 * {@code (dxA, dyA, dzA)} from the centre (Angstrom) and distance {@code distanceA}.
 * The displacement is {@code r_index + na a + nb b + nc c - r_centre} using the stored coordinates.
 */
public record Neighbor(int index, String species, int na, int nb, int nc,
                       double dxA, double dyA, double dzA, double distanceA) {

    /** Displacement from the centre in Angstrom (new array). */
    public double[] vectorA() { return new double[] {dxA, dyA, dzA}; }
}
