package org.coreloss.plot;

/**
 * Size of a figure on paper.
 *
 * @param widthIn  width in inches (> 0, at most 40)
 * @param heightIn height in inches (> 0, at most 40)
 * @param dpi      raster resolution for PNG export (dots per inch, 36 .. 1200)
 */
public record PaperSize(double widthIn, double heightIn, int dpi) {
    /** One journal column: 3.5 in wide, 300 dpi. */
    public static final PaperSize SINGLE_COLUMN = new PaperSize(3.5, 2.8, 300);
    /** Full page width: 7 in wide, 300 dpi. */
    public static final PaperSize DOUBLE_COLUMN = new PaperSize(7.0, 4.5, 300);
    /** Notebook display: 7 x 4.5 in at 100 dpi (700 x 450 pixels). */
    public static final PaperSize SCREEN = new PaperSize(7.0, 4.5, 100);

    public PaperSize {
        if (!(widthIn > 0 && widthIn <= 40)) throw new IllegalArgumentException("widthIn = " + widthIn + ", expected in ]0, 40] inches");
        if (!(heightIn > 0 && heightIn <= 40)) throw new IllegalArgumentException("heightIn = " + heightIn + ", expected in ]0, 40] inches");
        if (dpi < 36 || dpi > 1200) throw new IllegalArgumentException("dpi = " + dpi + ", expected 36 .. 1200");
    }

    /** Width in typographic points (1/72 in): the layout unit of charts. */
    public int widthPt() { return (int) Math.round(widthIn * 72); }
    /** Height in points. */
    public int heightPt() { return (int) Math.round(heightIn * 72); }
    /** PNG width in pixels. */
    public int widthPx() { return (int) Math.round(widthIn * dpi); }
    /** PNG height in pixels. */
    public int heightPx() { return (int) Math.round(heightIn * dpi); }

    public PaperSize withHeight(double heightIn) { return new PaperSize(widthIn, heightIn, dpi); }
    public PaperSize withDpi(int dpi) { return new PaperSize(widthIn, heightIn, dpi); }
}
