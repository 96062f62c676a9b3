package org.coreloss.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.coreloss.eval.ChannelCorrelations;
import org.coreloss.eval.DensityGrid;
import org.coreloss.eval.ExtrapolationAnalysis;
import org.coreloss.eval.MepdAnalysis;
import org.coreloss.eval.SeIntervals;
import org.coreloss.eval.SpectrumEvaluation;
import org.coreloss.stats.Bandwidth;
import org.coreloss.stats.Contours;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builders for the figures of the seed studies, each returning a {@link Figure} that keeps its input
 * data. All use {@link PaperTheme}. Figure numbers refer to the seeds (001: O K-edge property
 * prediction; 003: L-edge spectrum prediction).
 */
public final class Plots {
    private Plots() {}

    // ---------------------------------------------------------------- seed 001

    /**
     * Parity plot (seed 001, figure 2): accurate vs predicted values, training points grey, test
     * points in colour, the diagonal, and marginal histograms of accurate (top) and predicted (right)
     * values. Train arrays may be empty.
     */
    public static Figure parity(String property, double[] trainTrue, double[] trainPredicted, double[] testTrue, double[] testPredicted) {
        PaperSize size = PaperSize.SINGLE_COLUMN.withHeight(3.5);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("property", property);
        data.put("trainTrue", trainTrue.clone()); data.put("trainPredicted", trainPredicted.clone());
        data.put("testTrue", testTrue.clone()); data.put("testPredicted", testPredicted.clone());
        return new Figure("parity", size, parityPanels(property, trainTrue, trainPredicted, testTrue, testPredicted, size, 0, 0, 1, 1, true), data);
    }

    /**
     * Parity figure of a {@link org.coreloss.eval.RegressionEvaluation}: one panel per target (test points, and
     * training points when present), two panels per row.
     */
    public static Figure parity(org.coreloss.eval.RegressionEvaluation ev) {
        if (ev.targets().size() == 1) {
            return parity(ev.targets().get(0), column(ev.trainTrue(), 0), column(ev.trainPredicted(), 0), column(ev.testTrue(), 0), column(ev.testPredicted(), 0));
        }
        return parityGrid(ev.targets(), ev.trainTrue(), ev.trainPredicted(), ev.testTrue(), ev.testPredicted(), 2);
    }

    /**
     * Parity plots of several properties in a grid (seed 001, figure 2 (a)-(f)); arrays are
     * rows x properties (train arrays may have zero rows). Legend on the first panel only.
     */
    public static Figure parityGrid(List<String> properties, double[][] trainTrue, double[][] trainPredicted,
                                    double[][] testTrue, double[][] testPredicted, int columns) {
        int np = properties.size();
        if (np == 0) throw new IllegalArgumentException("parityGrid: no properties");
        if (columns < 1) throw new IllegalArgumentException("columns = " + columns + ", expected >= 1");
        int cols = Math.min(columns, np), rows = (np + cols - 1) / cols;
        PaperSize size = new PaperSize(7.0, Math.min(40, 2.45 * rows * 3.0 / cols), 300);
        List<Figure.Panel> panels = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("properties", List.copyOf(properties));
        for (int q = 0; q < np; q++) {
            double[] trT = column(trainTrue, q), trP = column(trainPredicted, q), teT = column(testTrue, q), teP = column(testPredicted, q);
            panels.addAll(parityPanels(properties.get(q), trT, trP, teT, teP, size,
                    (double) (q % cols) / cols, (double) (q / cols) / rows, 1.0 / cols, 1.0 / rows, q == 0));
            data.put("testPredicted:" + properties.get(q), teP);
            data.put("testTrue:" + properties.get(q), teT);
        }
        return new Figure("parity-grid", size, panels, data);
    }

