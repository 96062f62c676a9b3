package org.coreloss.structure;

import java.util.List;

/**
 * The Voronoi cell of one atom: the region closer to it than to any other atom or periodic image.
 *
 * @param site        0-based atom index
 * @param volumeA3    cell volume in Angstrom^3 (+Infinity for an unbounded cell of a non-periodic structure)
 * @param maxRadiusA  largest distance from the atom to a cell vertex (Angstrom)
 * @param faces       one entry per face: the neighbour whose bisector plane bounds the cell and the face area (Angstrom^2)
 */
public record VoronoiCell(int site, double volumeA3, double maxRadiusA, List<Face> faces) {
    public VoronoiCell {
        faces = List.copyOf(faces);
    }

    /** One face of a Voronoi cell: the neighbour across it and its area in Angstrom^2. */
    public record Face(Neighbor neighbor, double areaA2) {}

    /** Number of faces (the Voronoi coordination number, counting every face however small). */
    public int faceCount() { return faces.size(); }
}
