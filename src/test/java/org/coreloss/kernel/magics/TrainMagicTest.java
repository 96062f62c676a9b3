package org.coreloss.kernel.magics;

import org.coreloss.data.SpectraDataset;
import org.coreloss.kernel.magic.MagicException;
import org.coreloss.nn.TrainedModel;
import org.coreloss.plot.Figure;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class TrainMagicTest {
    /** Peaks at centre c (eV) on a 16-channel grid; label column centre_eV. */
    static SpectraDataset peaks(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] s = new float[n][16];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = 4 + 8 * r.nextDouble();
            for (int j = 0; j < 16; j++) s[i][j] = (float) Math.exp(-0.5 * (j - c[i]) * (j - c[i]) / 4);
        }
        return SpectraDataset.of("peaks", SpectrumMatrix.of(EnergyGrid.uniform(0, 15, 16), s)).withColumn("centre_eV", c);
    }

    @Test
    void trainThenPredictThroughMagics(@TempDir Path dir) throws Exception {
        FakeMagicContext ctx = new FakeMagicContext(dir);
        List<Object> shown = ctx.shown;
        ctx.vars.put("ds", peaks(60, 1));
        Object msg = new TrainMagic().execute(ctx, List.of("regressor", "ds", "--targets", "centre_eV", "--hidden", "8",
                "--epochs", "3", "--batch", "16", "--as", "m", "--save", "m1"), null);
        assertTrue(msg.toString().contains("m = TrainedModel"), msg.toString());
        assertInstanceOf(TrainedModel.class, ctx.vars.get("m"));
        assertTrue(Files.isRegularFile(dir.resolve("m1.zip")) && Files.isRegularFile(dir.resolve("m1.json")));
        assertTrue(shown.stream().anyMatch(o -> o instanceof Figure), "loss curve shown");
        SpectraDataset p = (SpectraDataset) new PredictMagic().execute(ctx, List.of("m1.zip", "ds", "--as", "p"), null);
        assertTrue(p.hasColumn("pred_centre_eV"));
        assertSame(p, ctx.vars.get("p"));
    }

    @Test
    void testFractionEvaluatesAgainstTheBaselineAndPredictOutputFeedsPlotParity(@TempDir Path dir) throws Exception {
        FakeMagicContext ctx = new FakeMagicContext(dir);
        ctx.vars.put("ds", peaks(100, 3));
        Object r = new TrainMagic().execute(ctx, List.of("regressor", "ds", "--targets", "centre_eV", "--hidden", "16", "--dropout", "0",
                "--epochs", "60", "--test-fraction", "0.2", "--as", "m"), null);
        org.coreloss.eval.RegressionEvaluation ev = assertInstanceOf(org.coreloss.eval.RegressionEvaluation.class, r);
        assertSame(ev, ctx.vars.get("m_eval"));
        SpectraDataset test = (SpectraDataset) ctx.vars.get("m_test");
        assertEquals(20, test.size());
        assertEquals(20, ev.model().n());
        assertTrue(ev.maeRatio()[0] < 1, "beats the training-mean baseline:\n" + ev);
        new PredictMagic().execute(ctx, List.of("m", "m_test", "--as", "p"), null);
        Figure f = (Figure) new PlotMagic().execute(ctx, List.of("parity", "p"), null);
        assertArrayEquals(test.label("centre_eV"), (double[]) f.data().get("testTrue"), 0);
        assertInstanceOf(Figure.class, new PlotMagic().execute(ctx, List.of("parity", "m_eval"), null));
        MagicException e = assertThrows(MagicException.class, () -> new PlotMagic().execute(ctx, List.of("parity", "ds"), null));
        assertTrue(e.getMessage().contains("pred_"), e.getMessage());
        e = assertThrows(MagicException.class, () -> new TrainMagic().execute(ctx, List.of("generator", "ds", "--test-fraction", "0.2"), null));
        assertTrue(e.getMessage().contains("--test-fraction"), e.getMessage());
    }

    @Test
    void badArgumentsAreUserErrors(@TempDir Path dir) throws Exception {
        FakeMagicContext ctx = new FakeMagicContext(dir);
        ctx.vars.put("ds", peaks(10, 2));
        MagicException e = assertThrows(MagicException.class, () -> new TrainMagic().execute(ctx, List.of("regressor", "ds", "--epochs", "x"), null));
        assertTrue(e.getMessage().contains("--epochs"));
        e = assertThrows(MagicException.class, () -> new TrainMagic().execute(ctx, List.of("regressor", "nothing", "--targets", "a"), null));
        assertTrue(e.getMessage().contains("nothing"));
        assertTrue(new TrainMagic().execute(ctx, List.of("help"), null).toString().contains("--targets"));
    }
}
