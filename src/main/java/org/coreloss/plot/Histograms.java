package org.coreloss.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.XYChart;

/**
 * Overlaid histograms of per-spectrum errors (seed 002, figure 2: the MSE of every test spectrum for
 * models with and without an extra input). All series share one set of bins spanning the pooled
 * finite values; with {@code logBins} the bins are uniform in log10 of the error (non-positive values
 * are dropped) and the x axis is labelled log10. Heights are fractions of each series' spectra, drawn
 * as step lines so that overlapping distributions stay readable.
 */
public final class Histograms {
    private static final Color[] COLORS = {PaperTheme.BLUE, PaperTheme.VERMILLION, Color.BLACK, Color.GRAY};

    private Histograms() {}

    /** Bin edges (bins + 1 values) and fractions per series, as stored in the figure's data. */
    public record Binned(double[] edges, Map<String, double[]> fractions) {}

    /**
     * Bins {@code errors} (series name -> values) into {@code bins} common bins.
     *
     * @param bins     number of bins, >= 1
     * @param logBins  bin log10 of the values (values <= 0 dropped)
     */
    public static Binned bin(Map<String, double[]> errors, int bins, boolean logBins) {
        if (bins < 1) throw new IllegalArgumentException("bins = " + bins + ", expected >= 1");
        if (errors == null || errors.isEmpty()) throw new IllegalArgumentException("errors must hold at least one series");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        Map<String, double[]> xs = new LinkedHashMap<>();
        for (var e : errors.entrySet()) {
            List<Double> kept = new ArrayList<>();
            for (double v : e.getValue()) {
                if (!Double.isFinite(v) || (logBins && v <= 0)) continue;
                double x = logBins ? Math.log10(v) : v;
                kept.add(x);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            xs.put(e.getKey(), kept.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (lo > hi) throw new IllegalArgumentException("errors hold no finite" + (logBins ? " positive" : "") + " value");
        if (hi == lo) { lo -= 0.5; hi += 0.5; }
        double w = (hi - lo) / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) edges[i] = lo + i * w;
        Map<String, double[]> fr = new LinkedHashMap<>();
        for (var e : xs.entrySet()) {
            double[] f = new double[bins];
            for (double x : e.getValue()) f[Math.min(bins - 1, (int) ((x - lo) / w))]++;
            int n = e.getValue().length;
            if (n > 0) for (int i = 0; i < bins; i++) f[i] /= n;
            fr.put(e.getKey(), f);
        }
        return new Binned(edges, fr);
    }

    /** The figure: one step line per series (at most four colours cycle). */
    public static Figure errors(String title, String errorName, Map<String, double[]> errors, int bins, boolean logBins) {
        Binned b = bin(errors, bins, logBins);
        XYChart c = Plots.xy(title, logBins ? "log10 " + errorName : errorName, "fraction of spectra");
        int k = 0;
        for (var e : b.fractions().entrySet()) {
            double[] f = e.getValue();
            double[] x = new double[2 * f.length], y = new double[2 * f.length];
            for (int i = 0; i < f.length; i++) {
                x[2 * i] = b.edges()[i]; x[2 * i + 1] = b.edges()[i + 1];
                y[2 * i] = f[i]; y[2 * i + 1] = f[i];
            }
            Plots.line(c, e.getKey(), x, y, COLORS[k % COLORS.length], 1.2f, k % 2 == 1);
            k++;
        }
        Plots.roundXAxis(c, b.edges()[0], b.edges()[b.edges().length - 1]);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("edges", b.edges());
        data.put("fractions", b.fractions());
        data.put("logBins", logBins);
        return Figure.single("error-histograms", PaperSize.SINGLE_COLUMN, c, data);
    }
}
