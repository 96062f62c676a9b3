package org.coreloss.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Renders {@link Figure}s to PNG (raster at the figure's dpi) and SVG (vector, in points through
 * VectorGraphics2D, XChart's own SVG back end) and saves them atomically (temporary file in the same
 * directory, then an atomic move).
 */
public final class Figures {
    private Figures() {}

    /** Saves {@code figure} to {@code path}; the format follows the extension (.png or .svg). */
    public static Path save(Figure figure, String path) { return save(figure, Path.of(path)); }

    /** Saves {@code figure} to {@code path} (.png or .svg), atomically; returns the path. */
    public static Path save(Figure figure, Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes;
        if (name.endsWith(".png")) bytes = png(figure);
        else if (name.endsWith(".svg")) bytes = svg(figure).getBytes(StandardCharsets.UTF_8);
        else throw new IllegalArgumentException("figure file " + path + ": expected extension .png or .svg");
        Path abs = path.toAbsolutePath();
        try {
            Path dir = abs.getParent();
            if (dir != null) Files.createDirectories(dir);
            Path tmp = org.coreloss.data.io.AtomicFiles.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + abs + ": " + e.getMessage(), e);
        }
        return abs;
    }

    /** PNG bytes at the figure's size and dpi. */
    public static byte[] png(Figure figure) {
        PaperSize s = figure.size();
        BufferedImage img = new BufferedImage(s.widthPx(), s.heightPx(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, s.widthPx(), s.heightPx());
            g.scale(s.dpi() / 72.0, s.dpi() / 72.0);
            paint(figure, g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Compact SVG document text, in points (no XML declaration; see {@link SvgCompactor}). */
    public static String svg(Figure figure) {
        return SvgCompactor.compact(rawSvg(figure));
    }

    /** Compact SVG whose root is {@code widthPx x heightPx} pixels (the drawing is scaled to fit). */
    public static String svg(Figure figure, double widthPx, double heightPx) {
        return SvgCompactor.compact(rawSvg(figure), widthPx, heightPx);
    }

    /** VectorGraphics2D's SVG as it writes it (one element per drawn segment). */
    static String rawSvg(Figure figure) {
        PaperSize s = figure.size();
        VectorGraphics2D g = new VectorGraphics2D();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, s.widthPt(), s.heightPt());
        paint(figure, g);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, s.widthPt(), s.heightPt())).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The plot-area rectangle (in points, relative to the chart's origin) of {@code chart} laid out at
     * {@code widthPt x heightPt}, or null when XChart's internals are not reachable. Used to align
     * marginal panels with a main chart.
     */
    static java.awt.geom.Rectangle2D plotBounds(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, int widthPt, int heightPt) {
        BufferedImage scratch = new BufferedImage(widthPt, heightPt, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            chart.paint(g, widthPt, heightPt);
            java.lang.reflect.Field f = org.knowm.xchart.internal.chartpart.Chart.class.getDeclaredField("plot");
            f.setAccessible(true);
            Object plot = f.get(chart);
            java.awt.geom.Rectangle2D r = (java.awt.geom.Rectangle2D) plot.getClass().getMethod("getBounds").invoke(plot);
            return r == null || r.getWidth() <= 0 ? null : (java.awt.geom.Rectangle2D) r.clone();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        } finally {
            g.dispose();
        }
    }

    /** Paints every panel in points onto {@code g}. */
    static void paint(Figure figure, Graphics2D g) {
        int w = figure.size().widthPt(), h = figure.size().heightPt();
        for (Figure.Panel p : figure.panels()) {
            AffineTransform saved = g.getTransform();
            java.awt.Shape clip = g.getClip();
            int px = (int) Math.round(p.x() * w), py = (int) Math.round(p.y() * h);
            int pw = Math.max(10, (int) Math.round(p.width() * w)), ph = Math.max(10, (int) Math.round(p.height() * h));
            g.translate(px, py);
            g.clipRect(0, 0, pw, ph);
            PaperTheme.cleanTicks(p.chart());
            p.chart().paint(g, pw, ph);
            g.setTransform(saved);
            g.setClip(clip);
        }
    }
}
