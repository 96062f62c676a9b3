package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Quanty {@code .spec} files (as written by Quanty's {@code Spectra.Print} and Crispy): 5 header
 * lines ({@code #Spectra: K}, Emin/Emax, pole range, dE/Gamma, and the column names
 * {@code Energy Re[0] Im[0] ...}), then rows of {@code 1 + 2K} numbers. Each {@code Im[k]} column is
 * taken as one absorption spectrum, with its sign as written; ids are the file stem (K = 1) or
 * {@code stem#k}. Reading only.
 */
public final class QuantySpecFormat implements SpectraFormat {
    static final int HEADER_LINES = 5;

    @Override public String name() { return "quanty-spec"; }
    @Override public List<String> extensions() { return List.of("spec"); }
    @Override public boolean canRead(Path p) { return !Files.isDirectory(p) && SpectraIO.extension(p).equals("spec"); }
    @Override public boolean canWrite() { return false; }
    @Override public void write(SpectraDataset dataset, Path path) {
        throw new UnsupportedOperationException("Quanty .spec writing is not supported: write a dataset folder, CSV or NumPy file instead");
    }

    @Override public SpectraDataset read(Path file) throws IOException {
        List<String> lines = TextInput.lines(file, HEADER_LINES + " header lines and rows of 'Energy Re Im'");
        if (lines.size() <= HEADER_LINES) throw new DataFormatException(file, lines.size(), 0, "expected " + HEADER_LINES + " header lines followed by data, got " + lines.size() + " lines");
        String cols = lines.get(HEADER_LINES - 1).strip();
        String[] names = cols.split("\\s+");
        if (!names[0].equalsIgnoreCase("energy") || names.length < 3 || names.length % 2 == 0) {
            throw new DataFormatException(file, HEADER_LINES, 1, "expected the column line 'Energy Re[0] Im[0] ...', got '" + TextInput.abbreviate(cols) + "'");
        }
        int k = (names.length - 1) / 2;
        List<double[]> rows = new ArrayList<>();
        List<Long> ln = new ArrayList<>();
        for (int i = HEADER_LINES; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty()) continue;
            String[] f = s.split("\\s+");
            if (f.length != names.length) throw new DataFormatException(file, i + 1, Math.min(f.length, names.length) + 1, "expected " + names.length + " columns (Energy and Re/Im for " + k + " spectra), got " + f.length);
            double[] r = new double[f.length];
            for (int j = 0; j < f.length; j++) r[j] = TextInput.parseFinite(f[j], file, i + 1, j + 1, j == 0 ? "an energy in eV" : "a number");
            rows.add(r);
            ln.add((long) i + 1);
        }
        if (rows.isEmpty()) throw new DataFormatException(file, lines.size(), 0, "no data rows after the header");
        int c = rows.size();
        double[] e = new double[c];
        for (int j = 0; j < c; j++) e[j] = rows.get(j)[0];
        EnergyGrid grid = Grids.of(e, file, ln.stream().mapToLong(Long::longValue).toArray(), null);
        float[] d = new float[k * c];
        String[] ids = new String[k];
        String stem = SpectraIO.stem(file);
        for (int s = 0; s < k; s++) {
            ids[s] = k == 1 ? stem : stem + "#" + s;
            for (int j = 0; j < c; j++) d[s * c + j] = (float) rows.get(j)[2 + 2 * s];
        }
        return SpectraDataset.of(stem, new SpectrumMatrix(grid, k, d), ids).withSource(file.toString());
    }
}
