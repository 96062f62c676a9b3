package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One text spectrum file ({@code .txt}, {@code .dat}, {@code .xy}): an FDMNES output ({@code *.txt},
 * {@code *_conv.txt}), FEFF {@code xmu.dat} / {@code chi.dat}, an OptaDOS {@code *_core_edge.dat} (one spectrum
 * per edge block) or a two-column file, recognised from its content by {@link SpectrumFiles#sniff}. Read-only.
 */
public final class TextSpectrumFormat implements SpectraFormat {
    @Override public String name() { return "text-spectrum"; }
    @Override public List<String> extensions() { return List.of("txt", "dat", "xy"); }
    @Override public boolean canRead(Path p) { return Files.isRegularFile(p) && extensions().contains(SpectraIO.extension(p)); }
    @Override public SpectraDataset read(Path path) throws IOException { return SpectraFolders.read(path, ReadOptions.defaults()); }
    @Override public boolean canWrite() { return false; }
    @Override public void write(SpectraDataset dataset, Path path) { throw new UnsupportedOperationException("text spectra are read-only; write .csv, .npy, .npz or a dataset folder"); }
}
