package org.coreloss.structure;

import java.util.List;
import java.util.Map;

/**
 * Local geometry of one absorbing site (the geometric labels of seed 001, Kiyohara et al. 2019,
 * plus a few extras).
 *
 * @param site                    0-based index of the atom in the structure (= file order)
 * @param species                 species of the site
 * @param speciesOrdinal          0-based index among atoms of the same species, in file order
 *                                (POSCAR label "O(k+1)")
 * @param coordinationNumber      number of bonded neighbours under the {@link CoordinationRule}
 * @param meanBondLengthA         mean bonded distance (Angstrom); NaN if no neighbour
 * @param minBondLengthA          shortest bonded distance (Angstrom); NaN if none
 * @param maxBondLengthA          longest bonded distance (Angstrom); NaN if none
 * @param bondLengthDistortion    Baur distortion index mean(|d_i - d_mean|) / d_mean; NaN if none
 * @param meanBondAngleDeg        mean over all pairs of bonded neighbours (j, k) of the angle j-site-k
 *                                in degrees; NaN when fewer than 2 neighbours
 * @param voronoiVolumeA3         Voronoi cell volume (Angstrom^3, all atoms as generators)
 * @param voronoiFaceCount        number of Voronoi faces
 * @param nearestSameSpeciesA     distance to the nearest atom of the same species (Angstrom); +Inf if none
 * @param neighbourCounts         bonded neighbours per species (sorted by species)
 * @param bonds                   the bonded neighbours, by distance
 */
public record SiteGeometry(int site, String species, int speciesOrdinal, int coordinationNumber,
                           double meanBondLengthA, double minBondLengthA, double maxBondLengthA,
                           double bondLengthDistortion, double meanBondAngleDeg,
                           double voronoiVolumeA3, int voronoiFaceCount, double nearestSameSpeciesA,
                           Map<String, Integer> neighbourCounts, List<Neighbor> bonds) {
    public SiteGeometry {
        neighbourCounts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(neighbourCounts));
        bonds = List.copyOf(bonds);
    }

    /** Number of bonded neighbours of one species (0 if none). */
    public int count(String neighbourSpecies) { return neighbourCounts.getOrDefault(neighbourSpecies, 0); }
}
