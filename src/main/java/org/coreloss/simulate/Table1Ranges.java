package org.coreloss.simulate;

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
import java.util.Map;

/**
 * Seed study 003, Table 1: the parameter ranges of the D4h multiplet databases, read from
 * {@code data/simulate/table1_ranges.csv} (columns {@code ion,parameter,unit,min,max}; lines starting
 * with {@code #} are comments; provenance in that folder's PROVENANCE.md). The paper gives one set of
 * ranges for all 22 ions (Dq 0..0.2 eV, Ds -1.4..1.4 eV, Dt -0.8..0.8 eV, S1 and S2 0.6..1.0,
 * T 1..1000 K, sigma_G 0.05..0.20 eV, Gamma1 0.3..1.0 eV, Gamma2 0.3..1.2 eV); the file lists it per ion.
 *
 * <p>Found, in order: system property {@code coreloss.data} or environment variable
 * {@code CORELOSS_DATA} (a data folder holding {@code simulate/table1_ranges.csv}), the first
 * {@code data/simulate/table1_ranges.csv} walking up from the working directory, and the identical
 * class-path copy {@code org/coreloss/simulate/table1_ranges.csv}.
 */
public final class Table1Ranges {
    static final String FILE = "simulate/table1_ranges.csv";
    static final String RESOURCE = "/org/coreloss/simulate/table1_ranges.csv";

    private static volatile Map<String, ParameterSpace> table;

    private Table1Ranges() {}

    /** The D4h space of an ion (name as {@code "Ni2+"}); throws naming the known ions otherwise. */
    public static ParameterSpace forIon(String ion) {
        ParameterSpace s = table().get(ion);
        if (s == null) {
            throw new IllegalArgumentException("ion '" + ion + "' has no Table 1 ranges in " + source()
                    + ", expected one of " + table().keySet());
        }
        return s;
    }

    /** Ions with ranges, in file order. */
    public static List<String> ions() {
        return List.copyOf(table().keySet());
    }

    /** Where the table is read from (a path or {@code classpath:...}). */
    public static String source() {
        Path p = locate();
        return p != null ? p.toString() : "classpath:" + RESOURCE;
    }

    /** The bundled ranges file in the project's data folder ({@link org.coreloss.data.DataDirectory}), or null. */
    static Path locate() {
        return org.coreloss.data.DataDirectory.find().map(d -> d.resolve(FILE)).filter(Files::isRegularFile).orElse(null);
    }

    private static Map<String, ParameterSpace> table() {
        Map<String, ParameterSpace> t = table;
        if (t == null) {
            synchronized (Table1Ranges.class) {
                t = table;
                if (t == null) {
                    t = load();
                    table = t;
                }
            }
        }
        return t;
    }

    private static Map<String, ParameterSpace> load() {
        Path p = locate();
        try {
            if (p != null) {
                try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    return parse(r, p.toString());
                }
            }
            InputStream in = Table1Ranges.class.getResourceAsStream(RESOURCE);
            if (in == null) throw new IllegalStateException("table1_ranges.csv not found on the class path (" + RESOURCE + ")");
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return parse(r, "classpath:" + RESOURCE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + (p != null ? p : RESOURCE), e);
        }
    }

    /** Parses the CSV; errors name the file, line and column. */
    static Map<String, ParameterSpace> parse(BufferedReader r, String where) throws IOException {
        Map<String, Map<String, Parameter>> byIon = new LinkedHashMap<>();
        String line;
        int lineNo = 0;
        boolean header = false;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split(",", -1);
            if (!header) {
                if (!line.trim().equals("ion,parameter,unit,min,max")) {
                    throw new IllegalArgumentException(where + ": line " + lineNo + ": header '" + line
                            + "', expected 'ion,parameter,unit,min,max'");
                }
                header = true;
                continue;
            }
            if (f.length != 5) throw new IllegalArgumentException(where + ": line " + lineNo + ": " + f.length + " fields, expected 5");
            String ion = f[0].trim(), name = f[1].trim(), unit = f[2].trim();
            int i = ParameterSpace.NAMES.indexOf(name);
            if (i < 0) throw new IllegalArgumentException(where + ": line " + lineNo + ", column 2: parameter '" + name + "', expected one of " + ParameterSpace.NAMES);
            if (!unit.equals(ParameterSpace.UNITS.get(i))) {
                throw new IllegalArgumentException(where + ": line " + lineNo + ", column 3: unit '" + unit + "' for " + name + ", expected '" + ParameterSpace.UNITS.get(i) + "'");
            }
            double lo = number(f[3], where, lineNo, 4), hi = number(f[4], where, lineNo, 5);
            Parameter prev = byIon.computeIfAbsent(ion, k -> new LinkedHashMap<>()).put(name, new Parameter(name, unit, lo, hi));
            if (prev != null) throw new IllegalArgumentException(where + ": line " + lineNo + ": " + ion + " " + name + " given twice");
        }
        if (!header) throw new IllegalArgumentException(where + ": no header line, expected 'ion,parameter,unit,min,max'");
        Map<String, ParameterSpace> out = new LinkedHashMap<>();
        for (var e : byIon.entrySet()) {
            List<Parameter> ps = new ArrayList<>();
            for (String n : ParameterSpace.NAMES) {
                Parameter p = e.getValue().get(n);
                if (p == null) throw new IllegalArgumentException(where + ": ion " + e.getKey() + " has no row for " + n);
                ps.add(p);
            }
            out.put(e.getKey(), new ParameterSpace(e.getKey() + " d4h", ps));
        }
        return Collections.unmodifiableMap(out);
    }

    private static double number(String s, String where, int line, int col) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": line " + line + ", column " + col + ": '" + s + "' is not a number");
        }
    }
}
