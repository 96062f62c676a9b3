package org.coreloss.plot;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameter maps of a spectrum image (scale-out notebook): per parameter, the true map, the recovered map on the same
 * colour scale, and their difference on a symmetric scale; one row per parameter. Pixel (x, y) is row
 * {@code y * width + x} of the value arrays (the order of {@code simulate.SpectrumImage}).
 */
public final class Maps {
    /** Perceptually ordered colours (viridis, 6 stops) for values; blue-white-red for differences. */
    static final Color[] VIRIDIS = {new Color(68, 1, 84), new Color(65, 68, 135), new Color(42, 120, 142),
            new Color(34, 168, 132), new Color(122, 209, 81), new Color(253, 231, 37)};
    static final Color[] DIVERGING = {new Color(33, 102, 172), new Color(146, 197, 222), Color.WHITE,
            new Color(244, 165, 130), new Color(178, 24, 43)};

    private Maps() {}

    /**
     * Rows of (true, recovered, recovered - true) maps. {@code names} label the rows (units in the names, e.g.
     * {@code dq_eV}); {@code truth[p]} and {@code recovered[p]} hold {@code width * height} values of parameter p.
     */
    public static Figure parameterMaps(List<String> names, double[][] truth, double[][] recovered, int width, int height) {
        if (names.size() != truth.length || truth.length != recovered.length || names.isEmpty()) {
            throw new IllegalArgumentException("parameterMaps: " + names.size() + " names, " + truth.length + " true and "
                    + recovered.length + " recovered maps; expected the same number (>= 1)");
        }
        List<HeatMapChart> charts = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        PaperSize size = PaperSize.DOUBLE_COLUMN.withHeight(2.3 * names.size());
        // heat maps size their colour bar from the chart's own width and height: give each the panel's size (pt)
        int pw = size.widthPt() / 3, ph = size.heightPt() / names.size();
        for (int p = 0; p < names.size(); p++) {
            if (truth[p].length != width * height || recovered[p].length != width * height) {
                throw new IllegalArgumentException("parameterMaps: " + names.get(p) + " has " + truth[p].length + " / " + recovered[p].length
                        + " values, expected width x height = " + width * height);
            }
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, dmax = 0;
            double[] diff = new double[truth[p].length];
            for (int i = 0; i < diff.length; i++) {
                lo = Math.min(lo, truth[p][i]);
                hi = Math.max(hi, truth[p][i]);
                diff[i] = recovered[p][i] - truth[p][i];
                dmax = Math.max(dmax, Math.abs(diff[i]));
            }
            // the heat-map legend prints its bounds as raw doubles: round them outwards to two significant digits
            lo = twoDigits(lo, java.math.RoundingMode.FLOOR);
            hi = twoDigits(hi, java.math.RoundingMode.CEILING);
            dmax = twoDigits(dmax, java.math.RoundingMode.CEILING);
            if (hi <= lo) hi = lo + 1e-12;
            if (dmax == 0) dmax = 1e-12;
            String n = names.get(p);
            charts.add(map(n + " true", truth[p], width, height, lo, hi, VIRIDIS, pw, ph));
            charts.add(map(n + " recovered", recovered[p], width, height, lo, hi, VIRIDIS, pw, ph));
            charts.add(map(n + " recovered - true", diff, width, height, -dmax, dmax, DIVERGING, pw, ph));
            data.put(n + ".true", truth[p].clone());
            data.put(n + ".recovered", recovered[p].clone());
        }
        data.put("width", width);
        data.put("height", height);
        return Figure.grid("parameter-maps", size, charts, 3, data);
    }

