package org.coreloss.plot;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the SVG that VectorGraphics2D writes for XChart compact and embeddable:
 * <ul>
 *   <li>zero-size markers (XChart draws them even at marker size 0) are dropped;</li>
 *   <li>runs of {@code <line>} elements with the same style (XChart draws a series as one {@code Line2D}
 *       per segment) become one {@code <path>}: a polyline is one path, with a new {@code M} only where
 *       a segment does not start where the previous one ended;</li>
 *   <li>coordinates (including glyph outlines: XChart draws text as shapes) are written with at most
 *       1 decimal: 1/10 pt, a quarter of a pixel at the largest display scale used here;</li>
 *   <li>the XML declaration and DOCTYPE are dropped, so the text can be inlined in HTML (nbconvert and
 *       JupyterLab reject an inline SVG with an encoding declaration); a standalone {@code .svg} without
 *       them is still valid SVG 1.1;</li>
 *   <li>optionally, the root's {@code width}/{@code height} are set to a display size in pixels (the
 *       {@code viewBox} stays in points, so the drawing scales).</li>
 * </ul>
 */
public final class SvgCompactor {
    private SvgCompactor() {}

    private static final Pattern LINE = Pattern.compile(
            "[ \\t]*<line style=\"([^\"]*)\" x1=\"([-0-9.Ee]+)\" x2=\"([-0-9.Ee]+)\" y1=\"([-0-9.Ee]+)\" y2=\"([-0-9.Ee]+)\"/>\\r?\\n?");
    private static final Pattern EMPTY_SHAPE = Pattern.compile(
            "[ \\t]*<(?:ellipse [^>]*rx=\"0\" ry=\"0\"[^>]*|rect height=\"0\"[^>]*width=\"0\"[^>]*)/>\\r?\\n?");
    private static final Pattern POINT_PATH = Pattern.compile(
            "[ \\t]*<path d=\"M([-0-9.Ee]+,[-0-9.Ee]+)(?: [LM]\\1)+(?: Z)?\" style=\"[^\"]*\"/>\\r?\\n?");
    private static final Pattern LONG_NUMBER = Pattern.compile("(-?\\d+\\.\\d{2,})(?![\\dEe])");

    /** The compacted SVG (no XML declaration), at its own size. */
    public static String compact(String svg) {
        return compact(svg, 0, 0);
    }

    /**
     * The compacted SVG with the root's {@code width} and {@code height} set to {@code widthPx x heightPx}
     * pixels (both {@code <= 0}: left as they are).
     */
    public static String compact(String svg, double widthPx, double heightPx) {
        int root = svg.indexOf("<svg");
        String s = root < 0 ? svg : svg.substring(root);
        s = EMPTY_SHAPE.matcher(s).replaceAll(""); // zero-size markers (marker size 0) break line runs
        s = POINT_PATH.matcher(s).replaceAll("");
        s = mergeLines(s);
        s = roundNumbers(s);
        if (widthPx > 0 && heightPx > 0) s = resizeRoot(s, widthPx, heightPx);
        return s;
    }

    static String mergeLines(String s) {
        Matcher m = LINE.matcher(s);
        StringBuilder out = new StringBuilder(s.length() / 3);
        int last = 0;
        String style = null;
        StringBuilder d = null;
        double endX = Double.NaN, endY = Double.NaN;
        int runEnd = -1;
        while (m.find()) {
            boolean continues = style != null && m.start() == runEnd && m.group(1).equals(style);
            if (!continues) {
                if (style != null) flush(out, style, d);
                out.append(s, last, m.start());
                style = m.group(1);
                d = new StringBuilder();
                endX = Double.NaN;
                endY = Double.NaN;
            }
            double x1 = Double.parseDouble(m.group(2)), x2 = Double.parseDouble(m.group(3));
            double y1 = Double.parseDouble(m.group(4)), y2 = Double.parseDouble(m.group(5));
            if (d.length() == 0 || Math.abs(x1 - endX) > 1e-6 || Math.abs(y1 - endY) > 1e-6) {
                d.append(d.length() == 0 ? "M" : " M").append(num1(x1)).append(',').append(num1(y1)).append(" L");
            }
            d.append(' ').append(num1(x2)).append(',').append(num1(y2));
            endX = x2;
            endY = y2;
            runEnd = m.end();
            last = m.end();
        }
        if (style != null) flush(out, style, d);
        out.append(s, last, s.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, String style, StringBuilder d) {
        out.append("    <path style=\"").append(style).append("\" d=\"").append(d).append("\"/>\n");
    }

    static String roundNumbers(String s) {
        Matcher m = LONG_NUMBER.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) m.appendReplacement(out, num1(Double.parseDouble(m.group(1))));
        m.appendTail(out);
        return out.toString();
    }

    private static String resizeRoot(String s, double w, double h) {
        int end = s.indexOf('>');
        if (end < 0) return s;
        String head = s.substring(0, end);
        head = head.replaceFirst(" width=\"[^\"]*\"", " width=\"" + num(w) + "px\"")
                .replaceFirst(" height=\"[^\"]*\"", " height=\"" + num(h) + "px\"");
        return head + s.substring(end);
    }

    /** A number with at most 1 decimal. */
    static String num1(double v) {
        long r = Math.round(v * 10);
        if (r % 10 == 0) return Long.toString(r / 10);
        return (r < 0 ? "-" : "") + Math.abs(r) / 10 + "." + Math.abs(r) % 10;
    }

    /** A number with at most 2 decimals, without trailing zeros. */
    static String num(double v) {
        double r = Math.round(v * 100) / 100.0;
        if (r == Math.rint(r)) return Long.toString((long) r);
        String t = String.format(Locale.ROOT, "%.2f", r);
        return t.endsWith("0") ? t.substring(0, t.length() - 1) : t;
    }
}
