package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.ReadOptions.GridRule;
import org.coreloss.data.io.ReadOptions.Kind;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads spectrum files (one or a folder of them) of any {@link ReadOptions.Kind} into one dataset: ids from the
 * file stems (percent-decoded; a trailing {@code _conv} of FDMNES convolution outputs is dropped; files with
 * several spectra, such as OptaDOS edge blocks, add {@code :<suffix>}), header values as label columns, and
 * the files' grids put on one grid by {@link ReadOptions.GridRule} (see there; the rule and the resulting grid
 * are recorded in the dataset's history). An optional {@code labels.csv} in the folder gives labels by id.
 */
public final class SpectraFolders {
    private SpectraFolders() {}

    /** Extensions read from a folder when no glob is given. */
    static final List<String> EXT = List.of("txt", "dat", "xy", "csv");

    /** Reads a folder (or a single spectrum file) with {@code options}. */
    public static SpectraDataset read(Path path, ReadOptions options) throws IOException {
        if (!Files.exists(path)) throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such file or folder");
        if (!Files.isDirectory(path)) return fromFiles(SpectraIO.stem(path), List.of(path), null, options, path);
        List<Path> files = list(path, options);
        Path lp = path.resolve("labels.csv");
        Table labels = Files.isRegularFile(lp) ? LabelsCsv.read(lp) : null;
        if (files.isEmpty()) {
            throw new DataFormatException(path, 0, 0, "no spectrum files" + (options.glob() != null ? " matching '" + options.glob() + "'" : "")
                    + ": expected two-column .txt/.dat/.xy files, FDMNES/FEFF/OptaDOS outputs (or a manifest.json for a dataset folder)");
        }
        return fromFiles(SpectraIO.stem(path), files, labels == null ? null : lp, options, path);
    }

