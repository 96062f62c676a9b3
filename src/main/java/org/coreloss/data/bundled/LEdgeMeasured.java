package org.coreloss.data.bundled;

import org.coreloss.data.SpectraDataset;
import org.coreloss.data.DataDirectory;
import org.coreloss.data.BundledDataset;
import org.coreloss.data.io.ColumnSpectrum;
import org.coreloss.data.io.ColumnSpectrumReader;
import org.coreloss.data.io.LabelsCsv;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code l-edge-measured}: 17 measured 2p (L2,3) XAS spectra of 3d oxides (CuO TEY/PFY from MAX IV
 * FlexPES; La4Ni3O10 and La4Ni3O8 sigma/pi TEY/TFY from SOLEIL SEXTANTS; seven Mn oxide spectra
 * digitised from figures, MnEdgeNet), as published, listed in {@code data/l-edge-measured/manifest.csv}
 * (licences MIT and CC0; PROVENANCE.md there). {@link #read(String)} gives one spectrum as measured
 * (sorted, de-duplicated, see {@link ColumnSpectrumReader}); {@link #load()} puts all of them on one
 * grid {@link #GRID} of E - E_L3 (tabulated L3 edge of the element), linearly interpolated, ends held
 * at the first/last measured value, no normalisation. Labels: compound, formal_ion, element,
 * l3_edge_ev, mode, file, column, licence.
 */
public final class LEdgeMeasured implements BundledDataset {
    /** Energy relative to the tabulated L3 edge, eV: -1.4 .. 24 eV in 0.1 eV steps (every file covers it). */
    public static final EnergyGrid GRID = EnergyGrid.uniform(-1.4, 24.0, 255);
    static final String FOLDER = "l-edge-measured";

    /** One manifest row. */
    public record Entry(String id, String file, String column, String compound, String formalIon, String element,
                        double l3EdgeEv, String mode, String licence) {
        /** The file under the data folder. */
        public Path path() { return DataDirectory.locate().resolve(FOLDER).resolve(file); }
    }

    @Override public String name() { return "l-edge-measured"; }
    @Override public String description() {
        return "17 measured L2,3-edge XAS spectra (CuO, La4Ni3O10, La4Ni3O8, Mn oxides), raw intensity on E - E_L3";
    }
    @Override public String licence() { return "MIT AND CC0-1.0"; }
    @Override public int rows() { return 17; }

    /** The manifest rows, in file order. */
    public static List<Entry> entries() throws IOException {
        Path m = DataDirectory.locate().resolve(FOLDER).resolve("manifest.csv");
        Table t = LabelsCsv.read(m);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            out.add(new Entry(s(t, "id", i), s(t, "file", i), s(t, "column", i), s(t, "compound", i), s(t, "formal_ion", i),
                    s(t, "element", i), Double.parseDouble(s(t, "l3_edge_ev", i)), s(t, "mode", i), s(t, "licence", i)));
        }
        return out;
    }

    private static String s(Table t, String col, int row) {
        return String.valueOf(t.column(col).get(row)).strip();
    }

    /** The manifest entry {@code id}; throws listing the known ids. */
    public static Entry entry(String id) throws IOException {
        List<Entry> all = entries();
        for (Entry e : all) if (e.id().equals(id)) return e;
        throw new IllegalArgumentException("no measured L-edge spectrum '" + id + "'; known: "
                + all.stream().map(Entry::id).toList());
    }

    /** One spectrum as measured (absolute photon energy in eV), named by its id. */
    public static ColumnSpectrum read(String id) throws IOException {
        Entry e = entry(id);
        return ColumnSpectrumReader.read(e.path(), e.column()).withName(id);
    }

    @Override public SpectraDataset load() throws IOException {
        List<Entry> all = entries();
        double[] rel = GRID.energiesEv();
        float[] data = new float[all.size() * rel.length];
        StringColumn id = StringColumn.create("id"), compound = StringColumn.create("compound"),
                ion = StringColumn.create("formal_ion"), el = StringColumn.create("element"), mode = StringColumn.create("mode"),
                file = StringColumn.create("file"), column = StringColumn.create("column"), lic = StringColumn.create("licence");
        DoubleColumn edge = DoubleColumn.create("l3_edge_ev");
        for (int i = 0; i < all.size(); i++) {
            Entry e = all.get(i);
            ColumnSpectrum s = ColumnSpectrumReader.read(e.path(), e.column());
            double[] x = s.energiesEv(), y = s.intensities();
            for (int j = 0; j < rel.length; j++) data[i * rel.length + j] = (float) interpolateHeld(x, y, rel[j] + e.l3EdgeEv());
            id.append(e.id()); compound.append(e.compound()); ion.append(e.formalIon()); el.append(e.element());
            mode.append(e.mode()); file.append(e.file()); column.append(s.column()); lic.append(e.licence()); edge.append(e.l3EdgeEv());
        }
        Table t = Table.create(name(), id, compound, ion, el, edge, mode, file, column, lic);
        return SpectraDataset.of(name(), new SpectrumMatrix(GRID, all.size(), data), t)
                .withHistory(List.of(org.coreloss.provenance.Step.of("measured-to-edge-relative-grid", "gridStartEv", -1.4,
                        "gridEndEv", 24.0, "points", GRID.size(), "interpolation", "linear, ends held")));
    }

    /** Linear interpolation at x0, holding the end values outside the data. */
    static double interpolateHeld(double[] x, double[] y, double x0) {
        if (x0 <= x[0]) return y[0];
        int n = x.length;
        if (x0 >= x[n - 1]) return y[n - 1];
        int lo = 0, hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= x0) lo = mid; else hi = mid;
        }
        double f = (x0 - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + f * (y[hi] - y[lo]);
    }
}
