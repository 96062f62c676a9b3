package org.coreloss.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The one paper theme: white background, no grid, sans-serif fonts in points (8 pt ticks and
 * legends, 9 pt axis titles, 9 pt bold titles), Okabe-Ito colour-blind-safe palette, 1 pt lines.
 * Figures are laid out in points; PNG export scales by dpi / 72; inline notebook display scales so that
 * a figure is at least 600 px wide and its smallest text at least 11 px ({@code display.InlineImages}).
 * Charts laid out in pixels use {@link #screen}. Legends follow {@link #legend}.
 */
public final class PaperTheme {
    private PaperTheme() {}

    /** Okabe-Ito palette: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black. */
    public static final Color[] PALETTE = {
            new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(213, 94, 0),
            new Color(86, 180, 233), new Color(204, 121, 167), new Color(240, 228, 66), Color.BLACK};
    public static final Color BLUE = PALETTE[0], ORANGE = PALETTE[1], GREEN = PALETTE[2], VERMILLION = PALETTE[3],
            SKY = PALETTE[4], PURPLE = PALETTE[5], YELLOW = PALETTE[6];
    /** Training data and reference curves. */
    public static final Color GREY = new Color(150, 150, 150);
    public static final Color LIGHT_GREY = new Color(205, 205, 205);

    public static final String FONT_FAMILY = Font.SANS_SERIF;
    public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 8);
    public static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 8);
    public static final Font AXIS_TITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 9);
    public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 9);
    /** Smallest font of the theme in points (tick labels and legends): sets the inline display scale. */
    public static final float SMALLEST_FONT_PT = 8f;
    /**
     * Font scale of {@link #screen}: charts laid out in pixels (XChart's own unit) get the theme's fonts
     * times this, so tick labels are 12 px at 100 % zoom.
     */
    public static final float SCREEN_FONT_SCALE = 1.5f;
    /** Above this many series a legend is hidden and the title says how many series there are. */
    public static final int MAX_LEGEND_SERIES = 8;

    /** Default line width in points. */
    public static final float LINE_WIDTH = 1.0f;
    /** Default marker size in points. */
    public static final int MARKER_SIZE = 3;

    public static BasicStroke solid(float widthPt) { return new BasicStroke(widthPt, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND); }
    public static BasicStroke dashed(float widthPt) {
        return new BasicStroke(widthPt, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3f, 2f}, 0f);
    }

    /**
     * The theme for a chart laid out in pixels (a notebook's own {@code XYChartBuilder().width(640)} chart):
     * {@link #apply} with fonts times {@link #SCREEN_FONT_SCALE}, tick spacing for those fonts, and the
     * {@link #legend} rule.
     */
    public static <C extends Chart<?, ?>> C screen(C chart) {
        int markerSize = chart.getStyler().getMarkerSize(); // the chart's own choice (0: lines only) is kept
        apply(chart);
        Styler s = chart.getStyler();
        s.setMarkerSize(markerSize);
        s.setChartTitleFont(TITLE_FONT.deriveFont(TITLE_FONT.getSize2D() * SCREEN_FONT_SCALE));
        s.setLegendFont(LEGEND_FONT.deriveFont(LEGEND_FONT.getSize2D() * SCREEN_FONT_SCALE));
        s.setAnnotationTextFont(LEGEND_FONT.deriveFont(LEGEND_FONT.getSize2D() * SCREEN_FONT_SCALE));
        s.setChartPadding(8);
        s.setLegendPadding(5);
        s.setLegendSeriesLineLength(18);
        if (s instanceof AxesChartStyler a) {
            a.setAxisTickLabelsFont(TICK_FONT.deriveFont(TICK_FONT.getSize2D() * SCREEN_FONT_SCALE));
            a.setAxisTitleFont(AXIS_TITLE_FONT.deriveFont(AXIS_TITLE_FONT.getSize2D() * SCREEN_FONT_SCALE));
            a.setAxisTickMarkLength(5);
            a.setAxisTickPadding(4);
            a.setAxisTitlePadding(6);
            a.setPlotMargin(4);
            a.setXAxisTickMarkSpacingHint(90);
            a.setYAxisTickMarkSpacingHint(50);
        }
        legend(chart);
        plainLargeXTicks(chart);
        return chart;
    }

    /** Name of the invisible helper series added by {@link #cleanTicks}. */
    public static final String TICK_HELPER = "\u200b";

    /**
     * Clean tick steps on the x axis of an XY chart. XChart 3.8.8 puts the x ticks on data values when the
     * distinct x values of all series are equally spaced (an energy grid, the bin edges of a histogram
     * staircase), which gives steps such as 13.5 and labels such as -6.5 and 20.5. Worse, when those
     * labels never fit (a narrow panel, labels that round to the same text), its search loops forever: it
     * thins the values down to one, whose grid step is then NaN, and never stops (seen as a 10-minute hang
     * of a parity plot's marginal histogram). This adds one invisible point (no line, no marker, not in the
     * legend) a quarter of the first gap after the smallest x value, so the distinct values are no longer
     * equally spaced and XChart's regular calculation (steps of 1, 2, 2.5 or 5 times a power of ten)
     * applies. Idempotent.
     */
    public static void cleanTicks(Chart<?, ?> chart) {
        if (!(chart instanceof org.knowm.xchart.XYChart xy) || xy.getSeriesMap().containsKey(TICK_HELPER)) return;
        if (xy.getStyler().isXAxisLogarithmic()) return;
        double first = Double.POSITIVE_INFINITY, second = Double.POSITIVE_INFINITY, yAtFirst = Double.NaN;
        for (org.knowm.xchart.XYSeries s : xy.getSeriesMap().values()) {
            if (s.getxAxisDataType() != org.knowm.xchart.internal.series.Series.DataType.Number) continue;
            double[] x = s.getXData(), y = s.getYData();
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                if (!Double.isFinite(v)) continue;
                if (v < first) {
                    if (first < Double.POSITIVE_INFINITY) second = first;
                    first = v;
                    if (Double.isFinite(y[i])) yAtFirst = y[i];
                } else if (v > first && v < second) {
                    second = v;
                } else if (v == first && Double.isNaN(yAtFirst) && Double.isFinite(y[i])) {
                    yAtFirst = y[i];
                }
            }
        }
        if (!(second < Double.POSITIVE_INFINITY) || Double.isNaN(yAtFirst)) return; // fewer than two distinct x values
        org.knowm.xchart.XYSeries h = xy.addSeries(TICK_HELPER, new double[] {first + 0.25 * (second - first)}, new double[] {yAtFirst});
        h.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        h.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
        h.setShowInLegend(false);
    }

    private static void setHeight(Chart<?, ?> chart, int height) {
        try {
            java.lang.reflect.Method m = Chart.class.getDeclaredMethod("setHeight", int.class);
            m.setAccessible(true);
            m.invoke(chart, height);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // XChart changed: the legend then takes its room from the plot, as XChart does by itself
        }
    }

    /**
     * Tick labels without digit grouping for x values of 1000 and more (energies such as 2470 eV, not
     * 2,470) when the chart has no pattern of its own.
     */
    static void plainLargeXTicks(Chart<?, ?> chart) {
        if (!(chart instanceof org.knowm.xchart.XYChart xy) || xy.getStyler().getXAxisDecimalPattern() != null) return;
        double max = 0, min = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (org.knowm.xchart.XYSeries se : xy.getSeriesMap().values()) {
            for (double x : se.getXData()) {
                if (!Double.isFinite(x)) continue;
                max = Math.max(max, Math.abs(x));
                min = Math.min(min, x);
                hi = Math.max(hi, x);
            }
        }
        if (max >= 1000 && hi - min >= 5) xy.getStyler().setXAxisDecimalPattern("0");
        else if (max >= 1000) xy.getStyler().setXAxisDecimalPattern("0.#");
    }

    /** Whether {@code chart} still has XChart's default look (grey frame), i.e. no theme was applied. */
    public static boolean hasXChartDefaults(Chart<?, ?> chart) {
        return new Color(210, 210, 210).equals(chart.getStyler().getChartBackgroundColor());
    }

    /**
     * The legend rule: one series, no legend; more than {@link #MAX_LEGEND_SERIES}, no legend and the title
     * (or, without a title, a title made for it) says "N series, legend hidden"; otherwise below the plot
     * (it neither covers curves nor narrows the plot), in one row when the labels are short (60 characters
     * in all), else one entry per line.
     */
    public static <C extends Chart<?, ?>> C legend(C chart) {
        Styler s = chart.getStyler();
        var names = chart.getSeriesMap().values().stream()
                .filter(x -> x.isShowInLegend() && !TICK_HELPER.equals(x.getName()))
                .map(org.knowm.xchart.internal.series.Series::getName).toList();
        int n = names.size();
        if (n <= 1) {
            s.setLegendVisible(false);
        } else if (n > MAX_LEGEND_SERIES) {
            s.setLegendVisible(false);
            String title = chart.getTitle() == null ? "" : chart.getTitle();
            String note = n + " series, legend hidden";
            if (!title.contains(note)) chart.setTitle(title.isEmpty() ? note : title + " (" + note + ")");
            s.setChartTitleVisible(true);
        } else {
            int total = names.stream().mapToInt(String::length).sum();
            s.setLegendVisible(true);
            s.setLegendPosition(Styler.LegendPosition.OutsideS);
            boolean oneRow = total <= 60;
            s.setLegendLayout(oneRow ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
            if (!oneRow) { // one entry per line below the plot: the chart grows by the legend's height, the plot keeps its size
                int perLine = (int) Math.ceil(s.getLegendFont().getSize2D() * 1.45);
                setHeight(chart, chart.getHeight() + (n - 1) * perLine);
            }
        }
        return chart;
    }

    /** Applies the theme to any XChart chart (axes charts also get tick and grid settings). */
    public static <C extends Chart<?, ?>> C apply(C chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(Color.BLACK);
        s.setChartFontColor(Color.BLACK);
        s.setChartTitleFont(TITLE_FONT);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleVisible(chart.getTitle() != null && !chart.getTitle().isEmpty());
        s.setLegendFont(LEGEND_FONT);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendPadding(3);
        s.setLegendSeriesLineLength(12);
        s.setChartPadding(4);
        s.setSeriesColors(PALETTE);
        s.setMarkerSize(MARKER_SIZE);
        s.setToolTipsEnabled(false);
        s.setAnnotationTextFont(LEGEND_FONT);
        if (s instanceof AxesChartStyler a) {
            a.setAxisTickLabelsFont(TICK_FONT);
            a.setAxisTitleFont(AXIS_TITLE_FONT);
            a.setPlotGridLinesVisible(false);
            a.setAxisTickMarkLength(3);
            a.setAxisTickPadding(2);
            a.setAxisTitlePadding(4); // keeps the y title clear of the tick labels
            a.setPlotMargin(2);
            a.setAxisTickMarksColor(Color.BLACK);
            a.setAxisTickLabelsColor(Color.BLACK);
            a.setXAxisMaxLabelCount(8);
            a.setAxisTicksLineVisible(false);
            a.setXAxisTickMarkSpacingHint(45);
            a.setYAxisTickMarkSpacingHint(30);
        }
        return chart;
    }
}
