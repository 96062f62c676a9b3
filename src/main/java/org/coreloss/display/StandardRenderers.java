package org.coreloss.display;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renderers for library types every notebook meets: XChart charts (image/png and image/svg+xml),
 * Tablesaw tables (escaped, row-limited text/html and text/plain) and AWT images (image/png).
 */
public final class StandardRenderers implements RendererProvider {
    /** Rows shown of a table; the rest is summarised as "... N more rows". */
    public static final int MAX_TABLE_ROWS = 50;

    @Override
    public void register(DisplayRegistry registry) {
        registry.register(Chart.class, StandardRenderers::chart);
        registry.register(Table.class, t -> table(t, MAX_TABLE_ROWS));
        registry.register(BufferedImage.class, StandardRenderers::image);
    }

    /** An XChart chart by the rule of {@link InlineImages} (one image, SVG or PNG, plus text/plain). */
    public static MimeBundle chart(Chart<?, ?> chart) {
        return InlineImages.chart(chart);
    }

    /**
     * The SVG element without XML declaration and DOCTYPE, so that it can be inlined in HTML (nbconvert
     * and JupyterLab reject a string with an encoding declaration).
     */
    static String inlineSvg(String svg) {
        int i = svg.indexOf("<svg");
        return i < 0 ? svg : svg.substring(i);
    }

    /** PNG (base64) of an image. */
    public static MimeBundle image(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return new MimeBundle()
                    .put(MimeBundle.IMAGE_PNG, Base64.getEncoder().encodeToString(out.toByteArray()))
                    .put(MimeBundle.TEXT_PLAIN, "BufferedImage[" + img.getWidth() + "x" + img.getHeight() + "]");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode image as PNG", e);
        }
    }

    /** HTML (escaped cells) and plain text of the first {@code maxRows} rows of a table. */
    public static MimeBundle table(Table t, int maxRows) {
        if (maxRows < 1) throw new IllegalArgumentException("maxRows = " + maxRows + ", expected >= 1");
        int rows = t.rowCount();
        int shown = Math.min(rows, maxRows);
        StringBuilder html = new StringBuilder();
        html.append("<table class=\"coreloss-table\">");
        if (t.name() != null && !t.name().isEmpty()) html.append("<caption>").append(escape(t.name())).append("</caption>");
        html.append("<thead><tr>");
        for (Column<?> c : t.columns()) html.append("<th>").append(escape(c.name())).append("</th>");
        html.append("</tr></thead><tbody>");
        for (int r = 0; r < shown; r++) {
            html.append("<tr>");
            for (Column<?> c : t.columns()) html.append("<td>").append(escape(c.getString(r))).append("</td>");
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (rows > shown) html.append("<p>... ").append(rows - shown).append(" more rows (").append(rows).append(" in all)</p>");
        String text = (rows > shown ? t.first(shown) : t).print();
        if (rows > shown) text += "\n... " + (rows - shown) + " more rows (" + rows + " in all)";
        return new MimeBundle().put(MimeBundle.TEXT_HTML, html.toString()).put(MimeBundle.TEXT_PLAIN, text);
    }

    /** HTML-escapes text content and attribute values. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
