package org.coreloss.plot;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapsTest {
    @Test
    void parameterMapsRenderThreePanelsPerParameter() throws Exception {
        int w = 16, h = 12;
        double[][] truth = new double[2][w * h], rec = new double[2][w * h];
        for (int i = 0; i < w * h; i++) {
            truth[0][i] = 0.06 + 0.08 * (i % w) / (w - 1.0);
            rec[0][i] = truth[0][i] + 0.003 * Math.sin(i);
            truth[1][i] = -0.5 + (i / w) / (h - 1.0);
            rec[1][i] = truth[1][i] - 0.02;
        }
        Figure f = Maps.parameterMaps(List.of("dq_eV", "ds_eV"), truth, rec, w, h);
        assertEquals(6, f.panels().size());
        byte[] png = Figures.png(f);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(img.getWidth() >= 600, "width " + img.getWidth());
        Path out = Path.of("target", "figures-test", "parameter-maps.png");
        Files.createDirectories(out.getParent());
        Files.write(out, png);
        String svg = Figures.svg(f);
        assertTrue(svg.contains("<svg"), "SVG renders too");
        assertThrows(IllegalArgumentException.class, () -> Maps.parameterMaps(List.of("dq_eV"), truth, rec, w, h));
        assertThrows(IllegalArgumentException.class, () -> Maps.parameterMaps(List.of("a", "b"), truth, rec, w, h + 1));
    }

    @Test
    void comparisonAndValueMapsRenderSixPanelsPerParameter() throws Exception {
        int w = 8, h = 8;
        double[][] truth = new double[2][w * h], pred = new double[2][w * h], fit = new double[2][w * h], hw = new double[2][w * h];
        for (int i = 0; i < w * h; i++) {
            for (int p = 0; p < 2; p++) {
                truth[p][i] = 0.06 + 0.08 * (i % w) / (w - 1.0) + p;
                pred[p][i] = truth[p][i] + 0.01 * Math.cos(i);
                fit[p][i] = truth[p][i] + 0.002 * Math.sin(i);
                hw[p][i] = 0.001 + 0.0001 * (i % 3);
            }
        }
        fit[1][5] = Double.NaN;   // a failed pixel does not break the scales
        Figure f = Maps.comparisonMaps(List.of("dq_eV", "ds_eV"), truth, pred, fit, hw, w, h);
        assertEquals(12, f.panels().size());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Figures.png(f)));
        assertTrue(img.getWidth() >= 600, "width " + img.getWidth());
        Figure v = Maps.valueMaps(List.of("chi2", "status"), new double[][]{hw[0], hw[1]}, w, h);
        assertEquals(2, v.panels().size());
        assertTrue(Figures.svg(v).contains("<svg"));
        assertThrows(IllegalArgumentException.class, () -> Maps.comparisonMaps(List.of("dq_eV"), truth, pred, fit, hw, w, h));
        assertThrows(IllegalArgumentException.class, () -> Maps.valueMaps(List.of("a"), new double[][]{new double[3]}, w, h));
    }
}
