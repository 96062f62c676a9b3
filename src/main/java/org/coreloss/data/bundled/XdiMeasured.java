package org.coreloss.data.bundled;

import org.coreloss.data.BundledDataset;
import org.coreloss.data.DataDirectory;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.DataFormatException;
import org.coreloss.data.io.LabelsCsv;
import org.coreloss.data.io.XdiFormat;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.Interpolation;
import org.coreloss.spectrum.SpectrumMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code xdi-measured}: 36 measured XAS spectra (K and L edges of 22 elements, 2 per edge at most)
 * from the XAS Data Library (public domain), kept as the original XDI files in
 * {@code data/xdi-measured/files/}. Each absorption (see {@link XdiFormat}) is put on the energy
 * axis {@code E - E_edge} (tabulated edge energy from {@code edges.csv}, X-ray Data Booklet) and
 * linearly resampled onto {@link #GRID}: -20 to +60 eV in 0.25 eV steps (321 points). No
 * normalisation is applied (values are raw mu; use edge-step normalisation). Labels: element, edge,
 * edge_energy_ev, sample, formula, absorption (formula used), file.
 */
public final class XdiMeasured implements BundledDataset {
    /** Energy relative to the tabulated edge, eV. */
    public static final EnergyGrid GRID = EnergyGrid.uniform(-20.0, 60.0, 321);

    @Override public String name() { return "xdi-measured"; }
    @Override public String description() {
        return "36 measured XAS spectra (K/L edges of 22 elements) from the XAS Data Library; mu on E - E_edge, -20..60 eV";
    }
    @Override public String licence() { return "Public-Domain"; }
    @Override public int rows() { return 36; }

    /** The bundled XDI files, sorted by name. */
    public static List<Path> files() throws IOException {
        Path dir = DataDirectory.locate().resolve("xdi-measured").resolve("files");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".xdi")).sorted().toList();
        }
    }

    /** Tabulated edge energies: "element edge" -> eV. */
    public static Map<String, Double> edgeEnergies() throws IOException {
        Path f = DataDirectory.locate().resolve("xdi-measured").resolve("edges.csv");
        Table t = LabelsCsv.read(f);
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) m.put(t.stringColumn("id").get(i), t.doubleColumn("energy_ev").get(i));
        return m;
    }

    @Override public SpectraDataset load() throws IOException {
        Map<String, Double> e0 = edgeEnergies();
        List<Path> files = files();
        XdiFormat xdi = new XdiFormat();
        float[] data = new float[files.size() * GRID.size()];
        double[] rel = GRID.energiesEv();
        StringColumn id = StringColumn.create("id"), el = StringColumn.create("element"), edge = StringColumn.create("edge"),
                sample = StringColumn.create("sample"), formula = StringColumn.create("formula"),
                abs = StringColumn.create("absorption"), file = StringColumn.create("file");
        DoubleColumn edgeEv = DoubleColumn.create("edge_energy_ev");
        for (int i = 0; i < files.size(); i++) {
            SpectraDataset one = xdi.read(files.get(i));
            String key = one.labelAsString("element")[0] + " " + one.labelAsString("edge")[0];
            Double ev = e0.get(key);
            if (ev == null) throw new DataFormatException(files.get(i), 0, 0, "no tabulated edge energy for '" + key + "' in edges.csv");
            double[] x = one.grid().energiesEv();
            for (int j = 0; j < x.length; j++) x[j] -= ev;
            if (x[0] > rel[0] || x[x.length - 1] < rel[rel.length - 1]) {
                throw new DataFormatException(files.get(i), 0, 0, "data cover " + x[0] + ".." + x[x.length - 1] + " eV around the edge, expected at least -20..60 eV");
            }
            Interpolation.linear(x, one.spectra().rawData(), 0, rel, data, i * rel.length, 0f);
            id.append(one.id(0)); el.append(one.labelAsString("element")[0]); edge.append(one.labelAsString("edge")[0]);
            edgeEv.append(ev); sample.append(one.labelAsString("sample")[0]); formula.append(one.labelAsString("formula")[0]);
            abs.append(one.labelAsString("absorption")[0]); file.append(files.get(i).getFileName().toString());
        }
        Table t = Table.create(name(), id, el, edge, edgeEv, sample, formula, abs, file);
        return SpectraDataset.of(name(), new SpectrumMatrix(GRID, files.size(), data), t)
                .withHistory(List.of(org.coreloss.provenance.Step.of("xdi-to-relative-grid", "gridStartEv", -20.0, "gridEndEv", 60.0,
                        "points", GRID.size(), "interpolation", "linear", "edgeEnergies", "X-ray Data Booklet table 1-1")));
    }
}
