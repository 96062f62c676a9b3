package org.coreloss.multiplet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Catalogue of the ions of {@code data/multiplet/hf_parameters.csv} (27 ions Ti..Cu with 1..9 3d
 * electrons; Hartree-Fock values from Crispy/Cowan, see that folder's PROVENANCE.md).
 *
 * <p>The table is found, in order: system property {@code coreloss.data} (a data folder holding
 * {@code multiplet/hf_parameters.csv}), environment variable {@code CORELOSS_DATA}, the first folder
 * named {@code data} with that file walking up from the working directory, and finally the copy
 * bundled on the class path ({@code org/coreloss/multiplet/hf_parameters.csv}).
 */
public final class Ions {
    static final String FILE = "multiplet/hf_parameters.csv";
    static final String RESOURCE = "/org/coreloss/multiplet/hf_parameters.csv";

    private static volatile Map<String, Ion> table;

    private Ions() {}

    /** The ion named e.g. {@code "Ni2+"} (case-insensitive; the trailing "+" may be left out). */
    public static Ion get(String name) {
        String key = normalise(name);
        Ion ion = table().get(key);
        if (ion == null) {
            throw new IllegalArgumentException("unknown ion '" + name + "': expected one of " + table().keySet());
        }
        return ion;
    }

    /** All ions of the table, in table order (by element, then charge). */
    public static List<Ion> all() {
        return List.copyOf(table().values());
    }

    /** The 22 ions of seed study 003 (Ti2+ ... Ni4+), in table order. */
    public static List<Ion> seed003() {
        List<Ion> out = new ArrayList<>();
        for (Ion i : table().values()) if (i.inSeed003Set()) out.add(i);
        return Collections.unmodifiableList(out);
    }

    /** Names of all ions. */
    public static List<String> names() {
        return List.copyOf(table().keySet());
    }

    static String normalise(String name) {
        if (name == null) throw new IllegalArgumentException("ion name is null; expected e.g. \"Ni2+\"");
        String s = name.trim();
        if (s.isEmpty()) throw new IllegalArgumentException("ion name is empty; expected e.g. \"Ni2+\"");
        if (!s.endsWith("+")) s = s + "+";
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Ion> table() {
        Map<String, Ion> t = table;
        if (t == null) {
            synchronized (Ions.class) {
                t = table;
                if (t == null) {
                    t = load();
                    table = t;
                }
            }
        }
        return t;
    }

    /** Where the table is read from: a file path, or the class-path resource name. */
    public static String source() {
        Path p = locateFile();
        return p != null ? p.toString() : "classpath:" + RESOURCE;
    }

    static Path locateFile() {
        String prop = System.getProperty("coreloss.data");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop).resolve(FILE);
            if (Files.isRegularFile(p)) return p;
        }
        String env = System.getenv("CORELOSS_DATA");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env).resolve(FILE);
            if (Files.isRegularFile(p)) return p;
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve("data").resolve(FILE);
            if (Files.isRegularFile(p)) return p;
            dir = dir.getParent();
        }
        return null;
    }

    private static Map<String, Ion> load() {
        Path p = locateFile();
        try {
            if (p != null) {
                try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    return parse(r, p.toString());
                }
            }
            InputStream in = Ions.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("hf_parameters.csv not found: set -Dcoreloss.data or CORELOSS_DATA to a folder"
                        + " holding " + FILE + ", or run inside the project tree");
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return parse(r, "classpath:" + RESOURCE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + (p != null ? p : RESOURCE), e);
        }
    }

    /** Parses the CSV (header row with named columns; quoted fields may contain commas). */
    static Map<String, Ion> parse(BufferedReader r, String where) throws IOException {
        String header = r.readLine();
        if (header == null) throw new IllegalArgumentException(where + ": empty file, expected a CSV header");
        List<String> cols = split(header);
        Map<String, Integer> idx = new LinkedHashMap<>();
        for (int i = 0; i < cols.size(); i++) idx.put(cols.get(i).trim(), i);
        String[] need = {"element", "Z", "charge", "n_3d", "in_ref22_set", "F2dd_i", "F4dd_i", "zeta3d_i",
                "F2dd_f", "F4dd_f", "F2pd_f", "G1pd_f", "G3pd_f", "zeta3d_f", "zeta2p_f",
                "L3_edge_eV_crispy2019", "GammaL3_FWHM_eV_crispy2019", "GammaL2_FWHM_eV_crispy2019"};
        for (String n : need) {
            if (!idx.containsKey(n)) throw new IllegalArgumentException(where + ": line 1: missing column '" + n + "'");
        }
        Map<String, Ion> out = new LinkedHashMap<>();
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            List<String> f = split(line);
            if (f.size() < cols.size()) {
                throw new IllegalArgumentException(where + ": line " + lineNo + ": " + f.size() + " fields, expected " + cols.size());
            }
            try {
                String chargeText = f.get(idx.get("charge")).trim();
                int charge = Integer.parseInt(chargeText.replace("+", ""));
                Ion ion = new Ion(f.get(idx.get("element")).trim(),
                        Integer.parseInt(f.get(idx.get("Z")).trim()), charge,
                        Integer.parseInt(f.get(idx.get("n_3d")).trim()),
                        "yes".equalsIgnoreCase(f.get(idx.get("in_ref22_set")).trim()),
                        num(f, idx, "F2dd_i", where, lineNo), num(f, idx, "F4dd_i", where, lineNo),
                        num(f, idx, "zeta3d_i", where, lineNo), num(f, idx, "F2dd_f", where, lineNo),
                        num(f, idx, "F4dd_f", where, lineNo), num(f, idx, "F2pd_f", where, lineNo),
                        num(f, idx, "G1pd_f", where, lineNo), num(f, idx, "G3pd_f", where, lineNo),
                        num(f, idx, "zeta3d_f", where, lineNo), num(f, idx, "zeta2p_f", where, lineNo),
                        num(f, idx, "L3_edge_eV_crispy2019", where, lineNo),
                        num(f, idx, "GammaL3_FWHM_eV_crispy2019", where, lineNo),
                        num(f, idx, "GammaL2_FWHM_eV_crispy2019", where, lineNo));
                out.put(ion.name(), ion);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": line " + lineNo + ": " + e.getMessage()
                        + " (expected integers in columns Z, charge, n_3d)", e);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static double num(List<String> f, Map<String, Integer> idx, String col, String where, int line) {
        int c = idx.get(col);
        String s = f.get(c).trim();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": line " + line + ", column " + (c + 1) + " (" + col + "): '"
                    + s + "' is not a number (expected eV)");
        }
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') q = !q;
            else if (c == ',' && !q) {
                out.add(sb.toString());
                sb.setLength(0);
            } else sb.append(c);
        }
        out.add(sb.toString());
        return out;
    }
}
