package org.coreloss.structure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads structures from VASP POSCAR/CONTCAR and xyz files.
 *
 * <p><b>POSCAR/CONTCAR</b> (VASP 4 and 5): comment; scale (one value: positive = factor,
 * negative = target cell volume in Angstrom^3; or three positive per-axis Cartesian factors);
 * three lattice vectors; optional species line (VASP 5; suffixes such as {@code Fe_pv} or
 * {@code O/abc} are cut to the element); counts; optional {@code Selective dynamics} line (flags
 * T/F checked and dropped); {@code Direct} or {@code Cartesian} ({@code K}); one line per atom.
 * Lines after the positions (velocities, predictor-corrector data) are ignored. A VASP 4 file has
 * no species line: species come from the {@code vasp4Species} argument, else from the comment line
 * when its words are element symbols, one per count, else {@code X1, X2, ...}.
 *
 * <p><b>xyz</b>: atom count; comment; one line {@code symbol x y z ...} per atom (Angstrom); a
 * symbol may be an atomic number. A comment with {@code Lattice="ax ay az bx by bz cx cy cz"}
 * (extended xyz) makes the structure periodic; {@code Properties=species:S:1:pos:R:3:...} is honoured
 * for column positions; {@code pbc="F F F"} makes it non-periodic and partial periodicity is
 * rejected. Without a lattice the structure is non-periodic. Several frames may follow each other
 * ({@link #readXyzFrames}).
 *
 * <p>All errors are {@link StructureFormatException}s naming the file and 1-based line.
 */
public final class StructureReader {
    private StructureReader() {}

    /** Format chosen by file name: {@code *.xyz / *.extxyz} = xyz; POSCAR, CONTCAR, {@code *.vasp}, {@code *.poscar} (or names starting with POSCAR/CONTCAR) = POSCAR. */
    public static Structure read(Path file) throws IOException {
        String n = file.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xyz") || lower.endsWith(".extxyz")) return readXyz(file);
        if (lower.startsWith("poscar") || lower.startsWith("contcar") || lower.endsWith(".vasp") || lower.endsWith(".poscar")
                || lower.endsWith("poscar") || lower.endsWith("contcar")) {
            return readPoscar(file);
        }
        throw new StructureFormatException(file.toString(), 0,
                "unknown structure format; expected a name ending in .xyz/.extxyz or a POSCAR/CONTCAR/.vasp file");
    }

    public static Structure readPoscar(Path file) throws IOException {
        return parsePoscar(file.toString(), readLines(file), null);
    }

    public static Structure readPoscar(Path file, List<String> vasp4Species) throws IOException {
        return parsePoscar(file.toString(), readLines(file), vasp4Species);
    }

    public static Structure readXyz(Path file) throws IOException {
        List<Structure> frames = parseXyz(file.toString(), readLines(file), 1);
        return frames.get(0);
    }

    /** Every frame of a (multi-frame) xyz file. */
    public static List<Structure> readXyzFrames(Path file) throws IOException {
        return parseXyz(file.toString(), readLines(file), Integer.MAX_VALUE);
    }

    private static List<String> readLines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        return text.lines().toList();
    }

    // ---------------------------------------------------------------- POSCAR

    /**
     * Parses POSCAR text.
     *
     * @param fileLabel    name used in error messages and as the structure name fallback
     * @param lines        the file's lines
     * @param vasp4Species species for a VASP 4 file (no species line), or null
     */
    public static Structure parsePoscar(String fileLabel, List<String> lines, List<String> vasp4Species) throws StructureFormatException {
        int n = lines.size();
        if (n == 0) throw new StructureFormatException(fileLabel, 0, "empty file; expected a POSCAR (comment, scale, 3 lattice vectors, counts, positions)");
        String comment = lines.get(0).trim();
        requireLine(fileLabel, lines, 2, "scale factor");
        String[] scaleTok = tokens(lines.get(1));
        double[] scale;
        if (scaleTok.length >= 3 && isNumber(scaleTok[1]) && isNumber(scaleTok[2])) {
            scale = new double[] {num(fileLabel, 2, scaleTok[0], "scale factor x"), num(fileLabel, 2, scaleTok[1], "scale factor y"),
                    num(fileLabel, 2, scaleTok[2], "scale factor z")};
            for (double s : scale) {
                if (!(s > 0)) throw new StructureFormatException(fileLabel, 2, "three scale factors must all be positive, got " + s);
            }
        } else if (scaleTok.length >= 1) {
            double s = num(fileLabel, 2, scaleTok[0], "scale factor (positive factor or negative volume in A^3)");
            if (s == 0) throw new StructureFormatException(fileLabel, 2, "scale factor is 0; expected a positive factor or a negative volume in A^3");
            scale = new double[] {s};
        } else {
            throw new StructureFormatException(fileLabel, 2, "empty line; expected the scale factor");
        }
        double[][] lat = new double[3][];
        for (int k = 0; k < 3; k++) {
            requireLine(fileLabel, lines, 3 + k, "lattice vector " + (k + 1));
            lat[k] = threeNumbers(fileLabel, 3 + k, lines.get(2 + k), "lattice vector " + "abc".charAt(k) + " (3 numbers)");
        }
        double rawDet = Mat3.det(lat);
        if (!(Math.abs(rawDet) > 0)) throw new StructureFormatException(fileLabel, 5, "lattice vectors are linearly dependent (zero volume)");
        double[] cartScale; // applied to x, y, z components
        if (scale.length == 3) {
            cartScale = scale;
        } else if (scale[0] < 0) {
            double f = Math.cbrt(-scale[0] / Math.abs(rawDet));
            cartScale = new double[] {f, f, f};
        } else {
            cartScale = new double[] {scale[0], scale[0], scale[0]};
        }
        for (double[] v : lat) for (int d = 0; d < 3; d++) v[d] *= cartScale[d];

        int lineNo = 6;
        requireLine(fileLabel, lines, lineNo, "species names (VASP 5) or atom counts");
        String[] t6 = tokens(lines.get(lineNo - 1));
        List<String> speciesNames;
        String[] countTok;
        int countLine;
        if (t6.length > 0 && !isInteger(t6[0])) {
            speciesNames = new ArrayList<>();
            for (String s : t6) {
                if (s.startsWith("!") || s.startsWith("#")) break;
                speciesNames.add(Elements.cleanVaspSymbol(s));
            }
            lineNo++;
            requireLine(fileLabel, lines, lineNo, "atom counts (one integer per species)");
            countTok = tokens(lines.get(lineNo - 1));
            countLine = lineNo;
        } else {
            speciesNames = null;
            countTok = t6;
            countLine = lineNo;
        }
        List<Integer> counts = new ArrayList<>();
        for (String s : countTok) {
            if (!isInteger(s)) {
                if (s.startsWith("!") || s.startsWith("#")) break;
                throw new StructureFormatException(fileLabel, countLine, "'" + s + "' is not an atom count; expected non-negative integers");
            }
            int c = Integer.parseInt(s);
            if (c < 0) throw new StructureFormatException(fileLabel, countLine, "negative atom count " + c);
            counts.add(c);
        }
        if (counts.isEmpty()) throw new StructureFormatException(fileLabel, countLine, "no atom counts; expected one integer per species");
        if (speciesNames == null) {
            speciesNames = vasp4SpeciesNames(comment, counts.size(), vasp4Species, fileLabel, countLine);
        } else if (speciesNames.size() != counts.size()) {
            throw new StructureFormatException(fileLabel, countLine, counts.size() + " atom counts for " + speciesNames.size()
                    + " species on line " + (countLine - 1) + "; expected one count per species");
        }
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        if (total == 0) throw new StructureFormatException(fileLabel, countLine, "total atom count is 0");

        lineNo = countLine + 1;
        requireLine(fileLabel, lines, lineNo, "'Selective dynamics', 'Direct' or 'Cartesian'");
        String mode = lines.get(lineNo - 1).trim();
        boolean selective = false;
        if (!mode.isEmpty() && (mode.charAt(0) == 'S' || mode.charAt(0) == 's')) {
            selective = true;
            lineNo++;
            requireLine(fileLabel, lines, lineNo, "'Direct' or 'Cartesian'");
            mode = lines.get(lineNo - 1).trim();
        }
        boolean cartesian;
        char m0 = mode.isEmpty() ? ' ' : Character.toUpperCase(mode.charAt(0));
        if (m0 == 'D') cartesian = false;
        else if (m0 == 'C' || m0 == 'K') cartesian = true;
        else throw new StructureFormatException(fileLabel, lineNo, "'" + mode + "': expected 'Direct' or 'Cartesian' (or 'Selective dynamics' before it)");

        List<String> species = new ArrayList<>(total);
        for (int s = 0; s < counts.size(); s++) for (int k = 0; k < counts.get(s); k++) species.add(speciesNames.get(s));
        double[][] pos = new double[total][];
        for (int i = 0; i < total; i++) {
            int ln = lineNo + 1 + i;
            if (ln > n || lines.get(ln - 1).isBlank()) {
                throw new StructureFormatException(fileLabel, Math.min(ln, n + 1), "expected position of atom " + (i + 1) + " of " + total
                        + " (counts " + counts + "), found " + (ln > n ? "end of file" : "a blank line"));
            }
            String[] t = tokens(lines.get(ln - 1));
            if (t.length < 3) throw new StructureFormatException(fileLabel, ln, "expected 3 coordinates of atom " + (i + 1) + ", found " + t.length + " values");
            pos[i] = new double[] {num(fileLabel, ln, t[0], "coordinate x"), num(fileLabel, ln, t[1], "coordinate y"), num(fileLabel, ln, t[2], "coordinate z")};
            if (selective) {
                if (t.length < 6) throw new StructureFormatException(fileLabel, ln, "selective dynamics: expected 3 coordinates and 3 flags T/F");
                for (int k = 3; k < 6; k++) {
                    if (!(t[k].equals("T") || t[k].equals("F") || t[k].equals("t") || t[k].equals("f"))) {
                        throw new StructureFormatException(fileLabel, ln, "selective dynamics flag '" + t[k] + "': expected T or F");
                    }
                }
            }
            if (cartesian) for (int d = 0; d < 3; d++) pos[i][d] *= cartScale[d];
        }
        String name = comment.isEmpty() ? fileLabel : comment;
        try {
            return cartesian ? Structure.periodicCartesian(name, lat, species, pos) : Structure.periodicFractional(name, lat, species, pos);
        } catch (IllegalArgumentException e) {
            throw new StructureFormatException(fileLabel, 0, e.getMessage());
        }
    }

    private static List<String> vasp4SpeciesNames(String comment, int groups, List<String> given, String file, int line) throws StructureFormatException {
        if (given != null) {
            if (given.size() != groups) {
                throw new StructureFormatException(file, line, groups + " atom counts but " + given.size() + " species given for this VASP 4 file");
            }
            return new ArrayList<>(given);
        }
        String[] words = tokens(comment);
        if (words.length >= groups) {
            List<String> out = new ArrayList<>();
            for (int k = 0; k < groups; k++) {
                String w = Elements.cleanVaspSymbol(words[k]);
                if (!Elements.isElement(w)) { out = null; break; }
                out.add(w);
            }
            if (out != null) return out;
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < groups; k++) out.add("X" + (k + 1));
        return out;
    }

    // ---------------------------------------------------------------- xyz

    private static final Pattern LATTICE = Pattern.compile("(?i)lattice\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern PROPERTIES = Pattern.compile("(?i)properties\\s*=\\s*(\\S+)");
    private static final Pattern PBC = Pattern.compile("(?i)pbc\\s*=\\s*\"([^\"]*)\"");

    /** Parses xyz text; at most {@code maxFrames} frames. */
    public static List<Structure> parseXyz(String fileLabel, List<String> lines, int maxFrames) throws StructureFormatException {
        List<Structure> frames = new ArrayList<>();
        int i = 0; // 0-based line pointer
        int n = lines.size();
        while (i < n && frames.size() < maxFrames) {
            if (lines.get(i).isBlank()) {
                if (frames.isEmpty()) throw new StructureFormatException(fileLabel, i + 1, "blank line; expected the number of atoms");
                i++;
                continue;
            }
            String[] ct = tokens(lines.get(i));
            if (ct.length < 1 || !isInteger(ct[0]) || Integer.parseInt(ct[0]) <= 0) {
                throw new StructureFormatException(fileLabel, i + 1, "'" + lines.get(i).trim() + "': expected a positive number of atoms");
            }
            int natoms = Integer.parseInt(ct[0]);
            if (i + 1 >= n) throw new StructureFormatException(fileLabel, i + 2, "end of file; expected the comment line");
            String comment = lines.get(i + 1);
            double[][] lattice = null;
            Matcher lm = LATTICE.matcher(comment);
            if (lm.find()) {
                String[] lt = tokens(lm.group(1));
                if (lt.length != 9) throw new StructureFormatException(fileLabel, i + 2, "Lattice=\"...\" has " + lt.length + " numbers; expected 9 (a, b, c vectors)");
                lattice = new double[3][3];
                for (int k = 0; k < 9; k++) lattice[k / 3][k % 3] = num(fileLabel, i + 2, lt[k], "lattice component " + (k + 1));
            }
            Matcher pm = PBC.matcher(comment);
            if (pm.find()) {
                String[] pt = tokens(pm.group(1));
                int tCount = 0;
                for (String p : pt) if (p.equalsIgnoreCase("T") || p.equalsIgnoreCase("true")) tCount++;
                if (tCount == 0) lattice = null;
                else if (tCount != 3 || pt.length != 3) throw new StructureFormatException(fileLabel, i + 2, "pbc=\"" + pm.group(1) + "\": only full (T T T) or no (F F F) periodicity is supported");
                else if (lattice == null) throw new StructureFormatException(fileLabel, i + 2, "pbc=\"T T T\" without Lattice=\"...\"");
            }
            int speciesCol = 0, posCol = 1;
            Matcher prm = PROPERTIES.matcher(comment);
            if (prm.find()) {
                String[] p = prm.group(1).split(":");
                if (p.length % 3 != 0) throw new StructureFormatException(fileLabel, i + 2, "Properties=" + prm.group(1) + ": expected name:type:count triples");
                int col = 0;
                speciesCol = -1;
                posCol = -1;
                for (int k = 0; k < p.length; k += 3) {
                    int cnt;
                    try { cnt = Integer.parseInt(p[k + 2]); } catch (NumberFormatException e) {
                        throw new StructureFormatException(fileLabel, i + 2, "Properties: count '" + p[k + 2] + "' is not an integer");
                    }
                    if (p[k].equalsIgnoreCase("species")) speciesCol = col;
                    if (p[k].equalsIgnoreCase("pos")) {
                        if (cnt != 3) throw new StructureFormatException(fileLabel, i + 2, "Properties: pos must have 3 columns");
                        posCol = col;
                    }
                    col += cnt;
                }
                if (speciesCol < 0 || posCol < 0) throw new StructureFormatException(fileLabel, i + 2, "Properties: expected species:S:1 and pos:R:3");
            }
            List<String> species = new ArrayList<>(natoms);
            double[][] pos = new double[natoms][];
            for (int a = 0; a < natoms; a++) {
                int ln = i + 3 + a; // 1-based
                if (ln > n) throw new StructureFormatException(fileLabel, ln, "end of file; expected atom " + (a + 1) + " of " + natoms);
                String[] t = tokens(lines.get(ln - 1));
                int need = Math.max(speciesCol, posCol + 2) + 1;
                if (t.length < need) throw new StructureFormatException(fileLabel, ln, "expected species and x y z (" + need + " columns), found " + t.length);
                String sp = t[speciesCol];
                if (isInteger(sp)) {
                    int z = Integer.parseInt(sp);
                    try { sp = Elements.symbol(z); } catch (IllegalArgumentException e) {
                        throw new StructureFormatException(fileLabel, ln, "atomic number " + z + " out of range 1..96");
                    }
                } else if (isNumber(sp)) {
                    throw new StructureFormatException(fileLabel, ln, "'" + sp + "': expected an element symbol or atomic number in column " + (speciesCol + 1));
                }
                species.add(sp);
                pos[a] = new double[] {num(fileLabel, ln, t[posCol], "x (A)"), num(fileLabel, ln, t[posCol + 1], "y (A)"), num(fileLabel, ln, t[posCol + 2], "z (A)")};
            }
            String name = comment.trim().isEmpty() ? fileLabel : comment.trim();
            try {
                frames.add(lattice == null ? Structure.molecule(name, species, pos) : Structure.periodicCartesian(name, lattice, species, pos));
            } catch (IllegalArgumentException e) {
                throw new StructureFormatException(fileLabel, i + 2, e.getMessage());
            }
            i += 2 + natoms;
        }
        if (frames.isEmpty()) throw new StructureFormatException(fileLabel, 0, "empty file; expected an xyz frame (count, comment, atoms)");
        return frames;
    }

    // ---------------------------------------------------------------- helpers

    private static void requireLine(String file, List<String> lines, int lineNo, String what) throws StructureFormatException {
        if (lines.size() < lineNo) throw new StructureFormatException(file, lineNo, "end of file; expected " + what);
    }

    static String[] tokens(String s) {
        String t = s.trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty()) return false;
        int start = (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (start == s.length()) return false;
        for (int k = start; k < s.length(); k++) if (!Character.isDigit(s.charAt(k))) return false;
        return s.length() < 10;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double num(String file, int line, String tok, String what) throws StructureFormatException {
        double v;
        try {
            v = Double.parseDouble(tok.replace('D', 'E').replace('d', 'e'));
        } catch (NumberFormatException e) {
            throw new StructureFormatException(file, line, "'" + tok + "' is not a number; expected " + what);
        }
        if (!Double.isFinite(v)) throw new StructureFormatException(file, line, "'" + tok + "' is not finite; expected " + what);
        return v;
    }

    private static double[] threeNumbers(String file, int line, String text, String what) throws StructureFormatException {
        String[] t = tokens(text);
        if (t.length < 3) throw new StructureFormatException(file, line, "found " + t.length + " values; expected " + what);
        return new double[] {num(file, line, t[0], what), num(file, line, t[1], what), num(file, line, t[2], what)};
    }
}
