package org.coreloss.kernel.magics;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coreloss.kernel.magic.MagicException;
import org.coreloss.plot.Figure;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotMagicTest {
    @Test
    void parityFromMatrixColumnsSavesAndStores(@TempDir Path dir) {
        FakeMagicContext c = new FakeMagicContext(dir);
        c.vars.put("pred", new float[][] {{1, 10}, {2, 21}, {3, 29}});
        c.vars.put("truth", new double[][] {{1, 10}, {2, 20}, {3, 30}});
        Figure f = (Figure) new PlotMagic().execute(c, List.of("parity", "pred", "truth", "--column", "1", "--name", "angle", "--save", "p.svg", "--as", "fig"), null);
        assertArrayEquals(new double[] {10, 21, 29}, (double[]) f.data("testPredicted"));
        assertEquals("angle", f.data("property"));
        assertTrue(Files.exists(dir.resolve("p.svg")));
        assertSame(f, c.vars.get("fig"));
    }

    @Test
    void seAndMepdFromSpectra(@TempDir Path dir) {
        FakeMagicContext c = new FakeMagicContext(dir);
        EnergyGrid g = EnergyGrid.uniform(0, 9, 10);
        float[][] ref = new float[6][10], pred = new float[6][10];
        for (int j = 0; j < 6; j++) for (int i = 0; i < 10; i++) {
            ref[j][i] = (float) (Math.exp(-(i - 2) * (i - 2)) + 0.5 * Math.exp(-(i - 7) * (i - 7)));
            pred[j][i] = ref[j][i] + (i == (j % 2 == 0 ? 2 : 7) ? 0.1f * (j + 1) : 0);
        }
        c.vars.put("p", SpectrumMatrix.of(g, pred));
        c.vars.put("r", SpectrumMatrix.of(g, ref));
        Figure se = (Figure) new PlotMagic().execute(c, List.of("se", "p", "r", "--label", "Ni2+"), null);
        assertEquals("se-intervals", se.kind());
        assertTrue(((Map<?, ?>) se.data("intervals")).containsKey("Ni2+"));
        Figure m = (Figure) new PlotMagic().execute(c, List.of("mepd", "p", "r", "--levels", "3"), null);
        assertEquals(3, ((double[]) m.data("energiesL3")).length);
        assertEquals(3, ((double[]) m.data("energiesL2")).length);
    }

    @Test
    void userErrorsAreMagicExceptions(@TempDir Path dir) {
        FakeMagicContext c = new FakeMagicContext(dir);
        c.vars.put("s", "text");
        PlotMagic m = new PlotMagic();
        assertThrows(MagicException.class, () -> m.execute(c, List.of(), null));
        assertThrows(MagicException.class, () -> m.execute(c, List.of("pie"), null));
        MagicException e = assertThrows(MagicException.class, () -> m.execute(c, List.of("parity", "s", "s"), null));
        assertTrue(e.getMessage().contains("'s' is a String"));
        assertThrows(MagicException.class, () -> m.execute(c, List.of("parity", "s", "s", "--column", "x"), null));
        assertThrows(MagicException.class, () -> m.execute(c, List.of("parity", "s", "s", "--bogus"), null));
    }
}
