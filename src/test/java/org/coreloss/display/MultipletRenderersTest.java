package org.coreloss.display;

import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.multiplet.MultipletSpectrum;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.*;

class MultipletRenderersTest {
    @Test
    void spectrumAndOverlayRenderAsPng() throws Exception {
        System.setProperty("java.awt.headless", "true");
        var ion = Ions.get("Ni2+");
        MultipletSpectrum s = new MultipletEngine().spectrum(ion, MultipletParameters.defaults(ion));
        DisplayRegistry reg = DisplayRegistry.withProviders(getClass().getClassLoader());
        MimeBundle b = reg.render(s).orElseThrow();
        byte[] png = Base64.getDecoder().decode(b.get(MimeBundle.IMAGE_PNG));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(MultipletRenderers.WIDTH_PX, img.getWidth());
        assertEquals(MultipletRenderers.HEIGHT_PX, img.getHeight());
        assertTrue(b.get(MimeBundle.TEXT_PLAIN).contains("Ni2+"));

        SpectrumOverlay o = SpectrumOverlay.of("two").add("a", s).add("a", new double[]{1, 2}, new double[]{0, 1}).offset(0.5);
        assertEquals(2, o.series().size());
        BufferedImage img2 = ImageIO.read(new ByteArrayInputStream(o.toPng(300, 200)));
        assertEquals(300, img2.getWidth());
        assertThrows(IllegalArgumentException.class, () -> o.add("bad", new double[]{1}, new double[]{1, 2}));
        assertThrows(IllegalArgumentException.class, () -> o.toPng(10, 10));
    }
}
