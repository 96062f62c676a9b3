package org.coreloss.data.bundled;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.coreloss.data.BundledDataset;
import org.coreloss.data.DataDirectory;
import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.coreloss.structure.CoordinationRule;
import org.coreloss.structure.SiteAnalyzer;
import org.coreloss.structure.SiteGeometry;
import org.coreloss.structure.Structure;
import org.coreloss.structure.StructureReader;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The bundled {@code o-k-litmo} data set: 147 site-resolved O K-edge XANES spectra of a
 * Li42Fe14O49 (Li3FeO3.5) supercell at three molecular-dynamics snapshots (0K, 15ps, 20ps;
 * M. Lu, L. Li, M. Chan, Argonne 2019, MIT licence; see {@code data/o-k-litmo/PROVENANCE.md}).
 *
 * <p>Spectrum column k (k = 1..49, counting the energy column as 0) of {@code <snapshot>_Combo_O_all.dat} belongs to the k-th O atom of
 * {@code POSCAR_<snapshot>} (atom index 55 + k, 0-based, in the POSCAR); the evidence is in
 * PROVENANCE.md and docs/structure.md. The energy axis (column 0, eV) is relative, shared by all
 * files (1200 points, -40.726 .. 68.028 eV, step 0.0907 eV).
 *
 * <p>Labels are computed when loading, from the POSCARs with {@link SiteAnalyzer} and
 * {@link CoordinationRule#OXIDE_CATION_2_6A} (Fe and Li within 2.6 A of the O): see
 * {@link #LABEL_COLUMNS}.
 */
public final class OkLitmoDataset implements BundledDataset {
    /** For {@link java.util.ServiceLoader}; use {@code Datasets.load("o-k-litmo")} or the static {@link #read} methods. */
    public OkLitmoDataset() {}

    @Override public String name() { return NAME; }

    @Override public String description() {
        return "147 site-resolved O K-edge XANES spectra (49 O sites x 3 MD snapshots of Li42Fe14O49) with per-site "
                + "labels computed from the structures: coordination number, mean O-M bond length, mean M-O-M angle, Voronoi volume, Fe/Li counts";
    }

    @Override public String licence() { return "MIT"; }

    @Override public int rows() { return 147; }

    /** The data set with its labels (computed now from the POSCARs with {@link CoordinationRule#OXIDE_CATION_2_6A}). */
    @Override public SpectraDataset load() throws IOException {
        Data d = read(locate());
        return SpectraDataset.of(NAME, d.spectra(), d.labels())
                .withHistory(List.of(Step.of("structure-site-labels", "coordinationRule", d.rule().toString(),
                        "voronoi", "ordinary (all atoms), exact periodic", "files", "POSCAR_0k, POSCAR_15ps, POSCAR_20ps")));
    }

    /** Catalogue name. */
    public static final String NAME = "o-k-litmo";

    /** Snapshot ids in row order: 0 K relaxed structure, MD snapshots at 15 ps and 20 ps. */
    public static final List<String> SNAPSHOTS = List.of("0K", "15ps", "20ps");

    private static final String[] POSCARS = {"POSCAR_0k", "POSCAR_15ps", "POSCAR_20ps"};
    private static final int O_SITES = 49;

    /**
     * Columns of the label table, in order: {@code id} ("15ps/O7"), {@code structure_id} (snapshot, the
     * group key for grouped splits), {@code site_index} (0-based atom index in the POSCAR),
     * {@code o_index} (1-based index among O atoms = spectrum column), {@code coordination_number},
     * {@code mean_bond_length_A}, {@code mean_bond_angle_deg} (M-O-M, mean over neighbour pairs),
     * {@code voronoi_volume_A3}, {@code n_Fe}, {@code n_Li}, {@code min_bond_length_A},
     * {@code max_bond_length_A}, {@code bond_length_distortion} (Baur index), {@code voronoi_faces},
     * {@code nearest_O_O_A}.
     */
    public static final List<String> LABEL_COLUMNS = List.of("id", "structure_id", "site_index", "o_index", "coordination_number",
            "mean_bond_length_A", "mean_bond_angle_deg", "voronoi_volume_A3", "n_Fe", "n_Li", "min_bond_length_A",
            "max_bond_length_A", "bond_length_distortion", "voronoi_faces", "nearest_O_O_A");

    /**
     * The data as read by {@link #read}: one spectrum row per O site (snapshots in {@link #SNAPSHOTS} order, O sites in
     * POSCAR order) and a label table with the same row order.
     */
    public record Data(EnergyGrid grid, SpectrumMatrix spectra, Table labels, CoordinationRule rule) {
        public Data {
            Objects.requireNonNull(grid, "grid");
            Objects.requireNonNull(spectra, "spectra");
            Objects.requireNonNull(labels, "labels");
            if (spectra.rows() != labels.rowCount()) {
                throw new IllegalArgumentException("spectra: " + spectra.rows() + " rows but labels: " + labels.rowCount());
            }
        }
    }

    /** Loads from {@code dir} (a copy of {@code data/o-k-litmo}) with the default coordination rule. */
    public static Data read(Path dir) throws IOException {
        return read(dir, CoordinationRule.OXIDE_CATION_2_6A);
    }

    /** Loads from {@code dir}, computing labels with {@code rule}. */
    public static Data read(Path dir, CoordinationRule rule) throws IOException {
        EnergyGrid grid = null;
        double[] gridEnergies = null;
        Path gridFile = null;
        List<float[]> rows = new ArrayList<>();
        StringColumn id = StringColumn.create("id");
        StringColumn structureId = StringColumn.create("structure_id");
        IntColumn siteIndex = IntColumn.create("site_index");
        IntColumn oIndex = IntColumn.create("o_index");
        IntColumn cn = IntColumn.create("coordination_number");
        DoubleColumn bond = DoubleColumn.create("mean_bond_length_A");
        DoubleColumn angle = DoubleColumn.create("mean_bond_angle_deg");
        DoubleColumn vor = DoubleColumn.create("voronoi_volume_A3");
        IntColumn nFe = IntColumn.create("n_Fe");
        IntColumn nLi = IntColumn.create("n_Li");
        DoubleColumn bmin = DoubleColumn.create("min_bond_length_A");
        DoubleColumn bmax = DoubleColumn.create("max_bond_length_A");
        DoubleColumn dist = DoubleColumn.create("bond_length_distortion");
        IntColumn faces = IntColumn.create("voronoi_faces");
        DoubleColumn oo = DoubleColumn.create("nearest_O_O_A");

        for (int snap = 0; snap < SNAPSHOTS.size(); snap++) {
            String sid = SNAPSHOTS.get(snap);
            Path datFile = dir.resolve(sid + "_Combo_O_all.dat");
            Path poscar = dir.resolve(POSCARS[snap]);
            Structure s = StructureReader.read(poscar);
            int[] oSites = s.indicesOf("O");
            if (oSites.length != O_SITES) {
                throw new IOException(poscar + ": " + oSites.length + " O atoms, expected " + O_SITES + " (one per spectrum column of " + datFile.getFileName() + ")");
            }
            double[][] table = ColumnTable.read(datFile, 1 + O_SITES);
            double[] e = new double[table.length];
            for (int r = 0; r < table.length; r++) e[r] = table[r][0];
            if (gridEnergies == null) {
                try {
                    grid = EnergyGrid.of(e);
                } catch (IllegalArgumentException ex) {
                    throw new IOException(datFile + ", column 1 (energy): " + ex.getMessage(), ex);
                }
                gridEnergies = e;
                gridFile = datFile;
            } else if (!java.util.Arrays.equals(gridEnergies, e)) {
                throw new IOException(datFile + ", column 1: energy grid differs from " + gridFile.getFileName() + "; expected identical grids");
            }
            List<SiteGeometry> geo = SiteAnalyzer.analyzeAll(s, "O", rule);
            for (int k = 0; k < O_SITES; k++) {
                float[] row = new float[table.length];
                for (int r = 0; r < table.length; r++) row[r] = (float) table[r][k + 1];
                rows.add(row);
                SiteGeometry g = geo.get(k);
                id.append(sid + "/O" + (k + 1));
                structureId.append(sid);
                siteIndex.append(g.site());
                oIndex.append(g.speciesOrdinal() + 1);
                cn.append(g.coordinationNumber());
                bond.append(g.meanBondLengthA());
                angle.append(g.meanBondAngleDeg());
                vor.append(g.voronoiVolumeA3());
                nFe.append(g.count("Fe"));
                nLi.append(g.count("Li"));
                bmin.append(g.minBondLengthA());
                bmax.append(g.maxBondLengthA());
                dist.append(g.bondLengthDistortion());
                faces.append(g.voronoiFaceCount());
                oo.append(g.nearestSameSpeciesA());
                TreeSet<String> other = new TreeSet<>(g.neighbourCounts().keySet());
                other.removeAll(List.of("Fe", "Li"));
                if (!other.isEmpty()) throw new IOException(poscar + ": O site " + (k + 1) + " has neighbours of unexpected species " + other);
            }
        }
        SpectrumMatrix m = SpectrumMatrix.of(grid, rows.toArray(float[][]::new));
        Table labels = Table.create(NAME, id, structureId, siteIndex, oIndex, cn, bond, angle, vor, nFe, nLi, bmin, bmax, dist, faces, oo);
        return new Data(grid, m, labels, rule);
    }

    /**
     * The {@code data/o-k-litmo} folder: under {@link DataDirectory#find()} (system property
     * {@code coreloss.data}, {@code CORELOSS_DATA}, or a {@code data/} folder found upward), else the
     * first {@code data/o-k-litmo} with a PROVENANCE.md found walking up from the working directory.
     */
    public static Path locate() throws IOException {
        List<Path> tried = new ArrayList<>();
        var root = DataDirectory.find();
        if (root.isPresent()) {
            Path p = root.get().resolve(NAME);
            if (Files.isRegularFile(p.resolve("PROVENANCE.md"))) return p;
            tried.add(p);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("data").resolve(NAME);
            if (Files.isRegularFile(p.resolve("PROVENANCE.md"))) return p;
            tried.add(p);
        }
        throw new IOException("bundled data set '" + NAME + "' not found; tried " + tried
                + "; set -D" + DataDirectory.PROPERTY + "=<path to data/> or " + DataDirectory.ENV);
    }
}
