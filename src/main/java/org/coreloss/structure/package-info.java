/**
 * Crystal and molecular structures and the local geometry of absorbing sites.
 *
 * <p>{@link org.coreloss.structure.Structure} holds a periodic cell (lattice vectors in Angstrom) or
 * a non-periodic set of atoms; {@link org.coreloss.structure.StructureReader} reads VASP
 * POSCAR/CONTCAR and (extended) xyz files. {@link org.coreloss.structure.Neighbors} lists all periodic
 * images within a cutoff, {@link org.coreloss.structure.VoronoiCells} computes exact periodic Voronoi
 * cell volumes by half-space clipping, and {@link org.coreloss.structure.SiteAnalyzer} derives the
 * per-site labels of seed 001 (Kiyohara et al., J. Phys. Mater. 2 (2019) 024003): coordination
 * number, mean bond length, mean bond angle and Voronoi volume.
 *
 * <p>Dependency rule: this package uses the JDK and {@code org.coreloss.spectrum} only.
 */
package org.coreloss.structure;
