package org.coreloss.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class StandardRenderersTest {
    private final DisplayRegistry registry = DisplayRegistry.withProviders(getClass().getClassLoader());

    private static BufferedImage decodePng(String base64) throws Exception {
        byte[] bytes = Base64.getDecoder().decode(base64);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void chartBecomesOnePngAtLeast600PxWideOrSvgWhenAsked() throws Exception {
        XYChart chart = new XYChartBuilder().width(320).height(200).title("edge").build();
        chart.addSeries("s", new double[] {1, 2, 3}, new double[] {3, 1, 2});
        MimeBundle b = registry.render(chart).orElseThrow();
        assertTrue(!b.has(MimeBundle.IMAGE_SVG), "one image only");
        BufferedImage shown = decodePng(b.get(MimeBundle.IMAGE_PNG));
        assertEquals(600, shown.getWidth());
        assertEquals(375, shown.getHeight());
        String svg = InlineImages.preferringSvg(() -> registry.render(chart).orElseThrow()).get(MimeBundle.IMAGE_SVG);
        assertTrue(svg.startsWith("<svg"), svg.substring(0, 40));
        assertTrue(svg.contains("viewBox=\"0 0 320 200\""), svg.substring(0, 200));
        assertTrue(svg.contains("width=\"600px\"") && svg.contains("height=\"375px\""), svg.substring(0, 200));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(InlineImages.png(chart, 1)));
        assertEquals(320, img.getWidth());
        assertEquals(200, img.getHeight());
        assertEquals("XYChart[edge, 320x200 px]", b.get(MimeBundle.TEXT_PLAIN));
    }

    @Test
    void tableHtmlIsEscapedAndRowLimited() {
        int n = StandardRenderers.MAX_TABLE_ROWS + 10;
        int[] ids = new int[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) { ids[i] = i; names[i] = i == 0 ? "<script>alert('x')</script>" : "row" + i; }
        Table t = Table.create("t & u", IntColumn.create("id", ids), StringColumn.create("name", names));
        MimeBundle b = registry.render(t).orElseThrow();
        String html = b.get(MimeBundle.TEXT_HTML);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("<caption>t &amp; u</caption>"));
        assertEquals(StandardRenderers.MAX_TABLE_ROWS + 1, html.split("<tr>", -1).length - 1); // header + rows
        assertTrue(html.contains("10 more rows (60 in all)"));
        assertTrue(b.get(MimeBundle.TEXT_PLAIN).contains("row49"));
        assertFalse(b.get(MimeBundle.TEXT_PLAIN).contains("row50"));
    }

    @Test
    void bufferedImageBecomesPng() throws Exception {
        BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 2, 0xff0000);
        MimeBundle b = registry.render(img).orElseThrow();
        BufferedImage back = decodePng(b.get(MimeBundle.IMAGE_PNG));
        assertEquals(7, back.getWidth());
        assertEquals(0xff0000, back.getRGB(3, 2) & 0xffffff);
    }

    @Test
    void registryPrefersTheMostSpecificRenderer() {
        DisplayRegistry r = new DisplayRegistry();
        r.register(Object.class, o -> MimeBundle.text("object"));
        r.register(CharSequence.class, o -> MimeBundle.text("chars"));
        r.register(String.class, o -> MimeBundle.text("string"));
        assertEquals("string", r.render("x").orElseThrow().get(MimeBundle.TEXT_PLAIN));
        assertEquals("chars", r.render(new StringBuilder()).orElseThrow().get(MimeBundle.TEXT_PLAIN));
        assertEquals("object", r.render(1).orElseThrow().get(MimeBundle.TEXT_PLAIN));
        assertTrue(r.render(null).isEmpty());
    }
}
