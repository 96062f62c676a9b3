package org.coreloss.data.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import org.coreloss.data.SpectraDataset;
import org.coreloss.progress.ProgressListener;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.Interpolation;
import org.coreloss.spectrum.SpectrumMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Reader for the HDF5 files of the simulated carbon K-edge (C-K) spectral database of organic molecules of Shibata,
 * Kikumasa, Kiyohara and Mizoguchi, Sci. Data 9, 214 (2022), doi:10.1038/s41597-022-01303-8 (CASTEP core-hole
 * spectra of 117,340 symmetrically unique carbon sites in 22,155 QM9 molecules with at most eight C/N/O/F atoms;
 * files on figshare, collection doi:10.6084/m9.figshare.c.5494395). The layout is the one written by the authors'
 * tool {@code ck_edge_maker} (github.com/nmdl-mizo/ck_edge_maker, {@code cli.py}) and read by its
 * {@code dataset.py}; docs/data.md cites the sources and lists what is assumed.
 *
 * <p><b>Site file</b> (e.g. {@code site_spectra_0.5eV.hdf5}, {@link Kind#SITE}): one group per molecule named by its
 * QM9 index ({@code /7}); in it one group per symmetrically unique carbon site named by the atom's 0-based index in
 * the molecule ({@code /7/0}), holding
 * <ul>
 *   <li>{@code energies}: 1-D, eV, relative to the first unoccupied level of the excited state;</li>
 *   <li>{@code spectrum}: {@code n x 4} (total, x, y, z) or {@code n x 3} (x, y, z: written with {@code --nototal}),
 *       the Gaussian-smeared dynamical structure factor (arbitrary units); total = mean of x, y, z;</li>
 *   <li>attributes {@code excitation_energy} (eV; absolute energy = {@code energies + excitation_energy}),
 *       {@code multiplicity} (number of equivalent sites), {@code final_energy_gs}, {@code final_energy_ex}
 *       (total energies of the ground and core-hole states, eV).</li>
 * </ul>
 * <p><b>Molecule file</b> (e.g. {@code mol_spectra_0.5eV.hdf5}, {@link Kind#MOLECULE}): one group per molecule with
 * {@code energies} (absolute, eV) and {@code spectrum} (as above): the multiplicity-weighted site average.
 *
 * <p>Each site (or molecule) has its own energy grid; the reader interpolates the chosen {@link Component} linearly
 * onto {@link Options#grid()} with 0 outside the stored range (as {@code ck_edge_maker}'s PyTorch dataset does).
 * The label table has {@code id} ({@code mol7_site0} / {@code mol7}), {@code qm9_index}, and for sites {@code site},
 * {@code multiplicity}, {@code excitation_energy_eV}, {@code final_energy_gs_eV}, {@code final_energy_ex_eV}.
 * {@link #withQm9Labels} joins the {@link Qm9Xyz#readFolder} labels by {@code qm9_index}. Reading only.
 */
public final class CkEdgeHdf5 {
    private CkEdgeHdf5() {}

    /** Which of the two published spectra files. */
    public enum Kind { SITE, MOLECULE }

    /** Which polarisation column: the orientation average or one Cartesian direction. */
    public enum Component { TOTAL, X, Y, Z }

    /**
     * Default common grid: 288-310 eV, 256 points, the grid on which the authors trained their ISD-PaiNN model on the
     * site file (github.com/nmdl-mizo/isdpainn, evaluation/README.md).
     */
    public static final EnergyGrid DEFAULT_GRID = EnergyGrid.uniform(288.0, 310.0, 256);

    /**
     * @param grid             common energy grid (eV) the spectra are interpolated onto
     * @param component        which column of {@code spectrum}
     * @param absoluteEnergies site files only: shift each site by its {@code excitation_energy} (true, the database's
     *                         absolute energy scale) or keep the stored relative energies (false)
     * @param maxMolecules     read at most this many molecules (in increasing QM9 index), {@code >= 1}; use
     *                         {@link Integer#MAX_VALUE} for all
     */
    public record Options(EnergyGrid grid, Component component, boolean absoluteEnergies, int maxMolecules) {
        public Options {
            if (grid == null) throw new IllegalArgumentException("grid = null, expected an energy grid in eV");
            if (component == null) throw new IllegalArgumentException("component = null, expected one of TOTAL, X, Y, Z");
            if (maxMolecules < 1) throw new IllegalArgumentException("maxMolecules = " + maxMolecules + ", expected >= 1");
        }

        /** {@link #DEFAULT_GRID}, total spectrum, absolute energies, all molecules. */
        public static Options defaults() { return new Options(DEFAULT_GRID, Component.TOTAL, true, Integer.MAX_VALUE); }
        public Options withGrid(EnergyGrid g) { return new Options(g, component, absoluteEnergies, maxMolecules); }
        public Options withComponent(Component c) { return new Options(grid, c, absoluteEnergies, maxMolecules); }
        public Options withAbsoluteEnergies(boolean a) { return new Options(grid, component, a, maxMolecules); }
        public Options withMaxMolecules(int n) { return new Options(grid, component, absoluteEnergies, n); }
    }

    /** Reads a site or molecule file (detected by {@link #kind}) with {@link Options#defaults()}. */
    public static SpectraDataset read(Path file) throws IOException {
        return read(file, Options.defaults(), ProgressListener.NONE);
    }

    /** Reads a site or molecule file, detected by {@link #kind}. */
    public static SpectraDataset read(Path file, Options options, ProgressListener progress) throws IOException {
        return switch (kind(file)) {
            case SITE -> readSites(file, options, progress);
            case MOLECULE -> readMolecules(file, options, progress);
        };
    }

    /** SITE if the first molecule group holds site groups, MOLECULE if it holds the {@code energies} dataset. */
    public static Kind kind(Path file) throws IOException {
        try (HdfFile h = open(file)) {
            List<Map.Entry<Integer, Group>> mols = molecules(file, h);
            Group first = mols.get(0).getValue();
            Node e = first.getChild("energies");
            if (e instanceof Dataset) return Kind.MOLECULE;
            for (Node n : first.getChildren().values()) if (n instanceof Group) return Kind.SITE;
            throw new DataFormatException(at(file, first), 0, 0, "expected either site groups ('/<index>/<site>/energies') or "
                    + "'energies' and 'spectrum' datasets in the molecule group, found " + first.getChildren().keySet());
        } catch (HdfException e) {
            throw notReadable(file, e);
        }
    }

    /** Reads a site file: one row per unique carbon site, ordered by QM9 index, then site index. */
    public static SpectraDataset readSites(Path file, Options options, ProgressListener progress) throws IOException {
        double[] target = options.grid().energiesEv();
        List<float[]> rows = new ArrayList<>();
        StringColumn id = StringColumn.create(SpectraDataset.ID);
        IntColumn qm9 = IntColumn.create("qm9_index"), site = IntColumn.create("site");
        DoubleColumn mult = DoubleColumn.create("multiplicity"), exen = DoubleColumn.create("excitation_energy_eV"),
                gs = DoubleColumn.create("final_energy_gs_eV"), ex = DoubleColumn.create("final_energy_ex_eV");
        try (HdfFile h = open(file)) {
            List<Map.Entry<Integer, Group>> mols = molecules(file, h);
            int n = Math.min(mols.size(), options.maxMolecules());
            progress.start("reading C K-edge sites " + file.getFileName(), n);
            for (int m = 0; m < n; m++) {
                if (progress.isCancelled()) throw new CancellationException("reading " + file + " cancelled after " + m + " molecules");
                Map.Entry<Integer, Group> mol = mols.get(m);
                List<Map.Entry<Integer, Group>> sites = numbered(file, mol.getValue(), "site group named by the atom index", true);
                if (sites.isEmpty()) throw new DataFormatException(at(file, mol.getValue()), 0, 0, "no site groups: expected '/"
                        + mol.getKey() + "/<site index>' groups in a site file");
                for (Map.Entry<Integer, Group> s : sites) {
                    Group g = s.getValue();
                    double e0 = attribute(file, g, "excitation_energy", true);
                    double mu = attribute(file, g, "multiplicity", true);
                    if (!(mu >= 1)) throw new DataFormatException(at(file, g), 0, 0, "attribute multiplicity = " + mu + ", expected >= 1");
                    Curve c = curve(file, g);
                    rows.add(c.resample(options.component(), options.absoluteEnergies() ? e0 : 0.0, target));
                    id.append("mol" + mol.getKey() + "_site" + s.getKey());
                    qm9.append(mol.getKey());
                    site.append(s.getKey());
                    mult.append(mu);
                    exen.append(e0);
                    gs.append(attribute(file, g, "final_energy_gs", false));
                    ex.append(attribute(file, g, "final_energy_ex", false));
                }
                progress.advance(m + 1, "molecule " + mol.getKey());
            }
        } catch (HdfException e) {
            throw notReadable(file, e);
        } finally {
            progress.finish();
        }
        Table t = Table.create(SpectraIO.stem(file), id, qm9, site, mult, exen, gs, ex);
        return SpectraDataset.of(SpectraIO.stem(file), matrix(options.grid(), rows), t).withSource(file.toString());
    }

    /** Reads a molecule file: one row per molecule, ordered by QM9 index (energies are already absolute). */
    public static SpectraDataset readMolecules(Path file, Options options, ProgressListener progress) throws IOException {
        double[] target = options.grid().energiesEv();
        List<float[]> rows = new ArrayList<>();
        StringColumn id = StringColumn.create(SpectraDataset.ID);
        IntColumn qm9 = IntColumn.create("qm9_index");
        try (HdfFile h = open(file)) {
            List<Map.Entry<Integer, Group>> mols = molecules(file, h);
            int n = Math.min(mols.size(), options.maxMolecules());
            progress.start("reading C K-edge molecules " + file.getFileName(), n);
            for (int m = 0; m < n; m++) {
                if (progress.isCancelled()) throw new CancellationException("reading " + file + " cancelled after " + m + " molecules");
                Map.Entry<Integer, Group> mol = mols.get(m);
                rows.add(curve(file, mol.getValue()).resample(options.component(), 0.0, target));
                id.append("mol" + mol.getKey());
                qm9.append(mol.getKey());
                progress.advance(m + 1, "molecule " + mol.getKey());
            }
        } catch (HdfException e) {
            throw notReadable(file, e);
        } finally {
            progress.finish();
        }
        Table t = Table.create(SpectraIO.stem(file), id, qm9);
        return SpectraDataset.of(SpectraIO.stem(file), matrix(options.grid(), rows), t).withSource(file.toString());
    }

    /**
     * Molecular spectra from site spectra read by {@link #readSites} (absolute energies): for each QM9 index the
     * multiplicity-weighted mean of its site rows, sum(m_i S_i) / sum(m_i), the average that {@code ck_edge_maker}
     * uses for its molecule file. One row per molecule ({@code id} {@code mol<index>}, {@code qm9_index},
     * {@code n_sites}, {@code n_carbon_equivalent} = sum of multiplicities).
     */
    public static SpectraDataset moleculesFromSites(SpectraDataset sites) {
        for (String c : List.of("qm9_index", "multiplicity"))
            if (!sites.hasColumn(c)) throw new IllegalArgumentException("sites: no column " + c + ", expected a dataset from readSites (columns: " + sites.columnNames() + ")");
        double[] index = sites.label("qm9_index"), mult = sites.label("multiplicity");
        int c = sites.channels();
        Map<Integer, double[]> sums = new LinkedHashMap<>();
        Map<Integer, double[]> weights = new HashMap<>(); // {sum of m, number of sites}
        SpectrumMatrix s = sites.spectra();
        for (int r = 0; r < sites.size(); r++) {
            int k = (int) index[r];
            double[] acc = sums.computeIfAbsent(k, x -> new double[c]);
            for (int j = 0; j < c; j++) acc[j] += mult[r] * s.get(r, j);
            double[] w = weights.computeIfAbsent(k, x -> new double[2]);
            w[0] += mult[r];
            w[1] += 1;
        }
        List<Integer> keys = new ArrayList<>(sums.keySet());
        keys.sort(Comparator.naturalOrder());
        float[] out = new float[keys.size() * c];
        StringColumn id = StringColumn.create(SpectraDataset.ID);
        IntColumn qm9 = IntColumn.create("qm9_index"), nSites = IntColumn.create("n_sites");
        DoubleColumn nEq = DoubleColumn.create("n_carbon_equivalent");
        for (int i = 0; i < keys.size(); i++) {
            int k = keys.get(i);
            double[] acc = sums.get(k), w = weights.get(k);
            for (int j = 0; j < c; j++) out[i * c + j] = (float) (acc[j] / w[0]);
            id.append("mol" + k);
            qm9.append(k);
            nSites.append((int) w[1]);
            nEq.append(w[0]);
        }
        String name = sites.name() + " (molecules)";
        return SpectraDataset.of(name, new SpectrumMatrix(sites.grid(), keys.size(), out), Table.create(name, id, qm9, nSites, nEq))
                .withSource(sites.source());
    }

    /**
     * Joins QM9 labels (a table from {@link Qm9Xyz#readFolder}, or any table with an integer-valued
     * {@code qm9_index} column) to spectra by {@code qm9_index}. Rows whose molecule is not in {@code qm9} are
     * dropped; every other column of {@code qm9} except {@code id} is added (the xyz file stem becomes
     * {@code qm9_file}).
     */
    public static SpectraDataset withQm9Labels(SpectraDataset spectra, Table qm9) {
        if (!spectra.hasColumn("qm9_index")) throw new IllegalArgumentException("spectra: no column qm9_index (columns: " + spectra.columnNames() + ")");
        if (!qm9.containsColumn("qm9_index") || !(qm9.column("qm9_index") instanceof NumericColumn<?>))
            throw new IllegalArgumentException("qm9: expected a numeric column qm9_index (columns: " + qm9.columnNames() + ")");
        NumericColumn<?> idx = (NumericColumn<?>) qm9.column("qm9_index");
        Map<Integer, Integer> rowOf = new HashMap<>();
        for (int r = 0; r < qm9.rowCount(); r++) {
            int k = (int) idx.getDouble(r);
            if (rowOf.put(k, r) != null) throw new IllegalArgumentException("qm9: qm9_index " + k + " appears twice, expected one row per molecule");
        }
        double[] index = spectra.label("qm9_index");
        List<Integer> keep = new ArrayList<>(), from = new ArrayList<>();
        for (int r = 0; r < index.length; r++) {
            Integer q = rowOf.get((int) index[r]);
            if (q != null) { keep.add(r); from.add(q); }
        }
        SpectraDataset kept = spectra.subset(keep.stream().mapToInt(Integer::intValue).toArray());
        Table t = kept.table();
        int[] rows = from.stream().mapToInt(Integer::intValue).toArray();
        for (Column<?> col : qm9.columns()) {
            String name = col.name();
            if (name.equals("qm9_index")) continue;
            Column<?> picked = col.subset(rows);
            if (name.equals(SpectraDataset.ID)) picked.setName("qm9_file");
            if (t.containsColumn(picked.name())) t.removeColumns(picked.name());
            t.addColumns(picked);
        }
        return kept.withTable(t);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** One stored spectrum: energies (eV) and 3 or 4 columns. */
    private record Curve(double[] energiesEv, double[][] columns, boolean hasTotal) {
        float[] resample(Component c, double shiftEv, double[] target) {
            double[] y;
            if (c == Component.TOTAL && !hasTotal) {
                y = new double[energiesEv.length];
                for (int i = 0; i < y.length; i++) y[i] = (columns[0][i] + columns[1][i] + columns[2][i]) / 3.0;
            } else {
                y = columns[c.ordinal() - (hasTotal ? 0 : 1)];
            }
            double[] x = energiesEv;
            if (shiftEv != 0) {
                x = x.clone();
                for (int i = 0; i < x.length; i++) x[i] += shiftEv;
            }
            double[] v = Interpolation.linear(x, y, target, 0.0);
            float[] out = new float[v.length];
            for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
            return out;
        }
    }

    private static Curve curve(Path file, Group g) throws DataFormatException {
        Path eAt = at(file, g, "energies"), sAt = at(file, g, "spectrum");
        double[] e = vector(eAt, dataset(file, g, "energies"));
        Grids.of(e, eAt, null, null);
        double[][] s = matrix(sAt, dataset(file, g, "spectrum"));
        if (s.length != e.length) throw new DataFormatException(sAt, 0, 0, "spectrum has " + s.length + " rows, expected "
                + e.length + " (one per value of 'energies')");
        int k = s.length == 0 ? 0 : s[0].length;
        if (k != 3 && k != 4) throw new DataFormatException(sAt, 0, 0, "spectrum has " + k
                + " columns, expected 4 (total, x, y, z) or 3 (x, y, z)");
        double[][] cols = new double[k][e.length];
        for (int i = 0; i < e.length; i++) {
            for (int j = 0; j < k; j++) {
                double v = s[i][j];
                if (!Double.isFinite(v)) throw new DataFormatException(sAt, i + 1, j + 1, "value " + v + " in row " + (i + 1)
                        + ", column " + (j + 1) + ": expected a finite intensity");
                cols[j][i] = v;
            }
        }
        return new Curve(e, cols, k == 4);
    }

    private static HdfFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "expected an HDF5 file of the C K-edge database");
        try {
            return new HdfFile(file);
        } catch (HdfException e) {
            throw notReadable(file, e);
        }
    }

    private static DataFormatException notReadable(Path file, HdfException e) {
        return new DataFormatException(file, 0, 0, "not a readable HDF5 file (" + e.getMessage() + "): expected an HDF5 file of the C K-edge database", e);
    }

    /** Molecule groups of the root, sorted by QM9 index; at least one. */
    private static List<Map.Entry<Integer, Group>> molecules(Path file, HdfFile h) throws DataFormatException {
        List<Map.Entry<Integer, Group>> mols = numbered(file, h, "molecule group named by the QM9 index", false);
        if (mols.isEmpty()) throw new DataFormatException(file, 0, 0, "no groups in the file: expected one group per molecule named by its QM9 index ('/1', '/7', ...)");
        return mols;
    }

    /** Child groups of {@code g} named by non-negative integers, sorted by number. */
    private static List<Map.Entry<Integer, Group>> numbered(Path file, Group g, String what, boolean allowZero) throws DataFormatException {
        List<Map.Entry<Integer, Group>> out = new ArrayList<>();
        for (Map.Entry<String, Node> c : g.getChildren().entrySet()) {
            Node n = c.getValue();
            if (!(n instanceof Group child)) {
                if (g instanceof HdfFile) throw new DataFormatException(at(file, n), 0, 0, "expected only molecule groups at the root, found a " + n.getType());
                continue; // datasets beside site groups are not part of the layout; a molecule file is detected before
            }
            String name = c.getKey();
            int k;
            try {
                k = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                k = -1;
            }
            if (k < (allowZero ? 0 : 1)) throw new DataFormatException(at(file, n), 0, 0, "group name '" + name + "': expected a "
                    + what + " (an integer >= " + (allowZero ? 0 : 1) + ")");
            out.add(Map.entry(k, child));
        }
        out.sort(Map.Entry.comparingByKey());
        return out;
    }

    private static Dataset dataset(Path file, Group g, String name) throws DataFormatException {
        Node n = g.getChildren().get(name);
        if (!(n instanceof Dataset d)) throw new DataFormatException(at(file, g, name), 0, 0, (n == null ? "missing" : "not a dataset")
                + ": expected the dataset '" + name + "' in " + g.getPath() + " (found " + g.getChildren().keySet() + ")");
        return d;
    }

    private static double attribute(Path file, Node n, String name, boolean required) throws DataFormatException {
        Attribute a = n.getAttributes().get(name);
        if (a == null) {
            if (!required) return Double.NaN;
            throw new DataFormatException(at(file, n), 0, 0, "missing attribute '" + name + "': expected a number (attributes: " + n.getAttributes().keySet() + ")");
        }
        Object v = a.getData();
        if (v != null && v.getClass().isArray() && Array.getLength(v) == 1) v = Array.get(v, 0);
        if (!(v instanceof Number x) || !Double.isFinite(x.doubleValue()))
            throw new DataFormatException(at(file, n), 0, 0, "attribute '" + name + "' = " + v + ": expected a finite number");
        return x.doubleValue();
    }

    private static double[] vector(Path at, Dataset d) throws DataFormatException {
        int[] dims = d.getDimensions();
        if (dims.length != 1) throw new DataFormatException(at, 0, 0, dims.length + "-D dataset, expected 1-D energies in eV");
        Object o = d.getData();
        double[] e = toDoubles(at, o);
        for (int i = 0; i < e.length; i++) if (!Double.isFinite(e[i])) throw new DataFormatException(at, i + 1, 0, "energy " + e[i] + " at position " + (i + 1) + ": expected a finite number (eV)");
        return e;
    }

    private static double[][] matrix(Path at, Dataset d) throws DataFormatException {
        int[] dims = d.getDimensions();
        if (dims.length != 2) throw new DataFormatException(at, 0, 0, dims.length + "-D dataset, expected a 2-D spectrum (energies x 4 columns total, x, y, z)");
        Object o = d.getData();
        int n = Array.getLength(o);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) out[i] = toDoubles(at, Array.get(o, i));
        return out;
    }

    private static double[] toDoubles(Path at, Object o) throws DataFormatException {
        if (o instanceof double[] d) return d;
        if (o == null || !o.getClass().isArray() || !o.getClass().getComponentType().isPrimitive() || o instanceof boolean[] || o instanceof char[])
            throw new DataFormatException(at, 0, 0, "dataset of " + (o == null ? "null" : o.getClass().getSimpleName()) + ", expected numbers");
        double[] out = new double[Array.getLength(o)];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) Array.get(o, i)).doubleValue();
        return out;
    }

    private static SpectrumMatrix matrix(EnergyGrid grid, List<float[]> rows) {
        int c = grid.size();
        float[] data = new float[rows.size() * c];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, data, i * c, c);
        return new SpectrumMatrix(grid, rows.size(), data);
    }

    /** {@code file!/7/0/name}: the HDF5 object inside the file, in the {@code archive!/entry} form of {@link DataFormatException}. */
    private static Path at(Path file, Node n, String... child) {
        String p = "/" + n.getPath().replaceAll("^/+|/+$", "");
        for (String c : child) p = (p.equals("/") ? p : p + "/") + c;
        return Path.of(file + "!" + p);
    }
}
