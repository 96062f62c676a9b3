package org.coreloss.display;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.coreloss.plot.Figure;
import org.coreloss.plot.Figures;
import org.coreloss.plot.PaperTheme;
import org.coreloss.plot.SvgCompactor;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * How figures and charts are embedded in notebooks (the one rule, for {@link Figure}s and XChart charts):
 * <ul>
 *   <li><b>Size.</b> Displayed at a scale that makes the image at least {@value #MIN_WIDTH_PX} px wide and,
 *       for {@link Figure}s (laid out in points), its smallest text ({@link PaperTheme#SMALLEST_FONT_PT})
 *       at least {@value #MIN_TEXT_PX} px high. Charts laid out in pixels keep their size when it is
 *       wide enough; their fonts come from {@link PaperTheme#screen} (12 px ticks), applied when the chart
 *       still has XChart's default look.</li>
 *   <li><b>Format: one image, never both.</b> SVG (compacted by {@link SvgCompactor}: no XML declaration,
 *       one path per polyline) when it is at most {@value #MAX_INLINE_SVG_CHARS} characters; otherwise a
 *       PNG at the display size. Plus {@code text/plain}. SVG keeps figures sharp at any zoom; the limit
 *       keeps executed notebooks small (dense scatter plots become PNG).</li>
 * </ul>
 */
public final class InlineImages {
    private InlineImages() {}

    public static final int MIN_WIDTH_PX = 600;
    public static final double MIN_TEXT_PX = 11;
    public static final int MAX_INLINE_SVG_CHARS = 150_000;

    /** Pixels per point at which a figure is shown inline. */
    public static double figureScale(Figure f) {
        return Math.max((double) MIN_WIDTH_PX / f.size().widthPt(), MIN_TEXT_PX / PaperTheme.SMALLEST_FONT_PT);
    }

    /** The inline bundle of a figure. */
    public static MimeBundle figure(Figure f) {
        double k = figureScale(f);
        double w = f.size().widthPt() * k, h = f.size().heightPt() * k;
        String svg = Figures.svg(f, Math.round(w), Math.round(h));
        MimeBundle b = new MimeBundle();
        if (svg.length() <= MAX_INLINE_SVG_CHARS) {
            b.put(MimeBundle.IMAGE_SVG, svg);
        } else {
            int dpi = (int) Math.round(72 * k);
            b.put(MimeBundle.IMAGE_PNG, Base64.getEncoder().encodeToString(Figures.png(f.withSize(f.size().withDpi(dpi)))));
        }
        return b.put(MimeBundle.TEXT_PLAIN, f.toString());
    }

    /** The image of a bundle made here as HTML: the inline SVG element, or an {@code <img>} with the PNG. */
    public static String html(MimeBundle image) {
        return image.has(MimeBundle.IMAGE_SVG) ? image.get(MimeBundle.IMAGE_SVG)
                : "<img src=\"data:image/png;base64," + image.get(MimeBundle.IMAGE_PNG) + "\"/>";
    }

    /** The inline bundle of an XChart chart (the paper theme's screen variant applied if it has none). */
    public static MimeBundle chart(Chart<?, ?> chart) {
        if (PaperTheme.hasXChartDefaults(chart)) PaperTheme.screen(chart);
        PaperTheme.cleanTicks(chart);
        double k = Math.max(1.0, (double) MIN_WIDTH_PX / chart.getWidth());
        long w = Math.round(chart.getWidth() * k), h = Math.round(chart.getHeight() * k);
        MimeBundle b = new MimeBundle();
        String svg = SvgCompactor.compact(rawSvg(chart), w, h);
        if (svg.length() <= MAX_INLINE_SVG_CHARS) {
            b.put(MimeBundle.IMAGE_SVG, svg);
        } else {
            b.put(MimeBundle.IMAGE_PNG, Base64.getEncoder().encodeToString(png(chart, k)));
        }
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "untitled" : chart.getTitle();
        return b.put(MimeBundle.TEXT_PLAIN, chart.getClass().getSimpleName() + "[" + title + ", "
                + chart.getWidth() + "x" + chart.getHeight() + " px]");
    }

    static String rawSvg(Chart<?, ?> chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart '" + chart.getTitle() + "' as SVG", e);
        }
    }

    /** PNG of a chart at {@code scale} pixels per chart unit. */
    static byte[] png(Chart<?, ?> chart, double scale) {
        int w = (int) Math.round(chart.getWidth() * scale), h = (int) Math.round(chart.getHeight() * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
