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
 *   <li><b>Format: one image, never both.</b> By default a PNG at the display size. PNG because the
 *       notebook must stay readable everywhere it goes: Debian 12's nbconvert (6.5) passes inline SVG
 *       and SVG data URLs through lxml's HTML cleaner, which drops every SVG child element, so an SVG
 *       figure is blank in {@code jupyter nbconvert --to html}. SVG when asked for
 *       ({@code display(obj, "image/svg+xml")}, {@code render(obj, "image/svg+xml")}, see
 *       {@link #preferringSvg}): compacted by {@link SvgCompactor} (no XML declaration, one path per
 *       polyline), at most {@value #MAX_INLINE_SVG_CHARS} characters (larger ones stay PNG). Files:
 *       {@code Figures.save(f, "x.svg")} (vector) or {@code .png}. Plus {@code text/plain} always.</li>
 * </ul>
 */
public final class InlineImages {
    private InlineImages() {}

    public static final int MIN_WIDTH_PX = 600;
    public static final double MIN_TEXT_PX = 11;
    public static final int MAX_INLINE_SVG_CHARS = 150_000;

    private static final ThreadLocal<Boolean> SVG = ThreadLocal.withInitial(() -> false);

    /** Runs {@code render} with SVG as the inline format of figures and charts (for an explicit request). */
    public static <T> T preferringSvg(java.util.function.Supplier<T> render) {
        boolean before = SVG.get();
        SVG.set(true);
        try {
            return render.get();
        } finally {
            SVG.set(before);
        }
    }

    /** Pixels per point at which a figure is shown inline. */
    public static double figureScale(Figure f) {
        return Math.max((double) MIN_WIDTH_PX / f.size().widthPt(), MIN_TEXT_PX / PaperTheme.SMALLEST_FONT_PT);
    }

    /** The inline bundle of a figure. */
    public static MimeBundle figure(Figure f) {
        double k = figureScale(f);
        double w = f.size().widthPt() * k, h = f.size().heightPt() * k;
        String svg = SVG.get() ? Figures.svg(f, Math.round(w), Math.round(h)) : null;
        MimeBundle b = new MimeBundle();
        if (svg != null && svg.length() <= MAX_INLINE_SVG_CHARS) {
            b.put(MimeBundle.IMAGE_SVG, svg);
        } else {
            int dpi = (int) Math.ceil(72 * k - 1e-9); // never below the minimum width
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
        String svg = SVG.get() ? SvgCompactor.compact(rawSvg(chart), w, h) : null;
        if (svg != null && svg.length() <= MAX_INLINE_SVG_CHARS) {
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
