package org.coreloss.data.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSyntaxException;
import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The dataset folder: {@code spectra.npy} (float32, N x C, little endian, C order: {@code np.load}
 * reads it), {@code labels.csv} (id + labels, see {@link LabelsCsv}) and {@code manifest.json}
 * ({@link Manifest}: name, shape, grid in eV, units, label column types, SHA-256 and the processing
 * history). The whole folder is written atomically (temp folder, then rename). Reading maps
 * {@code spectra.npy} and copies it with one bulk {@code asFloatBuffer().get}.
 */
public final class DatasetFolderFormat implements SpectraFormat {
    public static final String SPECTRA = "spectra.npy", LABELS = "labels.csv", MANIFEST = "manifest.json";
    public static final String FORMAT = "coreloss-dataset";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /**
     * Contents of {@code manifest.json}.
     *
     * @param format         always {@code "coreloss-dataset"}
     * @param formatVersion  1
     * @param name           dataset name
     * @param rows           N
     * @param channels       C
     * @param dtype          {@code "float32"}
     * @param energyUnit     {@code "eV"}
     * @param intensityUnit  free text ({@code "arb. units"} by default)
     * @param uniformGrid    whether the grid is uniform
     * @param energiesEv     the C energies (eV)
     * @param labelTypes     column name -> {@code DOUBLE} or {@code STRING}
     * @param sha256         {@code SpectraDataset.sha256()} at write time
     * @param source         where the data came from
     * @param history        processing steps
     */
    public record Manifest(String format, int formatVersion, String name, int rows, int channels, String dtype,
                           String energyUnit, String intensityUnit, boolean uniformGrid, double[] energiesEv,
                           Map<String, String> labelTypes, String sha256, String source, List<Step> history) {}

    @Override public String name() { return "dataset-folder"; }
    @Override public List<String> extensions() { return List.of(); }
    @Override public boolean canRead(Path p) { return Files.isDirectory(p) && Files.isRegularFile(p.resolve(MANIFEST)); }

    public static Manifest readManifest(Path folder) throws IOException {
        Path mf = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(mf)) throw new DataFormatException(mf, 0, 0, "missing manifest.json: expected a Coreloss dataset folder (spectra.npy, labels.csv, manifest.json)");
        Manifest m;
        try {
            m = GSON.fromJson(String.join("\n", TextInput.lines(mf, "a JSON manifest")), Manifest.class);
        } catch (JsonSyntaxException e) {
            throw new DataFormatException(mf, 0, 0, "invalid JSON, expected a complete manifest object: " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new DataFormatException(mf, 0, 0, "invalid manifest: " + e.getMessage(), e);
        }
        if (m == null || !FORMAT.equals(m.format())) throw new DataFormatException(mf, 0, 0, "expected \"format\": \"" + FORMAT + "\"");
        if (m.formatVersion() != 1) throw new DataFormatException(mf, 0, 0, "formatVersion " + m.formatVersion() + " not supported, expected 1");
        if (m.energiesEv() == null || m.energiesEv().length != m.channels()) {
            throw new DataFormatException(mf, 0, 0, "energiesEv has " + (m.energiesEv() == null ? 0 : m.energiesEv().length) + " values, expected channels = " + m.channels());
        }
        if (m.energyUnit() != null && !m.energyUnit().equals("eV")) throw new DataFormatException(mf, 0, 0, "energyUnit '" + m.energyUnit() + "', expected 'eV'");
        return m;
    }

    @Override public SpectraDataset read(Path folder) throws IOException {
        Manifest m = readManifest(folder);
        Path sp = folder.resolve(SPECTRA);
        if (!Files.isRegularFile(sp)) throw new DataFormatException(sp, 0, 0, "missing spectra.npy: expected a float32 array of shape (" + m.rows() + ", " + m.channels() + ")");
        NpyArray a = Npy.read(sp);
        if (!a.isFloat32()) throw new DataFormatException(sp, 0, 0, "dtype is float64, expected float32 as declared in manifest.json");
        if (a.rank() != 2 || a.shape()[0] != m.rows() || a.shape()[1] != m.channels()) {
            throw new DataFormatException(sp, 0, 0, "shape " + Arrays.toString(a.shape()) + ", expected (" + m.rows() + ", " + m.channels() + ") from manifest.json");
        }
        int[] cols = new int[m.channels()];
        for (int j = 0; j < cols.length; j++) cols[j] = j + 1;
        EnergyGrid grid = Grids.of(m.energiesEv(), folder.resolve(MANIFEST), null, cols);
        Path lp = folder.resolve(LABELS);
        Table t;
        if (Files.isRegularFile(lp)) {
            t = LabelsCsv.read(lp, m.labelTypes());
            if (t.rowCount() != m.rows()) {
                throw new DataFormatException(lp, t.rowCount() + 1, 0, t.rowCount() + " label rows, expected " + m.rows() + " (one per spectrum in spectra.npy)");
            }
        } else {
            throw new DataFormatException(lp, 0, 0, "missing labels.csv: expected an id column with " + m.rows() + " rows");
        }
        SpectraDataset ds = SpectraDataset.wrap(m.name() == null ? SpectraIO.stem(folder) : m.name(), new SpectrumMatrix(grid, m.rows(), a.floats()), t);
        return ds.withHistory(m.history() == null ? List.of() : m.history()).withSource(folder.toString());
    }

    @Override public void write(SpectraDataset ds, Path folder) throws IOException {
        Manifest m = new Manifest(FORMAT, 1, ds.name(), ds.size(), ds.channels(), "float32", "eV", "arb. units",
                ds.grid().isUniform(), ds.grid().energiesEv(), LabelsCsv.types(ds.table()), ds.sha256(), ds.source(),
                new ArrayList<>(ds.history()));
        String json = GSON.toJson(m);
        String csv = LabelsCsv.toCsv(ds.table());
        AtomicFiles.writeFolder(folder, tmp -> {
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp.resolve(SPECTRA)), 1 << 20)) {
                Npy.write(out, NpyArray.ofFloats(ds.spectra().rawData(), ds.size(), ds.channels()));
            }
            Files.writeString(tmp.resolve(LABELS), csv, StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve(MANIFEST), json, StandardCharsets.UTF_8);
        });
    }
}
