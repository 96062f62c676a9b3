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
}