    /** The three panels (top marginal, main, right marginal) of one parity plot inside the box (x0, y0, bw, bh) of the page. */
    private static List<Figure.Panel> parityPanels(String property, double[] trainTrue, double[] trainPredicted, double[] testTrue, double[] testPredicted,
                                                   PaperSize size, double x0, double y0, double bw, double bh, boolean legend) {
        same("train", trainTrue, trainPredicted);
        same("test", testTrue, testPredicted);
        if (testTrue.length == 0) throw new IllegalArgumentException("parity plot '" + property + "': no test points");
        double lo = Math.min(min(testTrue, testPredicted), trainTrue.length > 0 ? min(trainTrue, trainPredicted) : Double.POSITIVE_INFINITY);
        double hi = Math.max(max(testTrue, testPredicted), trainTrue.length > 0 ? max(trainTrue, trainPredicted) : Double.NEGATIVE_INFINITY);
        double pad = 0.05 * (hi - lo > 0 ? hi - lo : Math.max(1e-9, Math.abs(hi)));
        lo -= pad; hi += pad;

        // single plot: property in the axis titles; grid: property as title of the top marginal, short axis titles
        boolean single = x0 == 0 && y0 == 0 && bw == 1 && bh == 1;
        XYChart main = single ? xy(null, "accurate " + property, "predicted " + property) : xy(null, "accurate", "predicted");
        if (trainTrue.length > 0) scatter(main, "train", trainTrue, trainPredicted, PaperTheme.GREY, 2);
        scatter(main, "test", testTrue, testPredicted, PaperTheme.BLUE, 3);
        line(main, "y = x", new double[] {lo, hi}, new double[] {lo, hi}, PaperTheme.GREY, 0.8f, false).setShowInLegend(false);
        main.getStyler().setXAxisMin(lo).setXAxisMax(hi).setYAxisMin(lo).setYAxisMax(hi);
        main.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        main.getStyler().setLegendVisible(legend);

        int bins = 20;
        XYChart top = marginal(false);
        if (!single) {
            top.setTitle(property);
            top.getStyler().setChartTitleVisible(true);
        }
        if (trainTrue.length > 0) histogram(top, "train", trainTrue, lo, hi, bins, PaperTheme.GREY, false, true);
        histogram(top, "test", testTrue, lo, hi, bins, PaperTheme.BLUE, false, true);
        top.getStyler().setXAxisMin(lo).setXAxisMax(hi);
        XYChart right = marginal(true);
        if (trainTrue.length > 0) histogram(right, "train", trainPredicted, lo, hi, bins, PaperTheme.GREY, true, true);
        histogram(right, "test", testPredicted, lo, hi, bins, PaperTheme.BLUE, true, true);
        right.getStyler().setYAxisMin(lo).setYAxisMax(hi);

        double w = size.widthPt() * bw, h = size.heightPt() * bh, mainW = 0.8, mainH = 0.8, mainY = 0.2;
        // align the marginal panels with the plot area of the main chart (laid out once in points)
        java.awt.geom.Rectangle2D b = Figures.plotBounds(main, (int) Math.round(mainW * w), (int) Math.round(mainH * h));
        double gap = 2 / w;
        List<Figure.Panel> out = new ArrayList<>();
        if (b != null) {
            out.add(new Figure.Panel(top, x0 + bw * (b.getX() / w), y0 + bh * 0.01, bw * (b.getWidth() / w), bh * (mainY - 0.01 - 2 / h)));
            out.add(new Figure.Panel(main, x0, y0 + bh * mainY, bw * mainW, bh * mainH));
            out.add(new Figure.Panel(right, x0 + bw * (mainW + gap), y0 + bh * (mainY + b.getY() / h), bw * (1 - mainW - gap - 0.01), bh * (b.getHeight() / h)));
        } else {
            out.add(new Figure.Panel(top, x0, y0, bw * mainW, bh * mainY));
            out.add(new Figure.Panel(main, x0, y0 + bh * mainY, bw * mainW, bh * mainH));
            out.add(new Figure.Panel(right, x0 + bw * mainW, y0 + bh * mainY, bw * (1 - mainW), bh * mainH));
        }
        return out;
    }

