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
 * Charts are laid out in points; PNG export scales by dpi / 72.
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
    public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 7);
    public static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 7);
    public static final Font AXIS_TITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 8);
    public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 8);
    /** Default line width in points. */
    public static final float LINE_WIDTH = 1.0f;
    /** Default marker size in points. */
    public static final int MARKER_SIZE = 3;

    public static BasicStroke solid(float widthPt) { return new BasicStroke(widthPt, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND); }
    public static BasicStroke dashed(float widthPt) {
        return new BasicStroke(widthPt, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3f, 2f}, 0f);
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
            a.setAxisTitlePadding(2);
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
