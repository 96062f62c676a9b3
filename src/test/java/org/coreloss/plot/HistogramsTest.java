package org.coreloss.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramsTest {
    @Test
    void binsOnCommonEdgesAsFractions() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("a", new double[] {0, 1, 2, 3});
        m.put("b", new double[] {4, 4, Double.NaN});
        Histograms.Binned b = Histograms.bin(m, 4, false);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, b.edges(), 1e-12);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, b.fractions().get("a"), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 1}, b.fractions().get("b"), 1e-12);   // NaN dropped, max in last bin
    }

    @Test
    void logBinsDropNonPositiveValues() {
        Histograms.Binned b = Histograms.bin(Map.of("a", new double[] {1e-4, 1e-3, 1e-2, 0, -1}), 2, true);
        assertArrayEquals(new double[] {-4, -3, -2}, b.edges(), 1e-12);
        assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0}, b.fractions().get("a"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Histograms.bin(Map.of("a", new double[] {0}), 2, true));
        assertThrows(IllegalArgumentException.class, () -> Histograms.bin(Map.of("a", new double[] {1}), 0, false));
    }

    @Test
    void figureRendersAsSvg(@TempDir Path dir) throws Exception {
        Figure f = Histograms.errors("MSE", "MSE", Map.of("with", new double[] {1e-3, 2e-3}, "without", new double[] {1e-2, 5e-3}), 10, true);
        assertEquals("error-histograms", f.kind());
        PlotsTest.renders(f, dir);
    }
}
