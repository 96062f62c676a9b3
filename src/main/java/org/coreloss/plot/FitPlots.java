package org.coreloss.plot;

import org.coreloss.fit.FitResult;
import org.coreloss.fit.IonRanking;
import org.coreloss.stats.Bandwidth;
import org.coreloss.stats.Contours;
import org.coreloss.stats.KernelDensity2D;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figures of a multiplet fit ({@link FitResult}): data and model with residual, corner plot, ion ranking. */
public final class FitPlots {
    private FitPlots() {}

    /** Data (points), model, multiplet part and background; residual (data - model) in a panel below. */
    public static Figure fit(FitResult r) {
        double[] e = r.energiesEv(), y = r.data().intensities(), m = r.model(), bg = r.background(), res = r.residual();
        String title = r.ion() + " on " + r.data().name() + String.format(java.util.Locale.ROOT, " (SE_exp %.3f)", r.seExp());
        XYChart c = Plots.xy(title, null, "intensity (arb. units)");
        XYSeries d = Plots.scatter(c, "data", e, y, Color.BLACK, 2);
        d.setShowInLegend(true);
        Plots.line(c, "fit", e, m, PaperTheme.VERMILLION, 1.2f, false);
        boolean hasBg = false;
        for (double v : bg) if (v != 0) { hasBg = true; break; }
        if (hasBg) {
            Plots.line(c, "background", e, bg, PaperTheme.BLUE, 0.9f, true);
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        double lo = Math.floor(e[0]), hi = Math.ceil(e[e.length - 1]);
        c.getStyler().setXAxisMin(lo).setXAxisMax(hi);
        XYChart rc = Plots.xy(null, "photon energy (eV)", "residual");
        Plots.line(rc, "data - fit", e, res, PaperTheme.GREY.darker(), 0.8f, false);
        Plots.line(rc, "zero", new double[] {lo, hi}, new double[] {0, 0}, Color.BLACK, 0.5f, true);
        rc.getStyler().setLegendVisible(false);
        rc.getStyler().setYAxisDecimalPattern("0.###");
        rc.getStyler().setXAxisMin(lo).setXAxisMax(hi);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("energiesEv", e); data.put("data", y); data.put("model", m); data.put("background", bg); data.put("residual", res);
        return new Figure("fit", PaperSize.SINGLE_COLUMN.withHeight(3.2), List.of(
                new Figure.Panel(c, 0, 0, 1, 0.72), new Figure.Panel(rc, 0, 0.72, 1, 0.28)), data);
    }

    /**
     * Corner plot of the posterior samples of {@code names} (free parameters): histograms on the
     * diagonal, pairwise kernel-density contours (stats.KernelDensity2D, Scott bandwidth, full
     * covariance; contours at 3 density levels) below it, the best fit as a red point.
     */
    public static Figure corner(FitResult r, List<String> names) {
        int k = names.size();
        if (k < 2) throw new IllegalArgumentException("corner plot needs at least 2 parameters, got " + names);
        double[][] s = r.samples();
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
            idx[i] = r.freeNames().indexOf(names.get(i));
            if (idx[i] < 0) throw new IllegalArgumentException("'" + names.get(i) + "' is not a free parameter; free: " + r.freeNames());
        }
        // thin to at most 1500 samples for the KDE
        int step = Math.max(1, s.length / 1500);
        int n = s.length / step;
        double[][] cols = new double[k][n];
        for (int i = 0; i < k; i++) for (int j = 0; j < n; j++) cols[i][j] = s[j * step][idx[i]];
        List<Figure.Panel> panels = new ArrayList<>();
        double w = 1.0 / k;
        for (int row = 0; row < k; row++) {
            for (int col = 0; col <= row; col++) {
                String xt = row == k - 1 ? names.get(col) : null;
                Chart<?, ?> chart;
                if (row == col) {
                    chart = histogram(cols[col], xt, r.summary(names.get(col)));
                } else {
                    String yt = col == 0 ? names.get(row) : null;
                    XYChart c = Plots.xy(null, xt, yt);
                    c.getStyler().setLegendVisible(false);
                    double[] x = cols[col], y = cols[row];
                    try {
                        KernelDensity2D kde = KernelDensity2D.fit(x, y, Bandwidth.SCOTT, KernelDensity2D.Shape.FULL);
                        double[] gx = grid(x, 40), gy = grid(y, 40);
                        double[][] z = kde.densityGrid(gx, gy);
                        double[] lv = Contours.levels(z, 3);
                        int q = 0;
                        for (double level : lv) {
                            for (Contours.Polyline pl : Contours.isolines(gx, gy, z, level)) {
                                if (pl.size() < 2) continue;
                                Plots.line(c, "c" + q++, pl.x(), pl.y(), PaperTheme.BLUE, 0.7f, false);
                            }
                        }
                        c.getStyler().setXAxisMin(gx[0]).setXAxisMax(gx[gx.length - 1]).setYAxisMin(gy[0]).setYAxisMax(gy[gy.length - 1]);
                    } catch (IllegalArgumentException degenerate) {
                        Plots.scatter(c, "samples", x, y, PaperTheme.BLUE, 1);
                    }
                    Plots.scatter(c, "best", new double[] {r.best(names.get(col))}, new double[] {r.best(names.get(row))}, PaperTheme.VERMILLION, 3);
                    chart = c;
                }
                panels.add(new Figure.Panel(chart, col * w, row * w, w, w));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("names", names);
        data.put("samples", cols);
        double side = Math.min(7.0, 1.4 * k + 0.3);
        return new Figure("corner", new PaperSize(side, side, 300), panels, data);
    }

    private static double[] grid(double[] v, int n) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double x : v) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        double pad = 0.15 * (hi - lo);
        if (!(pad > 0)) pad = Math.max(1e-9, Math.abs(lo) * 1e-3);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = lo - pad + (hi - lo + 2 * pad) * i / (n - 1);
        return g;
    }

