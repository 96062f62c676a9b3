package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spectra as NumPy arrays. {@code .npy}: a 2-D array N x C (or 1-D: one spectrum); the energies
 * come from a sibling {@code <stem>.energies.npy} if present, otherwise the grid is the channel
 * index {@code 0, 1, ..., C-1} (stated in the dataset source). {@code .npz}: entries {@code spectra}
 * (N x C) and {@code energies} (C, eV). Writing stores float32 (spectra) and float64 (energies);
 * {@code .npy} writing also writes the sibling energies file. Labels are not stored (use the dataset folder).
 */
public final class NpyFormat implements SpectraFormat {
    private final boolean npz;
    private final boolean compressed;

    /** {@code .npy} format. */
    public NpyFormat() { this(false, false); }

    /** {@code npz} selects the archive form; {@code compressed} deflates its entries when writing. */
    public NpyFormat(boolean npz, boolean compressed) { this.npz = npz; this.compressed = compressed; }

    @Override public String name() { return npz ? "npz" : "npy"; }
    @Override public List<String> extensions() { return List.of(npz ? "npz" : "npy"); }
    @Override public boolean canRead(Path p) { return !Files.isDirectory(p) && SpectraIO.extension(p).equals(npz ? "npz" : "npy"); }

    static Path energiesSibling(Path npy) {
        return npy.resolveSibling(SpectraIO.stem(npy) + ".energies.npy");
    }

    @Override public SpectraDataset read(Path file) throws IOException {
        NpyArray spectra, energies = null;
        if (npz) {
            Map<String, NpyArray> m = Npz.read(file);
            spectra = m.get("spectra");
            energies = m.get("energies");
            if (spectra == null) throw new DataFormatException(file, 0, 0, "no 'spectra' entry: expected entries 'spectra' (N x C) and 'energies' (C); found " + m.keySet());
        } else {
            spectra = Npy.read(file);
            Path e = energiesSibling(file);
            if (Files.isRegularFile(e)) energies = Npy.read(e);
        }
        return toDataset(file, spectra, energies);
    }

    static SpectraDataset toDataset(Path file, NpyArray spectra, NpyArray energies) throws DataFormatException {
        int[] s = spectra.shape();
        if (s.length != 1 && s.length != 2) throw new DataFormatException(file, 0, 0, "spectra array has shape " + Arrays.toString(s) + ", expected (N, C) or (C,)");
        int n = s.length == 1 ? 1 : s[0], c = s.length == 1 ? s[0] : s[1];
        if (c == 0) throw new DataFormatException(file, 0, 0, "spectra array has 0 channels, expected at least 1");
        float[] d = spectra.asFloats();
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) throw new DataFormatException(file, i / c + 1, i % c + 1, "spectrum " + (i / c) + ", channel " + (i % c) + " is " + d[i] + ": expected a finite intensity");
        }
        EnergyGrid grid;
        String note = "";
        if (energies != null) {
            if (energies.rank() != 1 || energies.shape()[0] != c) {
                throw new DataFormatException(file, 0, 0, "energies have shape " + Arrays.toString(energies.shape()) + ", expected (" + c + ",) to match the spectra");
            }
            double[] e = energies.asDoubles();
            int[] cols = new int[c];
            for (int j = 0; j < c; j++) cols[j] = j + 1;
            grid = Grids.of(e, file, null, cols);
        } else {
            double[] e = new double[c];
            for (int j = 0; j < c; j++) e[j] = j;
            grid = EnergyGrid.of(e);
            note = " (no energies found: grid = channel index)";
        }
        return SpectraDataset.of(SpectraIO.stem(file), new SpectrumMatrix(grid, n, d)).withSource(file + note);
    }

    @Override public void write(SpectraDataset ds, Path file) throws IOException {
        NpyArray sp = NpyArray.ofFloats(ds.spectra().rawData(), ds.size(), ds.channels());
        NpyArray en = NpyArray.ofDoubles(ds.grid().energiesEv(), ds.channels());
        if (npz) {
            Map<String, NpyArray> m = new LinkedHashMap<>();
            m.put("spectra", sp);
            m.put("energies", en);
            Npz.write(file, m, compressed);
        } else {
            AtomicFiles.write(energiesSibling(file), out -> Npy.write(out, en));
            AtomicFiles.write(file, out -> Npy.write(out, sp));
        }
    }
}