    /**
     * Per parameter two rows of three maps: (true, predicted, fitted) on the true map's colour scale, then
     * (predicted - true, fitted - true) on one symmetric scale (so the two methods compare at a glance) and the fit's
     * uncertainty ({@code halfwidth}, e.g. the 68 % interval half-width) on its own scale from 0.
     */
    public static Figure comparisonMaps(List<String> names, double[][] truth, double[][] predicted, double[][] fitted, double[][] halfwidth,
                                        int width, int height) {
        if (names.isEmpty() || names.size() != truth.length || truth.length != predicted.length || truth.length != fitted.length
                || truth.length != halfwidth.length) {
            throw new IllegalArgumentException("comparisonMaps: " + names.size() + " names, " + truth.length + " true, " + predicted.length
                    + " predicted, " + fitted.length + " fitted and " + halfwidth.length + " half-width maps; expected the same number (>= 1)");
        }
        List<HeatMapChart> charts = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        PaperSize size = PaperSize.DOUBLE_COLUMN.withHeight(2.3 * 2 * names.size());
        int pw = size.widthPt() / 3, ph = size.heightPt() / (2 * names.size());
        for (int p = 0; p < names.size(); p++) {
            int n = width * height;
            if (truth[p].length != n || predicted[p].length != n || fitted[p].length != n || halfwidth[p].length != n) {
                throw new IllegalArgumentException("comparisonMaps: " + names.get(p) + " has " + truth[p].length + " / " + predicted[p].length + " / "
                        + fitted[p].length + " / " + halfwidth[p].length + " values, expected width x height = " + n);
            }
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, dmax = 0, hmax = 0;
            double[] dp = new double[n], df = new double[n];
            for (int i = 0; i < n; i++) {
                lo = Math.min(lo, truth[p][i]);
                hi = Math.max(hi, truth[p][i]);
                dp[i] = predicted[p][i] - truth[p][i];
                df[i] = fitted[p][i] - truth[p][i];
                if (Double.isFinite(dp[i])) dmax = Math.max(dmax, Math.abs(dp[i]));
                if (Double.isFinite(df[i])) dmax = Math.max(dmax, Math.abs(df[i]));
                if (Double.isFinite(halfwidth[p][i])) hmax = Math.max(hmax, halfwidth[p][i]);
            }
            lo = twoDigits(lo, java.math.RoundingMode.FLOOR);
            hi = twoDigits(hi, java.math.RoundingMode.CEILING);
            dmax = twoDigits(dmax, java.math.RoundingMode.CEILING);
            hmax = twoDigits(hmax, java.math.RoundingMode.CEILING);
            if (hi <= lo) hi = lo + 1e-12;
            if (dmax == 0) dmax = 1e-12;
            if (hmax == 0) hmax = 1e-12;
            String nm = names.get(p);
            charts.add(map(nm + " true", truth[p], width, height, lo, hi, VIRIDIS, pw, ph));
            charts.add(map(nm + " predicted", predicted[p], width, height, lo, hi, VIRIDIS, pw, ph));
            charts.add(map(nm + " fitted", fitted[p], width, height, lo, hi, VIRIDIS, pw, ph));
            charts.add(map(nm + " predicted - true", dp, width, height, -dmax, dmax, DIVERGING, pw, ph));
            charts.add(map(nm + " fitted - true", df, width, height, -dmax, dmax, DIVERGING, pw, ph));
            charts.add(map(nm + " fit uncertainty", halfwidth[p], width, height, 0, hmax, VIRIDIS, pw, ph));
            data.put(nm + ".true", truth[p].clone());
            data.put(nm + ".predicted", predicted[p].clone());
            data.put(nm + ".fitted", fitted[p].clone());
            data.put(nm + ".halfwidth", halfwidth[p].clone());
        }
        data.put("width", width);
        data.put("height", height);
        return Figure.grid("comparison-maps", size, charts, 3, data);
    }

