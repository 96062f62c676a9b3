package org.coreloss.data.io;

import org.coreloss.spectrum.EnergyGrid;

import java.util.List;
import java.util.Locale;

/**
 * How text spectra and folders of them are read: the same options behind {@code %spectra load} and
 * {@code coreloss ... --data}. Defaults read every supported file as before.
 *
 * @param kind            the file kind, or {@link Kind#AUTO}: recognised from the content (FDMNES, FEFF, OptaDOS
 *                        headers), else two columns
 * @param skipLines       lines dropped at the top of every file before anything else is read (>= 0)
 * @param comments        prefixes of comment lines (after leading blanks), e.g. {@code #}, {@code %}, {@code !}
 * @param energyColumn    1-based column of the energy (two-column files; 0 = default, column 1)
 * @param intensityColumn 1-based column of the intensity (two-column files, OptaDOS; 0 = default). With the default
 *                        a two-column file must have exactly two columns.
 * @param column          named column of FDMNES ({@code <xanes>}) or FEFF ({@code mu}, {@code mu0}, {@code chi}) files;
 *                        null = the code's default
 * @param glob            file-name pattern for folders (e.g. {@code *_conv.txt}); null = the kind's default
 * @param gridRule        how a folder whose files have different grids becomes one grid
 * @param grid            target grid for every spectrum (overrides the rule), or null
 */