    private static double[] column(double[][] a, int q) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            if (a[i].length <= q) throw new IllegalArgumentException("row " + i + " has " + a[i].length + " values, expected at least " + (q + 1));
            c[i] = a[i][q];
        }
        return c;
    }

    /**
     * MAE without/with a change (seed 001, figure 5: without/with excitation energy as input), one
     * small bar panel per property (units differ between properties).
     */
    public static Figure maeBars(List<String> properties, double[] maeWithout, double[] maeWith, String labelWithout, String labelWith) {
        if (properties.size() != maeWithout.length || properties.size() != maeWith.length)
            throw new IllegalArgumentException("maeBars: " + properties.size() + " properties but " + maeWithout.length + " and " + maeWith.length + " MAE values");
        List<CategoryChart> charts = new ArrayList<>();
        for (int p = 0; p < properties.size(); p++) {
            CategoryChart c = category(null, null, "MAE");
            c.getStyler().setLegendVisible(p == 0);
            List<String> cat = List.of(properties.get(p));
            bar(c, labelWithout, cat, List.of(maeWithout[p]), PaperTheme.GREY);
            bar(c, labelWith, cat, List.of(maeWith[p]), PaperTheme.BLUE);
            double top = Math.max(maeWithout[p], maeWith[p]);
            c.getStyler().setYAxisMin(0.0).setYAxisMax(top > 0 ? 1.4 * top : 1.0);
            c.getStyler().setYAxisDecimalPattern(decimalPattern(top));
            c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            charts.add(c);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("properties", List.copyOf(properties));
        data.put("maeWithout", maeWithout.clone()); data.put("maeWith", maeWith.clone());
        data.put("labelWithout", labelWithout); data.put("labelWith", labelWith);
        int cols = Math.min(3, properties.size());
        int rows = (properties.size() + cols - 1) / cols;
        return Figure.grid("mae-bars", PaperSize.DOUBLE_COLUMN.withHeight(2.0 * rows), charts, cols, data);
    }

    /** Predicted against reference spectrum, with the difference predicted - reference below. */
    public static Figure spectrumOverlay(String title, double[] energiesEv, double[] reference, double[] predicted) {
        same("reference", energiesEv, reference);
        same("predicted", energiesEv, predicted);
        XYChart c = xy(title, null, "intensity");
        line(c, "reference", energiesEv, reference, Color.BLACK, 1.2f, false);
        line(c, "predicted", energiesEv, predicted, PaperTheme.VERMILLION, 1.0f, true);
        double[] diff = new double[reference.length];
        for (int i = 0; i < diff.length; i++) diff[i] = predicted[i] - reference[i];
        XYChart d = xy(null, "energy (eV)", "diff.");
        line(d, "predicted - reference", energiesEv, diff, PaperTheme.BLUE, 0.8f, false);
        d.getStyler().setLegendVisible(false);
        double lo = Arrays.stream(energiesEv).min().orElse(0), hi = Arrays.stream(energiesEv).max().orElse(1);
        roundXAxis(c, lo, hi);
        roundXAxis(d, lo, hi);
        d.getStyler().setYAxisTickMarkSpacingHint(18); // a short panel still gets ticks
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("energiesEv", energiesEv.clone()); data.put("reference", reference.clone()); data.put("predicted", predicted.clone());
        return new Figure("spectrum-overlay", PaperSize.SINGLE_COLUMN, List.of(
                new Figure.Panel(c, 0, 0, 1, 0.7), new Figure.Panel(d, 0, 0.7, 1, 0.3)), data);
    }

    /**
     * A spectrum (blue) and its nearest training spectra (grey), stacked with a vertical offset (seed
     * 001, figure 3). {@code labels} name the neighbours (e.g. "1st closest (d = 0.12)").
     */
    public static Figure nearestSpectra(String title, double[] energiesEv, double[] spectrum, double[][] neighbours, List<String> labels) {
        same("spectrum", energiesEv, spectrum);
        if (labels.size() != neighbours.length) throw new IllegalArgumentException("nearestSpectra: " + neighbours.length + " neighbours but " + labels.size() + " labels");
        double offset = 0;
        for (double v : spectrum) offset = Math.max(offset, v);
        for (double[] nb : neighbours) { same("neighbour", energiesEv, nb); for (double v : nb) offset = Math.max(offset, v); }
        offset *= 0.6;
        XYChart c = xy(title, "energy (eV)", "intensity (offset)");
        c.getStyler().setYAxisTicksVisible(false);
        for (int k = neighbours.length - 1; k >= 0; k--) {
            double[] y = neighbours[k].clone();
            for (int i = 0; i < y.length; i++) y[i] += (k + 1) * offset;
            line(c, labels.get(k), energiesEv, y, PaperTheme.GREY, 1.0f, false);
        }
        line(c, "spectrum", energiesEv, spectrum, PaperTheme.BLUE, 1.2f, false);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("energiesEv", energiesEv.clone()); data.put("spectrum", spectrum.clone());
        data.put("neighbours", deepCopy(neighbours)); data.put("labels", List.copyOf(labels)); data.put("offset", offset);
        return Figure.single("nearest-spectra", new PaperSize(5.0, 3.2, 300), c, data);
    }

    /** Training and validation loss against epoch (log scale when every value is positive). */
    public static Figure lossCurves(Map<String, double[]> curves, String lossName) {
        if (curves.isEmpty()) throw new IllegalArgumentException("lossCurves: no curves");
        XYChart c = xy(null, "epoch", lossName);
        boolean positive = true;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int k = 0;
        Map<String, Object> data = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            double[] y = e.getValue();
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) { x[i] = i + 1; if (!(y[i] > 0)) positive = false; }
            if (y.length > 0) line(c, e.getKey(), x, y, PaperTheme.PALETTE[k++ % PaperTheme.PALETTE.length], 1.0f, false);
            data.put(e.getKey(), y.clone());
        }
        c.getStyler().setYAxisLogarithmic(positive);
        return Figure.single("loss-curves", PaperSize.SINGLE_COLUMN, c, data);
    }

    /**
     * Lines with markers of several series against a shared numeric x (e.g. seed 003 figure 3: validation
     * MSE against the number of characteristic layers or the training-set size, one series per architecture).
     * NaN values are left out of their series; the y axis is logarithmic when every finite value is positive,
     * {@code logY} is set and the values span at least a factor of 10 (XChart labels a logarithmic axis by decades
     * only, so a narrower span would show one or two overlapping decade labels).
     */
    public static Figure series(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> series, boolean logY) {
        if (series.isEmpty()) throw new IllegalArgumentException("series: no series");
        XYChart c = xy(title, xLabel, yLabel);
        boolean positive = true;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int k = 0;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("x", x.clone());
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue();
            if (y.length != x.length) throw new IllegalArgumentException("series '" + e.getKey() + "' has " + y.length + " values, x has " + x.length);
            int n = 0;
            for (double v : y) if (Double.isFinite(v)) { n++; if (!(v > 0)) positive = false; lo = Math.min(lo, v); hi = Math.max(hi, v); }
            double[] xs = new double[n], ys = new double[n];
            for (int i = 0, j = 0; i < y.length; i++) if (Double.isFinite(y[i])) { xs[j] = x[i]; ys[j++] = y[i]; }
            Color col = PaperTheme.PALETTE[k++ % PaperTheme.PALETTE.length];
            if (n > 0) {
                XYSeries s = line(c, e.getKey(), xs, ys, col, 1.0f, false);
                s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
                s.setMarkerColor(col);
            }
            data.put(e.getKey(), y.clone());
        }
        c.getStyler().setYAxisLogarithmic(logY && positive && hi >= 10 * lo);
        c.getStyler().setMarkerSize(4);
        return Figure.single("series", PaperSize.SINGLE_COLUMN, c, data);
    }

    // ---------------------------------------------------------------- seed 003

    /** SE intervals I1..I7 in percent of the test spectra, stacked per ion (seed 003, figure 4). */
    public static Figure seIntervals(Map<String, SeIntervals> byIon) {
        if (byIon.isEmpty()) throw new IllegalArgumentException("seIntervals: no ions");
        List<String> ions = new ArrayList<>(byIon.keySet());
        CategoryChart c = category(null, null, "test spectra (%)");
        c.getStyler().setStacked(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setXAxisLabelRotation(ions.size() > 6 ? 90 : 0);
        Color[] ramp = {PaperTheme.GREEN, PaperTheme.SKY, PaperTheme.BLUE, PaperTheme.YELLOW, PaperTheme.ORANGE, PaperTheme.PURPLE, PaperTheme.VERMILLION};
        for (int k = 0; k < 7; k++) {
            List<Double> y = new ArrayList<>();
            for (String ion : ions) y.add(100 * byIon.get(ion).fractions()[k]);
            bar(c, SeIntervals.LABELS.get(k), ions, y, ramp[k]);
        }
        c.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        Map<String, Object> data = new LinkedHashMap<>(Map.of("intervals", new LinkedHashMap<>(byIon)));
        return Figure.single("se-intervals", PaperSize.DOUBLE_COLUMN.withHeight(3.0), c, data);
    }

    /**
     * Maximal misfits (MEPD) of one test set (seed 003, figure 5): scatter of misfit value against
     * energy, L3 and L2 clusters in two colours, KDE isocontours of each cluster ({@code levels}
     * levels, the seed uses 6) and the channel mean and standard deviation of the test spectra.
     */
    public static Figure misfitScatter(SpectrumEvaluation ev, int levels) {
        if (levels < 1) throw new IllegalArgumentException("levels = " + levels + ", expected >= 1");
        MepdAnalysis m = ev.mepd();
        double[] e = m.grid().energiesEv();
        XYChart c = xy(ev.label(), "energy (eV)", ev.mode() == org.coreloss.eval.PeakMisfit.Mode.PEAK ? "max. misfit / intensity" : "KS distance");
        Color[] col = {PaperTheme.BLUE, PaperTheme.ORANGE};
        String[] name = {"L3", "L2"};
        Map<String, Object> data = new LinkedHashMap<>();
        List<Object> contourData = new ArrayList<>();
        for (int cl = 0; cl < 2; cl++) {
            double[] x = m.energiesEv(cl), y = m.values(cl);
            if (x.length > 0) scatter(c, name[cl] + " (" + x.length + ")", x, y, col[cl], 2);
            data.put("energies" + name[cl], x); data.put("values" + name[cl], y);
            if (x.length >= 3) {
                DensityGrid d = m.density(cl, 60, 60, Bandwidth.SCOTT);
                double[] lv = Contours.levels(d.z(), levels);
                int k = 0;
                for (double level : lv) {
                    for (Contours.Polyline pl : Contours.isolines(d.x(), d.y(), d.z(), level)) {
                        if (pl.size() < 2) continue;
                        XYSeries s = line(c, "kde " + name[cl] + " " + (k++), pl.x(), pl.y(), col[cl].darker(), 0.6f, false);
                        s.setShowInLegend(false);
                        contourData.add(pl);
                    }
                }
            }
        }
        line(c, "mean \u03bc", e, ev.mean(), PaperTheme.GREEN, 1.0f, false);
        line(c, "std \u03c3", e, ev.std(), PaperTheme.PURPLE, 1.0f, true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setXAxisMin(e[0]).setXAxisMax(e[e.length - 1]);
        c.getStyler().setYAxisMin(0.0);
        data.put("mean", ev.mean().clone()); data.put("std", ev.std().clone()); data.put("contours", contourData);
        data.put("splitEv", m.splitEv());
        return Figure.single("mepd", PaperSize.SINGLE_COLUMN.withHeight(2.6), c, data);
    }

    /** r_MEPD = N_L3 / N_L2 per ion (seed 003, figure 6). */
    public static Figure mepdRatioBars(Map<String, MepdAnalysis> byIon) {
        if (byIon.isEmpty()) throw new IllegalArgumentException("mepdRatioBars: no ions");
        List<String> ions = new ArrayList<>(byIon.keySet());
        List<Double> r = new ArrayList<>();
        for (String ion : ions) r.add(byIon.get(ion).ratio());
        CategoryChart c = category(null, null, "N(L3) / N(L2)");
        bar(c, "r_MEPD", ions, r, PaperTheme.BLUE);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setXAxisLabelRotation(ions.size() > 6 ? 90 : 0);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ions", ions); data.put("ratios", r);
        return Figure.single("mepd-ratio", PaperSize.DOUBLE_COLUMN.withHeight(2.5), c, data);
    }

    /** r_MEPD (log scale) against the L3/L2 branching ratio of the mean test spectrum, labelled by ion (figure 7). */
    public static Figure branchingRelation(Map<String, MepdAnalysis> byIon) {
        if (byIon.isEmpty()) throw new IllegalArgumentException("branchingRelation: no ions");
        List<String> ions = new ArrayList<>(byIon.keySet());
        double[] x = new double[ions.size()], y = new double[ions.size()];
        for (int i = 0; i < ions.size(); i++) {
            MepdAnalysis m = byIon.get(ions.get(i));
            x[i] = m.branchingRatio();
            y[i] = m.ratio();
            if (!(y[i] > 0) || !Double.isFinite(y[i])) throw new IllegalArgumentException("branchingRelation: r_MEPD of " + ions.get(i) + " is " + y[i] + ", expected a finite value > 0 for a log axis");
        }
        XYChart c = xy(null, "I(L3) / I(L2) of \u03bc", "r_MEPD (log)");
        scatter(c, "ions", x, y, PaperTheme.BLUE, 4);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmicDecadeOnly(false);
        c.getStyler().setYAxisMin(min(y) / 1.5).setYAxisMax(max(y) * 1.8);
        c.getStyler().setLegendVisible(false);
        for (int i = 0; i < ions.size(); i++) c.addAnnotation(new AnnotationText(ions.get(i), x[i], y[i] * 1.12, false));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ions", ions); data.put("branchingRatio", x); data.put("ratio", y);
        return Figure.single("branching-relation", PaperSize.SINGLE_COLUMN, c, data);
    }

    /** Pearson correlations of figure 8 per ion: (a) SE_c, (b) M_KST, (c) N_KST against mu and sigma. */
    public static Figure correlationBars(Map<String, ChannelCorrelations> byIon) {
        if (byIon.isEmpty()) throw new IllegalArgumentException("correlationBars: no ions");
        List<String> ions = new ArrayList<>(byIon.keySet());
        String[] titles = {"SE_c", "max. misfit M_KST", "misfit count N_KST"};
        List<CategoryChart> charts = new ArrayList<>();
        double[][] mu = new double[3][ions.size()], sd = new double[3][ions.size()];
        for (int i = 0; i < ions.size(); i++) {
            double[] v = byIon.get(ions.get(i)).values();
            for (int p = 0; p < 3; p++) { mu[p][i] = v[2 * p]; sd[p][i] = v[2 * p + 1]; }
        }
        for (int p = 0; p < 3; p++) {
            CategoryChart c = category(titles[p], null, "Pearson \u03c1");
            bar(c, "vs \u03bc", ions, box(mu[p]), PaperTheme.GREEN);
            bar(c, "vs \u03c3", ions, box(sd[p]), PaperTheme.PURPLE);
            c.getStyler().setLegendVisible(p == 0);
            c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            c.getStyler().setYAxisMin(Math.min(0.0, Math.min(min(mu[p]), min(sd[p])))).setYAxisMax(1.25);
            c.getStyler().setXAxisLabelRotation(ions.size() > 6 ? 90 : 0);
            charts.add(c);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ions", ions); data.put("correlations", new LinkedHashMap<>(byIon));
        return Figure.grid("correlations", PaperSize.DOUBLE_COLUMN.withHeight(2.4), charts, 3, data);
    }

    /**
     * Extrapolation (seed 003, figure 9b): SE against the parameter (matches green, outliers blue),
     * the GP mean with its 95 % band, the 10 % threshold, and r_f per bin with the 95 % marker.
     */
    public static Figure extrapolation(String title, String parameterName, ExtrapolationAnalysis ex) {
        List<Double> mx = new ArrayList<>(), my = new ArrayList<>(), ox = new ArrayList<>(), oy = new ArrayList<>();
        for (int j = 0; j < ex.se().length; j++) {
            if (ex.se()[j] < SeIntervals.OUTLIER_THRESHOLD) { mx.add(ex.parameter()[j]); my.add(ex.se()[j]); }
            else { ox.add(ex.parameter()[j]); oy.add(Double.isFinite(ex.se()[j]) ? ex.se()[j] : 1.0); }
        }
        XYChart c = xy(title, parameterName, "SE");
        if (!mx.isEmpty()) scatter(c, "match", unbox(mx), unbox(my), PaperTheme.GREEN, 2);
        if (!ox.isEmpty()) scatter(c, "outlier", unbox(ox), unbox(oy), PaperTheme.BLUE, 2);
        line(c, "GP mean", ex.curveX(), ex.curveMean(), Color.BLACK, 1.2f, false);
        line(c, "95 % band", ex.curveX(), ex.curveUpper(), Color.BLACK, 0.6f, true);
        line(c, "lower", ex.curveX(), ex.curveLower(), Color.BLACK, 0.6f, true).setShowInLegend(false);
        AnnotationLine thr = new AnnotationLine(SeIntervals.OUTLIER_THRESHOLD, false, false);
        c.addAnnotation(thr);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setYAxisDecimalPattern("0.00");

        XYChart r = xy("r_f", parameterName, "matches / spectra");
        List<Double> bx = new ArrayList<>(), by = new ArrayList<>();
        for (int b = 0; b < ex.binCentres().length; b++) if (Double.isFinite(ex.matchRatio()[b])) { bx.add(ex.binCentres()[b]); by.add(ex.matchRatio()[b]); }
        if (!bx.isEmpty()) {
            XYSeries s = line(r, "r_f", unbox(bx), unbox(by), PaperTheme.BLUE, 1.0f, false);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        r.addAnnotation(new AnnotationLine(0.95, false, false));
        r.addAnnotation(new AnnotationLine(ex.marker(), true, false));
        r.getStyler().setYAxisMin(0.0).setYAxisMax(1.05);
        r.getStyler().setXAxisMin(ex.curveX()[0]).setXAxisMax(ex.curveX()[ex.curveX().length - 1]);
        r.getStyler().setLegendVisible(false);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("parameter", ex.parameter().clone()); data.put("se", ex.se().clone());
        data.put("curveX", ex.curveX().clone()); data.put("curveMean", ex.curveMean().clone());
        data.put("matchRatio", ex.matchRatio().clone()); data.put("binCentres", ex.binCentres().clone());
        data.put("marker", ex.marker()); data.put("reliableFraction", ex.reliableFraction());
        return new Figure("extrapolation", PaperSize.DOUBLE_COLUMN.withHeight(2.8), List.of(
                new Figure.Panel(c, 0, 0, 0.64, 1), new Figure.Panel(r, 0.64, 0, 0.36, 1)), data);
    }

    /** GP curves of SE against the parameter for several ions (seed 003, figure 9c). */
    public static Figure gpCurves(String parameterName, Map<String, ExtrapolationAnalysis> byIon) {
        if (byIon.isEmpty()) throw new IllegalArgumentException("gpCurves: no ions");
        XYChart c = xy(null, parameterName, "SE (GP mean)");
        int k = 0;
        Map<String, Object> data = new LinkedHashMap<>();
        for (Map.Entry<String, ExtrapolationAnalysis> e : byIon.entrySet()) {
            line(c, e.getKey(), e.getValue().curveX(), e.getValue().curveMean(), PaperTheme.PALETTE[k++ % PaperTheme.PALETTE.length], 1.0f, false);
            data.put(e.getKey(), e.getValue().curveMean().clone());
        }
        c.addAnnotation(new AnnotationLine(SeIntervals.OUTLIER_THRESHOLD, false, false));
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return Figure.single("gp-curves", PaperSize.SINGLE_COLUMN, c, data);
    }

    /** SE_max against the number of outliers per ion (seed 003, figure 9a). */
    public static Figure outlierOverview(Map<String, SeIntervals> byIon) {
        if (byIon.isEmpty()) throw new IllegalArgumentException("outlierOverview: no ions");
        List<String> ions = new ArrayList<>(byIon.keySet());
        double[] x = new double[ions.size()], y = new double[ions.size()];
        for (int i = 0; i < ions.size(); i++) { x[i] = byIon.get(ions.get(i)).outliers(); y[i] = byIon.get(ions.get(i)).maxSe(); }
        XYChart c = xy(null, "number of outliers N_O", "SE_max");
        scatter(c, "ions", x, y, PaperTheme.BLUE, 4);
        c.getStyler().setLegendVisible(false);
        for (int i = 0; i < ions.size(); i++) c.addAnnotation(new AnnotationText(ions.get(i), x[i], y[i], false));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ions", ions); data.put("outliers", x); data.put("maxSe", y);
        return Figure.single("outlier-overview", PaperSize.SINGLE_COLUMN, c, data);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Puts the x axis on multiples of a round step (1, 2 or 5 × 10^n) around [lo, hi], so that XChart's ticks fall on
     * round numbers instead of on the first data point (which gave 15-digit tick labels). A limit less than 1 % of
     * the range beyond a round number is snapped to it.
     */
    static void roundXAxis(XYChart c, double lo, double hi) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) return;
        double raw = (hi - lo) / 5, mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        // a limit within 1 % of the range beyond a round number snaps to it (clips a sliver of the axis, not a wasted tick)
        double tol = 0.01 * (hi - lo) / step;
        c.getStyler().setXAxisMin(Math.floor(lo / step + Math.min(tol, 0.5)) * step);
        c.getStyler().setXAxisMax(Math.ceil(hi / step - Math.min(tol, 0.5)) * step);
        c.getStyler().setXAxisDecimalPattern(step >= 1 ? "0" : step >= 0.1 ? "0.0" : "0.00");
    }

    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(252).height(200).title(title == null ? "" : title)
                .xAxisTitle(xTitle == null ? "" : xTitle).yAxisTitle(yTitle == null ? "" : yTitle).build();
        PaperTheme.apply(c);
        if (xTitle == null) c.getStyler().setXAxisTitleVisible(false);
        if (yTitle == null) c.getStyler().setYAxisTitleVisible(false);
        return c;
    }

    static CategoryChart category(String title, String xTitle, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(252).height(200).title(title == null ? "" : title)
                .xAxisTitle(xTitle == null ? "" : xTitle).yAxisTitle(yTitle == null ? "" : yTitle).build();
        PaperTheme.apply(c);
        if (xTitle == null) c.getStyler().setXAxisTitleVisible(false);
        c.getStyler().setAvailableSpaceFill(0.8);
        return c;
    }

    static XYSeries scatter(XYChart c, String name, double[] x, double[] y, Color color, int markerSizePt) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        c.getStyler().setMarkerSize(markerSizePt); // XChart sizes markers per chart: the last call wins
        return s;
    }

    static XYSeries line(XYChart c, String name, double[] x, double[] y, Color color, float widthPt, boolean dashed) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(dashed ? PaperTheme.dashed(widthPt) : PaperTheme.solid(widthPt));
        return s;
    }

    static CategorySeries bar(CategoryChart c, String name, List<String> x, List<Double> y, Color color) {
        CategorySeries s = c.addSeries(name, x, y);
        s.setFillColor(color);
        return s;
    }

    private static XYChart marginal(boolean vertical) {
        XYChart c = xy(null, null, null);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setAxisTicksVisible(false);
        c.getStyler().setPlotBorderVisible(false);
        c.getStyler().setChartPadding(0);
        if (vertical) c.getStyler().setXAxisMin(0.0); else c.getStyler().setYAxisMin(0.0);
        return c;
    }

    /** Histogram as a staircase outline: normalised counts (density) when {@code density}. */
    static void histogram(XYChart c, String name, double[] v, double lo, double hi, int bins, Color color, boolean vertical, boolean density) {
        double[] counts = new double[bins];
        double w = (hi - lo) / bins;
        for (double x : v) {
            int b = (int) Math.floor((x - lo) / w);
            if (b >= 0 && b < bins) counts[b]++;
            else if (b == bins) counts[bins - 1]++;
        }
        if (density && v.length > 0) for (int b = 0; b < bins; b++) counts[b] /= v.length * w;
        double[] pos = new double[2 * bins + 2], val = new double[2 * bins + 2];
        pos[0] = lo; val[0] = 0;
        for (int b = 0; b < bins; b++) {
            pos[2 * b + 1] = lo + b * w; val[2 * b + 1] = counts[b];
            pos[2 * b + 2] = lo + (b + 1) * w; val[2 * b + 2] = counts[b];
        }
        pos[2 * bins + 1] = hi; val[2 * bins + 1] = 0;
        if (vertical) line(c, name, val, pos, color, 0.8f, false);
        else line(c, name, pos, val, color, 0.8f, false);
    }

    /** A tick-label pattern suited to values up to {@code max}: scientific below 0.01. */
    static String decimalPattern(double max) {
        return max > 0 && max < 0.01 ? "0.0E0" : "0.###";
    }

    private static void same(String what, double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException(what + ": " + a.length + " x values but " + b.length + " y values");
    }
    private static double min(double[]... arrays) { double m = Double.POSITIVE_INFINITY; for (double[] a : arrays) for (double v : a) if (Double.isFinite(v)) m = Math.min(m, v); return m; }
    private static double max(double[]... arrays) { double m = Double.NEGATIVE_INFINITY; for (double[] a : arrays) for (double v : a) if (Double.isFinite(v)) m = Math.max(m, v); return m; }
    private static double[][] deepCopy(double[][] a) { double[][] o = new double[a.length][]; for (int i = 0; i < a.length; i++) o[i] = a[i].clone(); return o; }
    private static List<Double> box(double[] a) { List<Double> l = new ArrayList<>(); for (double v : a) l.add(Double.isFinite(v) ? v : 0.0); return l; }
    private static double[] unbox(List<Double> l) { double[] a = new double[l.size()]; for (int i = 0; i < a.length; i++) a[i] = l.get(i); return a; }
}
