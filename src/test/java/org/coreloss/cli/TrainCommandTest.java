package org.coreloss.cli;

import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.SpectraIO;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class TrainCommandTest {
    @Test
    void trainGeneratorThenPredictFromTheCommandLine(@TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        int n = 40;
        float[][] s = new float[n][12];
        double[] c = new double[n], h = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = 3 + 6 * r.nextDouble(); h[i] = 0.5 + r.nextDouble();
            for (int j = 0; j < 12; j++) s[i][j] = (float) (h[i] * Math.exp(-0.5 * (j - c[i]) * (j - c[i])));
        }
        SpectraDataset ds = SpectraDataset.of("g", SpectrumMatrix.of(EnergyGrid.uniform(850, 861, 12), s)).withColumn("c_eV", c).withColumn("h", h);
        Path data = dir.resolve("gdata"); // dataset folder: spectra.npy + labels.csv + manifest.json
        SpectraIO.write(ds, data);
        int code = Main.commandLine().execute("train", "generator", "--data", data.toString(), "--out", dir.resolve("gen").toString(),
                "--quiet", "--params", "c_eV,h", "--degree", "2", "--layers", "1", "--units", "8", "--epochs", "2", "--batch", "8");
        assertEquals(0, code);
        assertTrue(Files.isRegularFile(dir.resolve("gen.zip")));
        Path out = dir.resolve("generated");
        assertEquals(0, Main.commandLine().execute("predict", "--model", dir.resolve("gen.zip").toString(), "--data", data.toString(), "--out", out.toString()));
        SpectraDataset back = SpectraIO.read(out);
        assertEquals(n, back.size());
        assertEquals(12, back.channels());
        assertEquals(2, Main.commandLine().execute("train", "generator", "--data", "no-such-data", "--out", dir.resolve("x").toString()));
    }
}