public record ReadOptions(Kind kind, int skipLines, List<String> comments, int energyColumn, int intensityColumn,
                          String column, String glob, GridRule gridRule, EnergyGrid grid) {

    /** Kinds of spectrum files. */
    public enum Kind {
        AUTO, TWO_COLUMN, FDMNES, FEFF_XMU, FEFF_CHI, OPTADOS;

        /** Parses {@code auto}, {@code two-column}, {@code fdmnes}, {@code feff-xmu}, {@code feff-chi}, {@code optados}. */
        public static Kind parse(String s) {
            for (Kind k : values()) if (k.name().replace('_', '-').equalsIgnoreCase(s.strip())) return k;
            throw new IllegalArgumentException("file kind '" + s + "', expected one of auto, two-column, fdmnes, feff-xmu, feff-chi, optados");
        }

        public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    /**
     * Rule that puts the files of one folder on one grid.
     * <ul>
     * <li>{@code SAME}: every file must have the same energies (error naming the first file that differs).</li>
     * <li>{@code OVERLAP} (default): if every file has the same energies they are kept as read (no interpolation);
     * otherwise every spectrum is interpolated linearly onto the uniform grid that starts at the highest first
     * energy, ends at or below the lowest last energy (the range every file covers, so nothing is extrapolated)
     * and has the smallest median spacing found among the files (rounded to 9 significant digits, so decimal energies
     * such as 7098.4, 7098.8 give 0.4 eV rather than 0.3999999999996 eV). An empty common range is an error naming the
     * two files that do not overlap.</li>
     * </ul>
     */
    public enum GridRule {
        SAME, OVERLAP;

        public static GridRule parse(String s) {
            for (GridRule r : values()) if (r.name().equalsIgnoreCase(s.strip())) return r;
            throw new IllegalArgumentException("grid rule '" + s + "', expected same or overlap");
        }
    }

    public static final List<String> DEFAULT_COMMENTS = List.of("#", "%", "!");

    public ReadOptions {
        if (kind == null) kind = Kind.AUTO;
        if (skipLines < 0) throw new IllegalArgumentException("skip lines = " + skipLines + ", expected >= 0");
        comments = comments == null ? DEFAULT_COMMENTS : List.copyOf(comments);
        if (energyColumn < 0 || intensityColumn < 0) throw new IllegalArgumentException("columns are 1-based, got energy " + energyColumn + ", intensity " + intensityColumn);
        if (energyColumn > 0 && energyColumn == intensityColumn) throw new IllegalArgumentException("energy and intensity column are both " + energyColumn);
        if (gridRule == null) gridRule = GridRule.OVERLAP;
    }

    public static ReadOptions defaults() { return new ReadOptions(Kind.AUTO, 0, null, 0, 0, null, null, GridRule.OVERLAP, null); }

    public ReadOptions withKind(Kind k) { return new ReadOptions(k, skipLines, comments, energyColumn, intensityColumn, column, glob, gridRule, grid); }
    public ReadOptions withSkipLines(int n) { return new ReadOptions(kind, n, comments, energyColumn, intensityColumn, column, glob, gridRule, grid); }
    public ReadOptions withComments(List<String> c) { return new ReadOptions(kind, skipLines, c, energyColumn, intensityColumn, column, glob, gridRule, grid); }
    public ReadOptions withColumns(int energy, int intensity) { return new ReadOptions(kind, skipLines, comments, energy, intensity, column, glob, gridRule, grid); }
    public ReadOptions withColumn(String name) { return new ReadOptions(kind, skipLines, comments, energyColumn, intensityColumn, name, glob, gridRule, grid); }
    public ReadOptions withGlob(String g) { return new ReadOptions(kind, skipLines, comments, energyColumn, intensityColumn, column, g, gridRule, grid); }
    public ReadOptions withGridRule(GridRule r) { return new ReadOptions(kind, skipLines, comments, energyColumn, intensityColumn, column, glob, r, grid); }
    public ReadOptions withGrid(EnergyGrid g) { return new ReadOptions(kind, skipLines, comments, energyColumn, intensityColumn, column, glob, gridRule, g); }

    /** Whether these are the defaults (a plain {@link SpectraIO#read} call). */
    public boolean isDefault() { return equals(defaults()); }

    boolean isComment(String stripped) {
        for (String c : comments) if (!c.isEmpty() && stripped.startsWith(c)) return true;
        return false;
    }

    /**
     * Parses command-line style options shared by {@code %spectra load} and the {@code coreloss} commands:
     * {@code --kind K --skip N --comment C[,C] --columns E,I --column NAME --glob PATTERN --grid-rule same|overlap
     * --grid FROM:TO:STEP} (eV). Returns the options; consumed arguments are removed from {@code args}.
     */
    public static ReadOptions parse(List<String> args) {
        ReadOptions o = defaults();
        for (int i = 0; i < args.size(); ) {
            String k = args.get(i);
            if (!List.of("--kind", "--skip", "--comment", "--columns", "--column", "--glob", "--grid-rule", "--grid").contains(k)) { i++; continue; }
            if (i + 1 >= args.size()) throw new IllegalArgumentException(k + ": expected a value");
            String v = args.get(i + 1);
            args.remove(i + 1);
            args.remove(i);
            switch (k) {
                case "--kind" -> o = o.withKind(Kind.parse(v));
                case "--skip" -> {
                    try { o = o.withSkipLines(Integer.parseInt(v.strip())); }
                    catch (NumberFormatException e) { throw new IllegalArgumentException("--skip: '" + v + "' is not a whole number of lines"); }
                }
                case "--comment" -> o = o.withComments(List.of(v.split(",")));
                case "--columns" -> {
                    String[] p = v.split(",");
                    try {
                        if (p.length != 2) throw new NumberFormatException();
                        o = o.withColumns(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
                    } catch (NumberFormatException e) { throw new IllegalArgumentException("--columns: '" + v + "', expected ENERGY,INTENSITY (1-based column numbers, e.g. 1,3)"); }
                }
                case "--column" -> o = o.withColumn(v);
                case "--glob" -> o = o.withGlob(v);
                case "--grid-rule" -> o = o.withGridRule(GridRule.parse(v));
                default -> o = o.withGrid(parseGrid(v));
            }
        }
        return o;
    }

    /** {@code FROM:TO:STEP} in eV, both ends included (to within 1e-9 of a step). */
    public static EnergyGrid parseGrid(String v) {
        String[] p = v.split(":");
        try {
            if (p.length != 3) throw new NumberFormatException();
            double a = Double.parseDouble(p[0]), b = Double.parseDouble(p[1]), s = Double.parseDouble(p[2]);
            if (!(s > 0) || !(b > a)) throw new NumberFormatException();
            int n = (int) Math.floor((b - a) / s + 1e-9) + 1;
            return EnergyGrid.uniform(a, a + (n - 1) * s, n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--grid: '" + v + "', expected FROM:TO:STEP in eV with FROM < TO and STEP > 0 (e.g. 7100:7200:0.5)");
        }
    }

    /** The options as text, for a dataset's history. */
    String describe() {
        return "kind=" + kind.label() + (skipLines > 0 ? ", skip=" + skipLines : "") + (energyColumn + intensityColumn > 0 ? ", columns=" + energyColumn + "," + intensityColumn : "")
                + (column != null ? ", column=" + column : "") + (glob != null ? ", glob=" + glob : "") + ", gridRule=" + gridRule.name().toLowerCase(Locale.ROOT);
    }
}
