package org.coreloss.data.io;

import org.coreloss.data.io.ReadOptions.Kind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers for the text outputs of simulation codes, one file at a time; each returns one or more
 * {@link Parsed} spectra (energies in eV as written, intensities as written) plus the header values as
 * metadata. Layouts (sources in docs/data.md, "Simulation-code outputs"):
 * <ul>
 * <li><b>FDMNES</b> {@code *.txt}: optionally a first line {@code v1 v2 ... = E_edge, Z, n_edge, ...} (values, then
 * their names after {@code =}), then a column line {@code Energy <xanes> ...}, then rows with one value per
 * column. {@code *_conv.txt} (convolution output) has the same column line, usually without the value line.
 * The {@code <xanes>} column is read unless another is named.</li>
 * <li><b>FEFF</b> {@code xmu.dat}: {@code #} header lines ending with {@code #  omega    e    k    mu    mu0     chi     @#},
 * rows of six numbers; energy = {@code omega} (absolute, eV), intensity = {@code mu} (or {@code mu0}, {@code chi};
 * {@code --column e} style energy choice: {@code e} = relative to the edge). {@code chi.dat}: header ending with
 * {@code #       k          chi          mag           phase @#}; the k axis (1/A) is converted to
 * E - E0 = sign(k) (hbar^2 / 2 m_e) k^2 = sign(k) 3.80998 eV A^2 x k^2 (FEFF writes negative k below the edge and maps them
 * the same way), intensity = {@code chi}.</li>
 * <li><b>OptaDOS</b> core-loss output {@code <seed>_core_edge.dat}: {@code #} preamble (with the broadening), then
 * per edge a line {@code # <symbol> <rank in species> <edge>} (e.g. {@code # O 1 K1}) followed by rows
 * {@code E  spectrum  [broadened spectrum]} and a blank line. One spectrum per edge block; the broadened column is
 * read when present.</li>
 * </ul>
 */
public final class SpectrumFiles {
    private SpectrumFiles() {}

    /** hbar^2 / (2 m_e) in eV A^2 (CODATA 2018: 3.80998212). */
    public static final double HBAR2_OVER_2ME_EV_A2 = 3.80998212;

    /** One spectrum of a file: id suffix ("" for one-spectrum files), energies (eV), intensities, header metadata. */
    public record Parsed(String suffix, double[] energiesEv, double[] intensities, long[] lines, Map<String, Object> meta) {}

    private static final Pattern OPTADOS_EDGE = Pattern.compile("#\\s*([A-Z][a-z]?)\\s+(\\d+)\\s+([A-Z][0-9,]+)(\\s+\\S+)?\\s*");

    /** The kind of {@code file} from its content (and name); {@link Kind#TWO_COLUMN} when nothing else matches. */
    public static Kind sniff(Path file, List<String> lines) {
        int seen = 0;
        List<String> hashes = new ArrayList<>();
        for (String raw : lines) {
            String l = raw.strip();
            if (l.isEmpty()) continue;
            if (seen == 0) {
                if (l.contains("= E_edge") || (l.startsWith("Energy") && l.contains("<"))) return Kind.FDMNES;
                if (l.startsWith("#*") && lines.size() > 1 && String.join("\n", lines.subList(0, Math.min(6, lines.size()))).contains("Core loss function")) return Kind.OPTADOS;
            }
            if (seen == 1 && l.startsWith("Energy") && l.contains("<")) return Kind.FDMNES;
            if (l.startsWith("#")) hashes.add(l);
            else break;
            seen++;
        }
        if (!hashes.isEmpty()) {
            String last = hashes.get(hashes.size() - 1).replace("@#", "");
            List<String> toks = List.of(last.substring(1).strip().split("\\s+"));
            if (toks.equals(List.of("omega", "e", "k", "mu", "mu0", "chi"))) return Kind.FEFF_XMU;
            if (toks.size() >= 4 && toks.subList(0, 4).equals(List.of("k", "chi", "mag", "phase"))) return Kind.FEFF_CHI;
            for (String h : hashes) if (h.contains("Core loss function")) return Kind.OPTADOS;
        }
        return Kind.TWO_COLUMN;
    }

    /** Reads one file with {@code options} (kind AUTO: sniffed). */
    public static List<Parsed> read(Path file, ReadOptions options) throws IOException {
        List<String> all = TextInput.lines(file, "a spectrum (energy and intensity columns)");
        if (options.skipLines() >= all.size()) {
            throw new DataFormatException(file, all.size(), 0, "--skip " + options.skipLines() + " drops every line (the file has " + all.size() + "): expected fewer skipped lines");
        }
        List<String> lines = new ArrayList<>(all);
        for (int i = 0; i < options.skipLines(); i++) lines.set(i, "");
        Kind k = options.kind() == Kind.AUTO ? sniff(file, lines) : options.kind();
        return switch (k) {
            case FDMNES -> List.of(fdmnes(file, lines, options.column()));
            case FEFF_XMU -> List.of(feff(file, lines, false, options.column()));
            case FEFF_CHI -> List.of(feff(file, lines, true, options.column()));
            case OPTADOS -> optados(file, lines, options.intensityColumn());
            default -> List.of(twoColumn(file, lines, options));
        };
    }

    // ---------------------------------------------------------------- two columns

    static Parsed twoColumn(Path file, List<String> lines, ReadOptions o) throws DataFormatException {
        boolean chosen = o.energyColumn() > 0 || o.intensityColumn() > 0;
        int ec = o.energyColumn() > 0 ? o.energyColumn() : 1, ic = o.intensityColumn() > 0 ? o.intensityColumn() : 2;
        int need = Math.max(ec, ic);
        List<Double> e = new ArrayList<>(), y = new ArrayList<>();
        List<Long> ln = new ArrayList<>();
        boolean headerSkipped = false;
        int width = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || o.isComment(l)) continue;
            String[] f = TextInput.splitColumns(l);
            if (!headerSkipped && e.isEmpty() && f.length >= 1 && !TextInput.isNumber(f[0]) && !looksNumeric(f[0])) { headerSkipped = true; continue; }
            if (!chosen && f.length != 2) throw new DataFormatException(file, i + 1, Math.min(f.length, 2) + 1, "expected 2 columns (energy, intensity), got " + f.length + (f.length > 2 ? " (choose columns with --columns E,I)" : ""));
            if (chosen) {
                if (f.length < need) throw new DataFormatException(file, i + 1, f.length + 1, "expected at least " + need + " columns (energy in " + ec + ", intensity in " + ic + "), got " + f.length);
                if (width < 0) width = f.length;
                else if (f.length != width) throw new DataFormatException(file, i + 1, Math.min(f.length, width) + 1, "expected " + width + " columns as on the first data line, got " + f.length);
            }
            e.add(TextInput.parseFinite(f[ec - 1], file, i + 1, ec, "an energy in eV"));
            y.add(TextInput.parseFinite(f[ic - 1], file, i + 1, ic, "an intensity"));
            ln.add((long) i + 1);
        }
        if (e.isEmpty()) throw new DataFormatException(file, lines.size(), 0, "no data lines: expected two columns (energy, intensity)");
        return finish(file, e, y, ln, "", new LinkedHashMap<>(), 1);
    }

    static boolean looksNumeric(String s) { return s.matches("[-+]?[0-9.,]+([eEdD][-+]?\\d+)?|[-+]?(NaN|Infinity|inf|nan)"); }

    private static Parsed finish(Path file, List<Double> e, List<Double> y, List<Long> ln, String suffix, Map<String, Object> meta, int energyCol) throws DataFormatException {
        double[] ea = e.stream().mapToDouble(Double::doubleValue).toArray();
        long[] la = ln.stream().mapToLong(Long::longValue).toArray();
        int[] cols = new int[ea.length];
        java.util.Arrays.fill(cols, energyCol);
        Grids.of(ea, file, la, cols);
        return new Parsed(suffix, ea, y.stream().mapToDouble(Double::doubleValue).toArray(), la, meta);
    }

    // ---------------------------------------------------------------- FDMNES

    static Parsed fdmnes(Path file, List<String> lines, String column) throws DataFormatException {
        Map<String, Object> meta = new LinkedHashMap<>();
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) i++;
        if (i < lines.size() && lines.get(i).contains("=")) {
            String l = lines.get(i);
            int eq = l.indexOf('=');
            String[] vals = l.substring(0, eq).strip().split("\\s+");
            String[] names = l.substring(eq + 1).split(",");
            for (int j = 0; j < Math.min(vals.length, names.length); j++) {
                String n = names[j].strip();
                if (n.isEmpty()) continue;
                String key = "fdmnes_" + n;
                if (TextInput.isNumber(fortran(vals[j]))) meta.put(key, Double.parseDouble(fortran(vals[j])));
                else meta.put(key, vals[j]);
            }
            i++;
            while (i < lines.size() && lines.get(i).isBlank()) i++;
        }
        if (i >= lines.size() || !lines.get(i).strip().startsWith("Energy")) {
            throw new DataFormatException(file, Math.min(i + 1, lines.size()), 1, "expected the FDMNES column line 'Energy <xanes> ...'"
                    + (i < lines.size() ? ", got '" + TextInput.abbreviate(lines.get(i).strip()) + "'" : ", got the end of the file"));
        }
        String[] names = lines.get(i).strip().split("\\s+");
        int ic;
        String want = column != null ? column : "<xanes>";
        ic = List.of(names).indexOf(want);
        if (ic < 1) {
            if (column != null) throw new DataFormatException(file, i + 1, 1, "no column '" + column + "': expected one of " + List.of(names).subList(1, names.length));
            if (names.length < 2) throw new DataFormatException(file, i + 1, 2, "expected at least 2 column names (Energy and a spectrum), got " + names.length);
            ic = 1;
        }
        meta.put("fdmnes_column", names[ic]);
        List<Double> e = new ArrayList<>(), y = new ArrayList<>();
        List<Long> ln = new ArrayList<>();
        for (int r = i + 1; r < lines.size(); r++) {
            String l = lines.get(r).strip();
            if (l.isEmpty()) continue;
            String[] f = l.split("\\s+");
            if (f.length != names.length) throw new DataFormatException(file, r + 1, Math.min(f.length, names.length) + 1, "expected " + names.length + " values (one per column of line " + (i + 1) + ": " + String.join(" ", names) + "), got " + f.length);
            e.add(fdmnesNumber(f[0], file, r + 1, 1, "an energy in eV"));
            y.add(fdmnesNumber(f[ic], file, r + 1, ic + 1, "an intensity (" + names[ic] + ")"));
            ln.add((long) r + 1);
        }
        if (e.isEmpty()) throw new DataFormatException(file, lines.size(), 0, "no data rows after the column line (line " + (i + 1) + "): expected rows of " + names.length + " numbers");
        return finish(file, e, y, ln, "", meta, 1);
    }

    /** Fortran writes exponents below -99 without the E ({@code 1.2345-100}): read those as numbers. */
    static String fortran(String s) {
        return s.matches("[-+]?\\d*\\.\\d+[-+]\\d{3}") ? s.replaceFirst("([0-9])([-+]\\d{3})$", "$1E$2") : s;
    }

    private static double fdmnesNumber(String s, Path file, long line, int col, String what) throws DataFormatException {
        return TextInput.parseFinite(fortran(s), file, line, col, what);
    }

    // ---------------------------------------------------------------- FEFF

    static Parsed feff(Path file, List<String> lines, boolean chi, String column) throws DataFormatException {
        Map<String, Object> meta = new LinkedHashMap<>();
        List<String> expected = chi ? List.of("k", "chi", "mag", "phase") : List.of("omega", "e", "k", "mu", "mu0", "chi");
        int colLine = -1;
        String[] names = null;
        int r = 0;
        for (; r < lines.size(); r++) {
            String l = lines.get(r).strip();
            if (l.isEmpty()) continue;
            if (!l.startsWith("#")) break;
            if (r == firstNonBlank(lines) && l.length() > 1) meta.put("feff_title", l.substring(1).strip());
            String[] t = l.replace("@#", "").substring(1).strip().split("\\s+");
            if (t.length >= expected.size() && List.of(t).subList(0, expected.size()).equals(expected)) { colLine = r; names = t; }
        }
        if (colLine < 0) {
            throw new DataFormatException(file, Math.max(r, 1), 1, "expected the FEFF column line '# " + String.join("  ", expected) + " @#' before the data"
                    + (chi ? " (chi.dat)" : " (xmu.dat)"));
        }
        int ec = 0, ic;
        if (chi) ic = column == null ? 1 : idx(names, column, file, colLine);
        else {
            ic = column == null ? 3 : idx(names, column, file, colLine);
            if (column != null && column.equals("e")) throw new DataFormatException(file, colLine + 1, 2, "'e' is an energy column: expected mu, mu0 or chi as the spectrum");
        }
        meta.put("feff_column", names[ic]);
        meta.put("feff_energy", chi ? "E-E0 from k (eV)" : "omega (eV)");
        List<Double> e = new ArrayList<>(), y = new ArrayList<>();
        List<Long> ln = new ArrayList<>();
        for (int i = colLine + 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) continue;
            if (l.startsWith("#")) throw new DataFormatException(file, i + 1, 1, "comment line inside the data: expected rows of " + names.length + " numbers after line " + (colLine + 1));
            String[] f = l.split("\\s+");
            if (f.length != names.length) throw new DataFormatException(file, i + 1, Math.min(f.length, names.length) + 1, "expected " + names.length + " values (" + String.join(" ", names) + "), got " + f.length);
            double x = TextInput.parseFinite(fortran(f[ec]), file, i + 1, ec + 1, chi ? "k in 1/A" : "an energy omega in eV");
            if (chi) x = Math.signum(x) * HBAR2_OVER_2ME_EV_A2 * x * x;   // FEFF's own map: omega = +-k^2/2 + E_F (k < 0 below the edge)
            e.add(x);
            y.add(TextInput.parseFinite(fortran(f[ic]), file, i + 1, ic + 1, "a value of " + names[ic]));
            ln.add((long) i + 1);
        }
        if (e.isEmpty()) throw new DataFormatException(file, lines.size(), 0, "no data rows after the column line (line " + (colLine + 1) + ")");
        return finish(file, e, y, ln, "", meta, 1);
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) if (!lines.get(i).isBlank()) return i;
        return 0;
    }

    private static int idx(String[] names, String column, Path file, int line) throws DataFormatException {
        for (int j = 1; j < names.length; j++) if (names[j].equals(column)) return j;
        throw new DataFormatException(file, line + 1, 1, "no column '" + column + "': expected one of " + List.of(names).subList(1, names.length));
    }

    // ---------------------------------------------------------------- OptaDOS

    static List<Parsed> optados(Path file, List<String> lines, int intensityColumn) throws DataFormatException {
        List<Parsed> out = new ArrayList<>();
        Map<String, Object> common = new LinkedHashMap<>();
        String edge = null;
        int edgeLine = 0, width = -1;
        List<Double> e = new ArrayList<>(), y = new ArrayList<>();
        List<Long> ln = new ArrayList<>();
        Map<String, Object> meta = null;
        for (int i = 0; i <= lines.size(); i++) {
            String l = i < lines.size() ? lines.get(i).strip() : "";
            boolean blockEnd = edge != null && (i == lines.size() || l.isEmpty() || l.startsWith("#")) && !e.isEmpty();
            if (blockEnd) {
                out.add(finish(file, e, y, ln, edge, meta, 1));
                e = new ArrayList<>(); y = new ArrayList<>(); ln = new ArrayList<>();
                edge = null; width = -1;
            }
            if (i == lines.size() || l.isEmpty()) continue;
            if (l.startsWith("#")) {
                Matcher m = OPTADOS_EDGE.matcher(l);
                if (m.matches()) {
                    if (edge != null) throw new DataFormatException(file, i + 1, 1, "edge '" + l + "' follows edge on line " + edgeLine + " without data: expected rows 'energy spectrum [broadened]'");
                    edge = m.group(1) + m.group(2) + "_" + m.group(3).replace(",", "") + (m.group(4) == null ? "" : "_" + m.group(4).strip());
                    edgeLine = i + 1;
                    meta = new LinkedHashMap<>(common);
                    meta.put("species", m.group(1));
                    meta.put("site_in_species", Double.parseDouble(m.group(2)));
                    meta.put("edge", m.group(3));
                } else {
                    Matcher g = Pattern.compile("#\\s*Gaussian broadening: FWHM\\s+(\\S+)").matcher(l);
                    if (g.find() && TextInput.isNumber(g.group(1))) common.put("optados_gaussian_fwhm_eV", Double.parseDouble(g.group(1)));
                }
                continue;
            }
            if (edge == null) throw new DataFormatException(file, i + 1, 1, "data before any edge line: expected '# <symbol> <rank> <edge>' (e.g. '# O 1 K1') first");
            String[] f = l.split("\\s+");
            if (f.length < 2 || f.length > 3) throw new DataFormatException(file, i + 1, Math.min(f.length, 3) + 1, "expected 2 or 3 values (energy, spectrum, broadened spectrum), got " + f.length);
            if (width < 0) width = f.length;
            else if (f.length != width) throw new DataFormatException(file, i + 1, Math.min(f.length, width) + 1, "expected " + width + " values as on line " + (ln.get(0)) + ", got " + f.length);
            int ic = intensityColumn > 0 ? intensityColumn : f.length;
            if (ic > f.length) throw new DataFormatException(file, i + 1, f.length + 1, "intensity column " + ic + " requested, the row has " + f.length);
            if (meta != null) meta.put("optados_broadened", ic == 3 ? "yes" : "no");
            e.add(TextInput.parseFinite(fortran(f[0]), file, i + 1, 1, "an energy in eV"));
            y.add(TextInput.parseFinite(fortran(f[ic - 1]), file, i + 1, ic, "a core-loss intensity"));
            ln.add((long) i + 1);
        }
        if (edge != null) throw new DataFormatException(file, edgeLine, 1, "edge without data rows: expected 'energy spectrum [broadened]' rows after it");
        if (out.isEmpty()) throw new DataFormatException(file, lines.size(), 0, "no edge blocks: expected '# <symbol> <rank> <edge>' lines followed by data (OptaDOS core_edge.dat)");
        return out;
    }

    static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
