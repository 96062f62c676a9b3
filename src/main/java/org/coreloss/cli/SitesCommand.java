package org.coreloss.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.coreloss.structure.CoordinationRule;
import org.coreloss.structure.SiteAnalyzer;
import org.coreloss.structure.SiteGeometry;
import org.coreloss.structure.Structure;
import org.coreloss.structure.StructureFormatException;
import org.coreloss.structure.StructureReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coreloss sites FILE|FOLDER}: per-site geometry labels of a POSCAR/CONTCAR/xyz file (or of every such file in a
 * folder, with a first column {@code structure}) as CSV on
 * standard output (coordination number, bond lengths in A, mean bond angle in degrees, Voronoi
 * volume in A^3, neighbour counts); see docs/structure.md.
 */
@Command(name = "sites", mixinStandardHelpOptions = true,
        description = "Per-site coordination number, mean bond length (A), mean bond angle (deg) and Voronoi volume (A^3) of a structure file, as CSV.")
public final class SitesCommand implements CliCommand, Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|FOLDER", description = "POSCAR, CONTCAR, *.vasp, *.xyz or *.extxyz, or a folder of them (one CSV, first column 'structure' = file stem)")
    Path file;

    @Option(names = "--species", paramLabel = "SYMBOL", description = "only sites of this species (default: all sites)")
    String species;

    @Option(names = "--all-neighbour-species", description = "also count neighbours of the site's own species as bonded (default: other species only)")
    boolean allSpecies;

    @ArgGroup(exclusive = true)
    Rule rule = new Rule();

    static final class Rule {
        @Option(names = "--cutoff", paramLabel = "A", description = "bonded if d <= cutoff in Angstrom (default 2.6)")
        Double cutoffA;
        @Option(names = "--relative", paramLabel = "TOL", description = "bonded if d <= (1 + TOL) x nearest distance")
        Double tolerance;
        @Option(names = "--covalent", paramLabel = "FACTOR", description = "bonded if d <= FACTOR x (sum of covalent radii)")
        Double factor;
    }

    CoordinationRule coordinationRule() {
        CoordinationRule r;
        if (rule.tolerance != null) r = CoordinationRule.relative(rule.tolerance);
        else if (rule.factor != null) r = CoordinationRule.covalent(rule.factor);
        else r = CoordinationRule.fixed(rule.cutoffA == null ? 2.6 : rule.cutoffA);
        return allSpecies ? r : r.excludingCentreSpecies();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean folder = java.nio.file.Files.isDirectory(file);
        List<Path> files;
        if (folder) {
            files = new java.util.ArrayList<>(org.coreloss.data.SiteLabels.structureFiles(file).values());
            if (files.isEmpty()) {
                err.println("error: " + file + ": no structure files (.xyz, .extxyz, .vasp, POSCAR, CONTCAR) in the folder");
                return 2;
            }
        } else files = List.of(file);
        out.println((folder ? "structure," : "") + "site,species,species_index,coordination_number,mean_bond_length_A,mean_bond_angle_deg,voronoi_volume_A3,"
                + "voronoi_faces,min_bond_length_A,max_bond_length_A,bond_length_distortion,nearest_same_species_A,neighbours");
        int matched = 0;
        for (Path f : files) {
        Structure s;
        try {
            s = StructureReader.read(f);
        } catch (StructureFormatException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (species != null && s.indicesOf(species).length == 0) {
            if (folder) continue;
            err.println("error: --species " + species + ": no such atoms in " + f + " (species: " + s.speciesCounts().keySet() + ")");
            return 2;
        }
        matched++;
        List<SiteGeometry> sites = SiteAnalyzer.analyzeAll(s, species, coordinationRule());
        String prefix = folder ? csv(stemOf(f)) + "," : "";
        for (SiteGeometry g : sites) {
            StringBuilder nb = new StringBuilder();
            for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(g.neighbourCounts()).entrySet()) {
                nb.append(nb.length() == 0 ? "" : " ").append(e.getKey()).append(e.getValue());
            }
            out.println(prefix + String.format(Locale.ROOT, "%d,%s,%d,%d,%.6f,%.4f,%.6f,%d,%.6f,%.6f,%.6f,%.6f,%s", g.site(), g.species(),
                    g.speciesOrdinal() + 1, g.coordinationNumber(), g.meanBondLengthA(), g.meanBondAngleDeg(), g.voronoiVolumeA3(),
                    g.voronoiFaceCount(), g.minBondLengthA(), g.maxBondLengthA(), g.bondLengthDistortion(), g.nearestSameSpeciesA(), nb));
        }
        }
        out.flush();
        if (folder && species != null && matched == 0) {
            err.println("error: --species " + species + ": no such atoms in any structure of " + file);
            return 2;
        }
        return 0;
    }

    static String stemOf(Path p) {
        String n = p.getFileName().toString();
        int d = n.lastIndexOf('.');
        return d <= 0 ? n : n.substring(0, d);
    }

    static String csv(String s) { return s.matches("[^,\"\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\""; }
}