    static List<Path> list(Path folder, ReadOptions o) throws IOException {
        PathMatcher m = o.glob() == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + o.glob());
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                if (!Files.isRegularFile(p) || p.getFileName().toString().startsWith(".")) continue;
                if (p.getFileName().toString().equals("labels.csv")) continue;
                if (m != null ? m.matches(p.getFileName()) : EXT.contains(SpectraIO.extension(p))) out.add(p);
            }
        }
        if (m == null && o.kind() != Kind.TWO_COLUMN) {
            // FDMNES writes <name>.txt and, with a convolution, <name>_conv.txt (plus _bav.txt logs): read the
            // convoluted spectra when there are any, as a user training on them would
            boolean conv = out.stream().anyMatch(p -> p.getFileName().toString().endsWith("_conv.txt"));
            if (conv) out.removeIf(p -> !p.getFileName().toString().endsWith("_conv.txt"));
            out.removeIf(p -> p.getFileName().toString().endsWith("_bav.txt"));
        }
        return out;
    }

    /** Spectrum id of a file: decoded stem without a trailing {@code _conv}. */
    public static String idOf(Path file) {
        String s = TwoColumnFolderFormat.decode(SpectraIO.stem(file));
        return s.endsWith("_conv") && s.length() > 5 ? s.substring(0, s.length() - 5) : s;
    }

    private static SpectraDataset fromFiles(String name, List<Path> files, Path labelsFile, ReadOptions o, Path source) throws IOException {
        List<String> ids = new ArrayList<>();
        List<SpectrumFiles.Parsed> spectra = new ArrayList<>();
        List<Path> origin = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path f : files) {
            for (SpectrumFiles.Parsed p : SpectrumFiles.read(f, o)) {
                String id = idOf(f) + (p.suffix().isEmpty() ? "" : ":" + p.suffix());
                Path dup = seen.put(id, f);
                if (dup != null) throw new DataFormatException(f, 0, 0, "spectrum id '" + id + "' also comes from " + dup.getFileName() + ": expected unique file stems");
                ids.add(id);
                spectra.add(p);
                origin.add(f);
            }
        }
        // labels.csv: order and completeness as for two-column folders
        Table labels = null;
        if (labelsFile != null) {
            labels = LabelsCsv.read(labelsFile);
            String[] order = labels.stringColumn(SpectraDataset.ID).asObjectArray();
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) at.put(ids.get(i), i);
            for (int i = 0; i < order.length; i++) {
                if (!at.containsKey(order[i])) throw new DataFormatException(labelsFile, i + 2, 1, "id '" + order[i] + "' has no spectrum file: expected "
                        + TwoColumnFolderFormat.encode(order[i]) + ".txt (or .dat/.xy) in " + labelsFile.getParent());
            }
            Set<String> known = new java.util.HashSet<>(List.of(order));
            for (int i = 0; i < ids.size(); i++) {
                if (!known.contains(ids.get(i))) throw new DataFormatException(origin.get(i), 0, 0, "spectrum '" + ids.get(i) + "' has no row in " + labelsFile + ": expected every file to be labelled");
            }
            List<SpectrumFiles.Parsed> sp = new ArrayList<>();
            List<Path> or = new ArrayList<>();
            for (String id : order) { sp.add(spectra.get(at.get(id))); or.add(origin.get(at.get(id))); }
            spectra = sp; origin = or; ids = List.of(order);
        }
        Placed placed = place(spectra, origin, o);
        Table t = labels != null ? labels.copy() : Table.create(name, StringColumn.create(SpectraDataset.ID, ids));
        addMeta(t, spectra);
        SpectraDataset ds = SpectraDataset.wrap(name, new SpectrumMatrix(placed.grid, spectra.size(), placed.data), t).withSource(source.toString());
        List<Step> h = new ArrayList<>();
        if (!o.isDefault()) h.add(Step.of("read", "options", o.describe(), "files", files.size()));
        if (placed.step != null) h.add(placed.step);
        return h.isEmpty() ? ds : ds.withHistory(h);
    }

    private static StringColumn sourceColumn(List<Path> origin, Path source) {
        StringColumn c = StringColumn.create("file");
        for (Path p : origin) c.append(Files.isDirectory(source) ? source.relativize(p).toString() : p.getFileName().toString());
        return c;
    }

    private static void addMeta(Table t, List<SpectrumFiles.Parsed> spectra) {
        Set<String> keys = new LinkedHashSet<>();
        for (SpectrumFiles.Parsed p : spectra) keys.addAll(p.meta().keySet());
        for (String k : keys) {
            if (t.containsColumn(k)) continue;
            boolean numeric = true;
            for (SpectrumFiles.Parsed p : spectra) { Object v = p.meta().get(k); if (v != null && !(v instanceof Double)) numeric = false; }
            if (numeric) {
                DoubleColumn c = DoubleColumn.create(k);
                for (SpectrumFiles.Parsed p : spectra) { Object v = p.meta().get(k); if (v == null) c.appendMissing(); else c.append((Double) v); }
                t.addColumns(c);
            } else {
                StringColumn c = StringColumn.create(k);
                for (SpectrumFiles.Parsed p : spectra) { Object v = p.meta().get(k); c.append(v == null ? "" : v.toString()); }
                t.addColumns(c);
            }
        }
    }

    record Placed(EnergyGrid grid, float[] data, Step step) {}

    /** Puts every spectrum on one grid (see {@link GridRule}). */
    static Placed place(List<SpectrumFiles.Parsed> sp, List<Path> origin, ReadOptions o) throws DataFormatException {
        double[] g0 = sp.get(0).energiesEv();
        boolean same = true;
        int firstDiff = -1;
        for (int i = 1; i < sp.size() && same; i++) {
            if (!Arrays.equals(sp.get(i).energiesEv(), g0)) { same = false; firstDiff = i; }
        }
        EnergyGrid target;
        Step step;
        if (o.grid() != null) {
            target = o.grid();
            for (int i = 0; i < sp.size(); i++) {
                double[] e = sp.get(i).energiesEv();
                if (e[0] > target.minEv() + 1e-9 || e[e.length - 1] < target.maxEv() - 1e-9) {
                    throw new DataFormatException(origin.get(i), sp.get(i).lines()[0], 1, "covers " + e[0] + ".." + e[e.length - 1] + " eV: expected the whole requested grid "
                            + target.minEv() + ".." + target.maxEv() + " eV (no extrapolation)");
                }
            }
            step = Step.of("resample-on-load", "rule", "given grid", "fromEv", target.minEv(), "toEv", target.maxEv(), "points", target.size(), "interpolation", "linear");
        } else if (same) {
            float[] d = new float[sp.size() * g0.length];
            for (int i = 0; i < sp.size(); i++) {
                double[] y = sp.get(i).intensities();
                for (int j = 0; j < g0.length; j++) d[i * g0.length + j] = (float) y[j];
            }
            return new Placed(EnergyGrid.of(g0), d, null);
        } else if (o.gridRule() == GridRule.SAME) {
            double[] e = sp.get(firstDiff).energiesEv();
            if (e.length != g0.length) throw new DataFormatException(origin.get(firstDiff), 0, 0, e.length + " points, expected " + g0.length + " as in "
                    + origin.get(0).getFileName() + " (all files must share one grid with --grid-rule same; use overlap to resample)");
            int j = 0;
            while (e[j] == g0[j]) j++;
            throw new DataFormatException(origin.get(firstDiff), sp.get(firstDiff).lines()[j], 1, "energy point " + (j + 1) + " is " + e[j] + " eV, expected " + g0[j] + " eV as in "
                    + origin.get(0).getFileName() + " (all files must share one grid with --grid-rule same; use overlap to resample)");
        } else {
            double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY, stepEv = Double.POSITIVE_INFINITY;
            int loAt = 0, hiAt = 0;
            for (int i = 0; i < sp.size(); i++) {
                double[] e = sp.get(i).energiesEv();
                if (e[0] > lo) { lo = e[0]; loAt = i; }
                if (e[e.length - 1] < hi) { hi = e[e.length - 1]; hiAt = i; }
                if (e.length >= 2) stepEv = Math.min(stepEv, medianSpacing(e));
            }
            if (!(hi > lo)) throw new DataFormatException(origin.get(loAt), sp.get(loAt).lines()[0], 1, "starts at " + lo + " eV, after " + origin.get(hiAt).getFileName()
                    + " ends (" + hi + " eV): expected files whose energy ranges overlap (no common range to resample onto)");
            stepEv = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.9g", stepEv));   // 0.3999999999996362 (decimal energies) -> 0.4
            int n = (int) Math.floor((hi - lo) / stepEv + 1e-9) + 1;
            if (n < 2) n = 2;
            target = EnergyGrid.uniform(lo, n == 2 && lo + stepEv > hi ? hi : lo + (n - 1) * stepEv, n);
            step = Step.of("resample-on-load", "rule", "overlap: common range of all files, smallest median spacing, linear interpolation",
                    "fromEv", target.minEv(), "toEv", target.maxEv(), "stepEv", stepEv, "points", target.size());
        }
        double[] t = target.energiesEv();
        float[] d = new float[sp.size() * t.length];
        for (int i = 0; i < sp.size(); i++) {
            double[] e = sp.get(i).energiesEv(), y = sp.get(i).intensities();
            int k = 0;
            for (int j = 0; j < t.length; j++) {
                double x = t[j];
                while (k < e.length - 2 && e[k + 1] < x) k++;
                double v;
                if (x <= e[0]) v = y[0];
                else if (x >= e[e.length - 1]) v = y[e.length - 1];
                else { double w = (x - e[k]) / (e[k + 1] - e[k]); v = y[k] + w * (y[k + 1] - y[k]); }
                d[i * t.length + j] = (float) v;
            }
        }
        return new Placed(target, d, step);
    }

    static double medianSpacing(double[] e) {
        double[] s = new double[e.length - 1];
        for (int i = 0; i < s.length; i++) s[i] = e[i + 1] - e[i];
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /** The ids and metadata columns a {@link Map} of label values would join on (for tests). */
    static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) m.put(ids.get(i), i);
        return m;
    }
}