    /**
     * Maps each on its own colour scale (0 .. max; e.g. reduced chi^2, a status code), three per row (a heat map with its
     * legend needs a third of the page width).
     */
    public static Figure valueMaps(List<String> titles, double[][] values, int width, int height) {
        int columns = 3;
        if (titles.isEmpty() || titles.size() != values.length) {
            throw new IllegalArgumentException("valueMaps: " + titles.size() + " titles and " + values.length + " maps, expected the same number (>= 1)");
        }
        int rows = (titles.size() + columns - 1) / columns;
        PaperSize size = PaperSize.DOUBLE_COLUMN.withHeight(2.3 * rows);
        int pw = size.widthPt() / 3, ph = size.heightPt() / rows;
        List<HeatMapChart> charts = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        for (int p = 0; p < titles.size(); p++) {
            if (values[p].length != width * height) {
                throw new IllegalArgumentException("valueMaps: " + titles.get(p) + " has " + values[p].length + " values, expected " + width * height);
            }
            double hi = 0;
            for (double v : values[p]) if (Double.isFinite(v)) hi = Math.max(hi, v);
            hi = twoDigits(hi, java.math.RoundingMode.CEILING);
            if (hi <= 0) hi = 1e-12;
            charts.add(map(titles.get(p), values[p], width, height, 0, hi, VIRIDIS, pw, ph));
            data.put(titles.get(p), values[p].clone());
        }
        data.put("width", width);
        data.put("height", height);
        return Figure.grid("value-maps", size, charts, columns, data);
    }

    static double twoDigits(double v, java.math.RoundingMode mode) {
        if (v == 0 || !Double.isFinite(v)) return v;
        return new java.math.BigDecimal(v).round(new java.math.MathContext(2, mode)).doubleValue();
    }

    /**
     * Category labels of a map axis: the pixel index every {@code step} pixels (1, 2, 4, 8 or 16 so that at most 5 show),
     * unique invisible labels (zero-width spaces) elsewhere; reversed for the y axis (row 0 at the top).
     */
    static List<String> axisLabels(int n, boolean reversed) {
        int step = 1;
        while (n / step > 4) step *= 2;
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int i = reversed ? n - 1 - k : k;
            out.add(i % step == 0 ? Integer.toString(i) : "\u200B".repeat(i + 1));
        }
        return out;
    }

    static HeatMapChart map(String title, double[] v, int width, int height, double lo, double hi, Color[] colours, int widthPt, int heightPt) {
        HeatMapChart c = new HeatMapChartBuilder().width(widthPt).height(heightPt).title(title).xAxisTitle("x (px)").yAxisTitle("y (px)").build();
        HeatMapStyler s = c.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideE);   // before anything else: heat maps accept only OutsideE/S
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartFontColor(Color.BLACK);
        s.setChartTitleFont(PaperTheme.TITLE_FONT);
        s.setChartTitleBoxVisible(false);
        s.setLegendFont(PaperTheme.LEGEND_FONT);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartPadding(4);
        s.setAxisTickLabelsFont(PaperTheme.TICK_FONT);
        s.setAxisTitleFont(PaperTheme.AXIS_TITLE_FONT);
        s.setAxisTickMarkLength(3);
        s.setAxisTickLabelsColor(Color.BLACK);
        s.setToolTipsEnabled(false);
        s.setRangeColors(colours);
        s.setMin(lo);
        s.setMax(hi);
        s.setDrawBorder(false);
        // a stepped colour scale: XChart's gradient legend cannot be written as SVG (VectorGraphics2D rejects its paint)
        s.setPiecewise(true);
        s.setPiecewiseRanged(false);
        s.setSplitNumber(colours.length == DIVERGING.length ? 5 : 6);
        s.setLegendPadding(2);
        s.setShowValue(false);
        double mag = Math.max(Math.abs(hi), Math.abs(lo));
        s.setHeatMapValueDecimalPattern(mag < 0.01 ? "0.0000" : mag < 0.1 ? "0.000" : "0.00");
        s.setPlotBorderVisible(false);
        s.setAxisTicksLineVisible(false);
        List<String> xs = axisLabels(width, false), ys = axisLabels(height, true);
        List<Number[]> cells = new ArrayList<>(width * height);
        // y runs downwards in an image: pixel row y = 0 is drawn at the top
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) cells.add(new Number[]{x, height - 1 - y, v[y * width + x]});
        }
        c.addSeries("v", xs, ys, cells);   // a short name: the heat-map legend reserves the width of the series name
        return c;
    }
}
