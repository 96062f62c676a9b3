package org.coreloss.structure;

import java.util.Set;

/**
 * Which neighbours of a site count as bonded (its coordination shell).
 *
 * <ul>
 *   <li>{@link Kind#FIXED}: distance {@code <= parameter} Angstrom.</li>
 *   <li>{@link Kind#RELATIVE}: distance {@code <= (1 + parameter) x d_min}, d_min the nearest eligible
 *       neighbour (pymatgen's MinimumDistanceNN idea).</li>
 *   <li>{@link Kind#COVALENT}: distance {@code <= parameter x (r_i + r_j)} with Cordero covalent radii
 *       ({@link Elements#covalentRadiusA}).</li>
 * </ul>
 * Eligible neighbours are those whose species is in {@code neighbourSpecies} (empty = any) and, when
 * {@code excludeCentreSpecies}, not of the centre's species (O-M bonds only, no O-O).
 *
 * <p>Default for O in Li-transition-metal oxides: {@link #OXIDE_CATION_2_6A} = cations (any species
 * other than the centre's) within 2.6 Angstrom. Reasons (numbers in docs/structure.md): (1) in the
 * bundled Li-Fe-O snapshots the O-M distances peak at 1.9-2.1 A; 2.6 A keeps 834 of the 889 O-M pairs
 * below the distribution's minimum at 3.0-3.1 A, leaving out long contacts whose bond valence
 * (Brown and Altermatt 1985: Li-O R0 = 1.466 A, Fe(III)-O R0 = 1.759 A, b = 0.37 A) is below 0.05
 * (Li) and 0.10 (Fe); (2) 2.6 A is the cutoff the data set's authors used for Fe around O; (3) a rule
 * relative to the shortest bond fails in these MD snapshots, where Fe-O can be 1.73 A and Li-O
 * 2.4-2.5 A around the same O (relative(0.2) gives CN <= 3 for 8 of 147 sites, CN 2 for one).
 *
 * @param kind                 the rule
 * @param parameter            cutoff (A), tolerance (dimensionless, >= 0) or radius factor (> 0)
 * @param neighbourSpecies     eligible neighbour species; empty = any
 * @param excludeCentreSpecies true to skip neighbours of the centre's own species
 */
public record CoordinationRule(Kind kind, double parameter, Set<String> neighbourSpecies, boolean excludeCentreSpecies) {

    /** The kinds of rule. */
    public enum Kind { FIXED, RELATIVE, COVALENT }

    /** Cations within 2.6 A (any species other than the centre's): the default for O in Li-TM oxides. */
    public static final CoordinationRule OXIDE_CATION_2_6A = fixed(2.6).excludingCentreSpecies();

    public CoordinationRule {
        if (kind == null) throw new IllegalArgumentException("kind: must not be null");
        if (!Double.isFinite(parameter)) throw new IllegalArgumentException("parameter = " + parameter + ", expected a finite value");
        switch (kind) {
            case FIXED -> { if (!(parameter > 0 && parameter <= 20)) throw new IllegalArgumentException("cutoffA = " + parameter + ", expected 0 < cutoffA <= 20"); }
            case RELATIVE -> { if (!(parameter >= 0 && parameter <= 2)) throw new IllegalArgumentException("tolerance = " + parameter + ", expected 0 <= tolerance <= 2"); }
            case COVALENT -> { if (!(parameter > 0 && parameter <= 5)) throw new IllegalArgumentException("factor = " + parameter + ", expected 0 < factor <= 5"); }
        }
        neighbourSpecies = neighbourSpecies == null ? Set.of() : Set.copyOf(neighbourSpecies);
    }

    /** Every neighbour within {@code cutoffA}. */
    public static CoordinationRule fixed(double cutoffA) { return new CoordinationRule(Kind.FIXED, cutoffA, Set.of(), false); }

    /** Neighbours within (1 + tolerance) x the nearest eligible distance. */
    public static CoordinationRule relative(double tolerance) { return new CoordinationRule(Kind.RELATIVE, tolerance, Set.of(), false); }

    /** Neighbours within factor x (sum of covalent radii). */
    public static CoordinationRule covalent(double factor) { return new CoordinationRule(Kind.COVALENT, factor, Set.of(), false); }

    /** Same rule, only neighbours of the given species. */
    public CoordinationRule onlySpecies(Set<String> species) { return new CoordinationRule(kind, parameter, species, excludeCentreSpecies); }

    /** Same rule, skipping neighbours of the centre's species. */
    public CoordinationRule excludingCentreSpecies() { return new CoordinationRule(kind, parameter, neighbourSpecies, true); }

    boolean eligible(String centreSpecies, String neighbour) {
        if (excludeCentreSpecies && neighbour.equals(centreSpecies)) return false;
        return neighbourSpecies.isEmpty() || neighbourSpecies.contains(neighbour);
    }

    @Override public String toString() {
        String base = switch (kind) {
            case FIXED -> "d <= " + parameter + " A";
            case RELATIVE -> "d <= (1 + " + parameter + ") d_min";
            case COVALENT -> "d <= " + parameter + " (r_i + r_j)";
        };
        return base + (neighbourSpecies.isEmpty() ? "" : ", species " + neighbourSpecies) + (excludeCentreSpecies ? ", other species only" : "");
    }
}
