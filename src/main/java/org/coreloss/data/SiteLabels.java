package org.coreloss.data;

import org.coreloss.provenance.Step;
import org.coreloss.structure.CoordinationRule;
import org.coreloss.structure.SiteAnalyzer;
import org.coreloss.structure.SiteGeometry;
import org.coreloss.structure.Structure;
import org.coreloss.structure.StructureReader;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The label join: structures ({@code .xyz}, {@code .extxyz}, POSCAR/CONTCAR/{@code .vasp}) matched to spectra by id
 * or file stem, and the absorber's geometry ({@link SiteAnalyzer}) added as label columns in one call:
 * <pre>{@code SpectraDataset labelled = SiteLabels.forDataset(spectra, Path.of("structures"), "Fe", SiteLabels.Options.defaults());}</pre>
 *
 * <p><b>Matching</b>: spectrum id {@code X} takes the structure file whose stem is {@code X}; an id {@code X:suffix}
 * (several spectra of one file, e.g. OptaDOS edges) takes stem {@code X}. Every spectrum must find a structure unless
 * {@link Options#dropUnmatched()}; the error lists the first missing ids and the files looked for.
 *
 * <p><b>Which absorber</b> ({@link AbsorberSite}): if the dataset has a {@code site_in_species} column (OptaDOS edges),
 * the n-th atom of the absorber species (1-based); otherwise with {@code AUTO} the only atom of that species (an
 * error if there are several: choose {@code FIRST}, {@code CENTRE} or {@code MEAN}); {@code FIRST}: the first such atom
 * in the file (FDMNES/FEFF clusters usually list the absorber first); {@code CENTRE}: the one closest to the centroid of
 * all atoms (a cluster cut around the absorber); {@code MEAN}: every label averaged over all atoms of the species (for
 * spectra averaged over sites).
 *
 * <p><b>Columns added</b>: {@code coordination_number}, {@code mean_bond_length_A}, {@code min_bond_length_A},
 * {@code max_bond_length_A}, {@code bond_length_distortion}, {@code mean_bond_angle_deg}, {@code cn_<species>} per
 * neighbour species, {@code voronoi_volume_A3} (periodic structures only; NaN for molecules/clusters, whose outer
 * cells are unbounded), {@code absorber_site} (0-based index in the file, -1 for MEAN) and {@code structure_file}.
 * Bonds follow the {@link CoordinationRule} (default: as {@code coreloss sites}, d <= 2.6 A to atoms of other species).
 */
public final class SiteLabels {
    private SiteLabels() {}

    /** Which atom of the absorber species a spectrum belongs to. */
    public enum AbsorberSite { AUTO, FIRST, CENTRE, MEAN }

    /**
     * @param rule          bonding rule
     * @param site          which absorber atom
     * @param dropUnmatched drop spectra without a structure (default: error)
     */
    public record Options(CoordinationRule rule, AbsorberSite site, boolean dropUnmatched) {
        public Options {
            if (rule == null) rule = CoordinationRule.fixed(2.6).excludingCentreSpecies();
            if (site == null) site = AbsorberSite.AUTO;
        }

        public static Options defaults() { return new Options(null, AbsorberSite.AUTO, false); }
        public Options withRule(CoordinationRule r) { return new Options(r, site, dropUnmatched); }
        public Options withSite(AbsorberSite s) { return new Options(rule, s, dropUnmatched); }
        public Options withDropUnmatched(boolean d) { return new Options(rule, site, d); }
    }

    /** Structure files of a folder by stem (sorted by name). */
    public static Map<String, Path> structureFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new NoSuchFileException(folder.toString(), null, "not a folder of structures");
        Map<String, Path> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p) && isStructureFile(p)) out.put(stem(p), p);
            }
        }
        return out;
    }

    /** Whether {@link StructureReader#read} takes this file name. */
    public static boolean isStructureFile(Path p) {
        String l = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return l.endsWith(".xyz") || l.endsWith(".extxyz") || l.endsWith(".vasp") || l.endsWith(".poscar")
                || l.startsWith("poscar") || l.startsWith("contcar");
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        int d = n.lastIndexOf('.');
        return d <= 0 ? n : n.substring(0, d);
    }

    /** Adds the absorber geometry of each spectrum's structure (see the class comment). */
    public static SpectraDataset forDataset(SpectraDataset ds, Path structuresFolder, String absorber, Options options) throws IOException {
        Map<String, Path> files = structureFiles(structuresFolder);
        if (files.isEmpty()) throw new NoSuchFileException(structuresFolder.toString(), null, "no structure files (.xyz, .extxyz, POSCAR, CONTCAR, .vasp) in the folder");
        String[] ids = ds.ids();
        double[] rank = ds.hasColumn("site_in_species") ? ds.label("site_in_species") : null;
        List<Integer> keep = new ArrayList<>();
        List<SiteGeometry[]> geoms = new ArrayList<>();
        List<Path> used = new ArrayList<>();
        List<Boolean> periodic = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Path[] match = new Path[ids.length];
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i];
            Path f = files.get(id);
            if (f == null && id.indexOf(':') > 0) f = files.get(id.substring(0, id.indexOf(':')));
            if (f == null) missing.add(id);
            match[i] = f;
        }
        if (!missing.isEmpty() && !options.dropUnmatched()) {
            throw new NoSuchFileException(structuresFolder.toString(), null, missing.size() + " of " + ids.length + " spectra have no structure file, e.g. "
                    + missing.subList(0, Math.min(5, missing.size())) + ": expected files named <id>.xyz (or .extxyz, .vasp, POSCAR) in the folder"
                    + " (found e.g. " + new ArrayList<>(files.keySet()).subList(0, Math.min(5, files.size())) + "); or drop them with Options.withDropUnmatched(true)");
        }
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i];
            Path f = match[i];
            if (f == null) continue;
            Structure s = StructureReader.read(f);
            int[] at = s.indicesOf(absorber);
            if (at.length == 0) throw new IllegalArgumentException(f + ": no " + absorber + " atom (species " + s.speciesCounts().keySet() + "): expected the absorber species");
            int[] chosen;
            if (rank != null && !Double.isNaN(rank[i])) {
                int r = (int) rank[i];
                if (r < 1 || r > at.length) throw new IllegalArgumentException(f + ": spectrum " + id + " is " + absorber + " number " + r + ", the file has " + at.length + " " + absorber + " atoms");
                chosen = new int[]{at[r - 1]};
            } else {
                chosen = switch (options.site()) {
                    case AUTO -> {
                        if (at.length > 1) throw new IllegalArgumentException(f + ": " + at.length + " " + absorber
                                + " atoms; choose the absorber with AbsorberSite.FIRST, CENTRE or MEAN (--absorber-site)");
                        yield at;
                    }
                    case FIRST -> new int[]{at[0]};
                    case CENTRE -> new int[]{centre(s, at)};
                    case MEAN -> at;
                };
            }
            SiteGeometry[] g = new SiteGeometry[chosen.length];
            for (int k = 0; k < chosen.length; k++) g[k] = SiteAnalyzer.analyze(s, chosen[k], options.rule());
            keep.add(i);
            geoms.add(g);
            used.add(f);
            periodic.add(s.isPeriodic());
        }
        SpectraDataset out = keep.size() == ids.length ? ds : ds.subset(keep.stream().mapToInt(Integer::intValue).toArray());
        Table t = out.table();
        int n = keep.size();
        TreeSet<String> species = new TreeSet<>();
        for (SiteGeometry[] g : geoms) for (SiteGeometry x : g) species.addAll(x.neighbourCounts().keySet());
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String c : List.of("coordination_number", "mean_bond_length_A", "min_bond_length_A", "max_bond_length_A", "bond_length_distortion", "mean_bond_angle_deg")) cols.put(c, new double[n]);
        for (String sp : species) cols.put("cn_" + sp, new double[n]);
        cols.put("voronoi_volume_A3", new double[n]);
        cols.put("absorber_site", new double[n]);
        StringColumn file = StringColumn.create("structure_file");
        for (int r = 0; r < n; r++) {
            SiteGeometry[] g = geoms.get(r);
            boolean isPeriodic = periodic.get(r);
            cols.get("coordination_number")[r] = mean(g, x -> x.coordinationNumber());
            cols.get("mean_bond_length_A")[r] = mean(g, SiteGeometry::meanBondLengthA);
            cols.get("min_bond_length_A")[r] = mean(g, SiteGeometry::minBondLengthA);
            cols.get("max_bond_length_A")[r] = mean(g, SiteGeometry::maxBondLengthA);
            cols.get("bond_length_distortion")[r] = mean(g, SiteGeometry::bondLengthDistortion);
            cols.get("mean_bond_angle_deg")[r] = mean(g, SiteGeometry::meanBondAngleDeg);
            for (String sp : species) cols.get("cn_" + sp)[r] = mean(g, x -> x.count(sp));
            cols.get("voronoi_volume_A3")[r] = isPeriodic ? mean(g, SiteGeometry::voronoiVolumeA3) : Double.NaN;
            cols.get("absorber_site")[r] = g.length == 1 ? g[0].site() : -1;
            file.append(structuresFolder.relativize(used.get(r)).toString());
        }
        for (var e : cols.entrySet()) {
            if (t.containsColumn(e.getKey())) t.removeColumns(e.getKey());
            t.addColumns(DoubleColumn.create(e.getKey(), e.getValue()));
        }
        if (t.containsColumn("structure_file")) t.removeColumns("structure_file");
        t.addColumns(file);
        List<Step> h = new ArrayList<>(out.history());
        h.add(Step.of("site-labels", "structures", structuresFolder.toString(), "absorber", absorber, "rule", options.rule().toString(),
                "site", options.site().name().toLowerCase(Locale.ROOT), "matched", n, "dropped", ids.length - n));
        return out.withTable(t).withHistory(h);
    }

    private static double mean(SiteGeometry[] g, java.util.function.ToDoubleFunction<SiteGeometry> f) {
        double s = 0;
        for (SiteGeometry x : g) s += f.applyAsDouble(x);
        return s / g.length;
    }

    /** The atom of {@code candidates} closest to the centroid of all atoms (Cartesian, no periodic images). */
    static int centre(Structure s, int[] candidates) {
        double[] c = new double[3];
        for (int i = 0; i < s.size(); i++) { double[] x = s.cartesianA(i); for (int k = 0; k < 3; k++) c[k] += x[k] / s.size(); }
        int best = candidates[0];
        double bd = Double.POSITIVE_INFINITY;
        for (int i : candidates) {
            double[] x = s.cartesianA(i);
            double d = (x[0] - c[0]) * (x[0] - c[0]) + (x[1] - c[1]) * (x[1] - c[1]) + (x[2] - c[2]) * (x[2] - c[2]);
            if (d < bd) { bd = d; best = i; }
        }
        return best;
    }
}
