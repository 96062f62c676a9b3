package org.coreloss.data.io;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reader for the QM9 molecule files ({@code dsgdb9nsd_NNNNNN.xyz}) of Ramakrishnan, Dral, Rupp and von
 * Lilienfeld, "Quantum chemistry structures and properties of 134 kilo molecules", Sci. Data 1, 140022 (2014).
 * These files carry the molecular labels (HOMO-LUMO gap, internal energy, ...) of the QM9 molecules whose carbon
 * K-edge spectra the seed-000 study (and the later QM9 C K-edge databases) computed; the spectra of the Sci. Data
 * 2022 C K-edge database are read by {@link CkEdgeHdf5}, which joins this table by QM9 index (docs/data.md).
 *
 * <p>Layout of one file (n = number of atoms): line 1 {@code n}; line 2 {@code gdb <index> A B C mu alpha homo
 * lumo gap r2 zpve U0 U H G Cv} (17 whitespace-separated fields); lines 3..n+2 {@code element x y z
 * mulliken_charge} (positions in Angstrom, charges in e); line n+3 the harmonic frequencies (cm^-1); line n+4
 * two SMILES (GDB-17 and relaxed geometry); line n+5 two InChI strings. Numbers may use Mathematica's exponent
 * notation {@code 1.2*^-6}, read as {@code 1.2e-6}.
 *
 * <p>Property units (Sci. Data 2014, table 3): A, B, C in GHz; mu in Debye; alpha in Bohr^3; homo, lumo, gap,
 * zpve, U0, U, H, G in Hartree; r2 in Bohr^2; Cv in cal/(mol K). {@link #PROPERTY_COLUMNS} names them with units.
 */
public final class Qm9Xyz {
    private Qm9Xyz() {}

    /** The 15 properties of line 2 in file order. */
    public static final List<String> PROPERTIES = List.of("A", "B", "C", "mu", "alpha", "homo", "lumo", "gap", "r2",
            "zpve", "U0", "U", "H", "G", "Cv");
    /** Table column names for {@link #PROPERTIES}, with units. */
    public static final List<String> PROPERTY_COLUMNS = List.of("A_GHz", "B_GHz", "C_GHz", "mu_D", "alpha_bohr3",
            "homo_Ha", "lumo_Ha", "gap_Ha", "r2_bohr2", "zpve_Ha", "U0_Ha", "U_Ha", "H_Ha", "G_Ha", "Cv_cal_per_molK");

    /** One molecule: its QM9 index, properties (column name with unit -> value), atoms and identifiers. */
    public record Molecule(int index, Map<String, Double> properties, List<String> elements, double[][] positionsA,
                           double[] mullikenChargesE, double[] frequenciesPerCm, String smiles, String smilesRelaxed,
                           String inchi, String inchiRelaxed) {
        public Molecule {
            if (index < 1) throw new IllegalArgumentException("index = " + index + ", expected >= 1");
            properties = Map.copyOf(properties);
            elements = List.copyOf(elements);
        }
        /** Number of atoms of {@code element} (e.g. "C": the number of carbon K-edge sites). */
        public int count(String element) { return (int) elements.stream().filter(element::equals).count(); }
        public double property(String column) {
            Double v = properties.get(column);
            if (v == null) throw new IllegalArgumentException("column = " + column + ", expected one of " + PROPERTY_COLUMNS);
            return v;
        }
    }

    /** Reads one file. */
    public static Molecule read(Path file) throws IOException {
        return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses the lines of one file; {@code file} names the source in error messages. */
    public static Molecule parse(Path file, List<String> lines) throws DataFormatException {
        if (lines.isEmpty()) throw new DataFormatException(file, 1, 1, "empty file, expected the number of atoms");
        int n = (int) number(file, 1, 1, lines.get(0).trim());
        if (n < 1) throw new DataFormatException(file, 1, 1, "number of atoms " + n + ", expected >= 1");
        if (lines.size() < n + 5) throw new DataFormatException(file, lines.size(), 1,
                "file has " + lines.size() + " lines, expected " + (n + 5) + " for " + n + " atoms");
        String[] head = fields(lines.get(1));
        if (head.length != 17 || !head[0].equals("gdb"))
            throw new DataFormatException(file, 2, 1, "expected 'gdb <index>' and 15 properties (17 fields), got " + head.length + " fields");
        int index = (int) number(file, 2, 2, head[1]);
        Map<String, Double> props = new LinkedHashMap<>();
        for (int k = 0; k < 15; k++) props.put(PROPERTY_COLUMNS.get(k), number(file, 2, k + 3, head[k + 2]));
        List<String> elements = new ArrayList<>();
        double[][] pos = new double[n][3];
        double[] q = new double[n];
        for (int a = 0; a < n; a++) {
            int line = a + 3;
            String[] f = fields(lines.get(a + 2));
            if (f.length != 5) throw new DataFormatException(file, line, 1, "expected 'element x y z charge' (5 fields), got " + f.length);
            if (!f[0].matches("[A-Z][a-z]?")) throw new DataFormatException(file, line, 1, "expected an element symbol, got '" + f[0] + "'");
            elements.add(f[0]);
            for (int d = 0; d < 3; d++) pos[a][d] = number(file, line, d + 2, f[d + 1]);
            q[a] = number(file, line, 5, f[4]);
        }
        String[] fr = fields(lines.get(n + 2));
        double[] freq = new double[fr.length];
        for (int k = 0; k < fr.length; k++) freq[k] = number(file, n + 3, k + 1, fr[k]);
        String[] smi = fields(lines.get(n + 3)), inchi = fields(lines.get(n + 4));
        if (smi.length != 2) throw new DataFormatException(file, n + 4, 1, "expected two SMILES, got " + smi.length + " fields");
        if (inchi.length != 2) throw new DataFormatException(file, n + 5, 1, "expected two InChI strings, got " + inchi.length + " fields");
        return new Molecule(index, props, elements, pos, q, freq, smi[0], smi[1], inchi[0], inchi[1]);
    }

    /**
     * Reads every {@code *.xyz} file of {@code folder} (sorted by name) into a table: {@code id} (file name
     * without .xyz), {@code qm9_index}, {@code n_atoms}, {@code n_carbon}, {@code smiles} and the 15
     * {@link #PROPERTY_COLUMNS}. Join it to spectra by molecule index.
     */
    public static Table readFolder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".xyz")).sorted().toList();
        }
        if (files.isEmpty()) throw new DataFormatException(folder, 0, 0, "no *.xyz files in folder");
        StringColumn id = StringColumn.create("id"), smiles = StringColumn.create("smiles");
        IntColumn index = IntColumn.create("qm9_index"), atoms = IntColumn.create("n_atoms"), carbons = IntColumn.create("n_carbon");
        List<DoubleColumn> props = PROPERTY_COLUMNS.stream().map(DoubleColumn::create).toList();
        for (Path f : files) {
            Molecule m = read(f);
            String name = f.getFileName().toString();
            id.append(name.substring(0, name.length() - 4));
            index.append(m.index());
            atoms.append(m.elements().size());
            carbons.append(m.count("C"));
            smiles.append(m.smiles());
            for (int k = 0; k < props.size(); k++) props.get(k).append(m.property(PROPERTY_COLUMNS.get(k)));
        }
        Table t = Table.create("qm9 " + folder.getFileName(), id, index, atoms, carbons, smiles);
        props.forEach(t::addColumns);
        return t;
    }

    private static String[] fields(String line) {
        String t = line.trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private static double number(Path file, long line, int column, String text) throws DataFormatException {
        try {
            return Double.parseDouble(text.replace("*^", "e"));
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, column, "expected a number, got '" + text + "'", e);
        }
    }

    /** Formats a property like the files do (for tests and logs). */
    static String format(double v) { return String.format(Locale.ROOT, "%.6g", v); }
}