    private static XYChart histogram(double[] v, String xTitle, FitResult.Summary s) {
        int bins = 30;
        double[] g = grid(v, bins + 1);
        double[] h = new double[bins];
        double width = g[1] - g[0];
        for (double x : v) {
            int b = (int) Math.floor((x - g[0]) / width);
            if (b >= 0 && b < bins) h[b]++;
        }
        double[] xs = new double[2 * bins], ys = new double[2 * bins];
        for (int b = 0; b < bins; b++) {
            xs[2 * b] = g[b]; xs[2 * b + 1] = g[b + 1];
            ys[2 * b] = h[b]; ys[2 * b + 1] = h[b];
        }
        XYChart c = Plots.xy(null, xTitle, null);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setYAxisTicksVisible(false);
        Plots.line(c, "hist", xs, ys, PaperTheme.BLUE, 0.8f, false);
        double top = 0;
        for (double x : h) top = Math.max(top, x);
        for (double q : new double[] {s.q16(), s.q84()}) Plots.line(c, "q" + q, new double[] {q, q}, new double[] {0, top}, PaperTheme.GREY, 0.6f, true);
        Plots.line(c, "median", new double[] {s.median(), s.median()}, new double[] {0, top}, Color.BLACK, 0.8f, false);
        c.getStyler().setXAxisMin(g[0]).setXAxisMax(g[bins]).setYAxisMin(0.0);
        return c;
    }

    /** The ion ranking: dBIC per candidate (bars) with SE_exp in the labels. */
    public static Figure ranking(IonRanking r) {
        List<String> names = new ArrayList<>();
        List<Double> d = new ArrayList<>();
        for (IonRanking.Entry e : r.entries()) {
            if (e.fit() == null) continue;
            names.add(e.ion() + String.format(java.util.Locale.ROOT, " (SE %.2f)", e.fit().seExp()));
            d.add(Math.max(e.deltaBic(), 1e-3));
        }
        CategoryChart c = Plots.category("ion ranking: " + r.data(), null, "\u0394BIC to best");
        CategorySeries s = c.addSeries("\u0394BIC", names, d);
        s.setFillColor(PaperTheme.BLUE);
        c.getStyler().setLegendVisible(false);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ions", names); data.put("deltaBic", d);
        return Figure.single("ion-ranking", PaperSize.SINGLE_COLUMN.withHeight(2.2), c, data);
    }
}
