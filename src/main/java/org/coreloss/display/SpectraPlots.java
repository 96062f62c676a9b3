package org.coreloss.display;

import org.coreloss.data.SpectraDataset;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Quick-look charts of spectra (the paper theme's screen variant, laid out in pixels):
 * an overlay of a few spectra of a dataset, energy (eV) against intensity.
 */
public final class SpectraPlots {
    private SpectraPlots() {}

    /** Rows shown: {@code n} evenly spaced over the dataset (all if it has fewer). */
    public static int[] sampleRows(int size, int n) {
        int m = Math.min(size, Math.max(1, n));
        int[] r = new int[m];
        for (int i = 0; i < m; i++) r[i] = (int) ((long) i * size / m);
        return r;
    }

    /** An overlay of up to {@code maxSpectra} spectra (legend = ids). */
    public static XYChart overlay(SpectraDataset d, int maxSpectra) {
        XYChart chart = new XYChartBuilder().width(640).height(360).title(d.name())
                .xAxisTitle("Energy (eV)").yAxisTitle("Intensity (arb. units)").build();
        chart.getStyler().setMarkerSize(0);
        double[] e = d.grid().energiesEv();
        double span = e[e.length - 1] - e[0];
        chart.getStyler().setXAxisDecimalPattern(span >= 20 ? "0" : "0.#");
        double ymax = 0;
        for (int r : sampleRows(d.size(), maxSpectra)) for (int j = 0; j < e.length; j++) ymax = Math.max(ymax, Math.abs(d.spectra().get(r, j)));
        chart.getStyler().setYAxisDecimalPattern(ymax > 0 && (ymax < 0.01 || ymax >= 1e5) ? "0.0E0" : "0.###");
        double ymin = 0;
        for (int r : sampleRows(d.size(), maxSpectra)) for (int j = 0; j < e.length; j++) ymin = Math.min(ymin, d.spectra().get(r, j));
        if (ymax > 0) { // explicit range: XChart's automatic ticks misbehave for tiny values (1e-5)
            chart.getStyler().setYAxisMin(ymin < 0 ? ymin * 1.05 : 0.0);
            chart.getStyler().setYAxisMax(ymax * 1.05);
        }
        for (int r : sampleRows(d.size(), maxSpectra)) {
            String label = d.id(r);
            if (label.length() > 40) label = label.substring(0, 37) + "...";
            XYSeries s = chart.addSeries(label + " #" + r, e, d.spectra().rowAsDouble(r));
            s.setMarker(SeriesMarkers.NONE);
        }
        return org.coreloss.plot.PaperTheme.screen(chart); // fonts for 100 % zoom, legend rule
    }

    /** PNG bytes as base64 (no line breaks), as image/png MIME data. */
    public static String pngBase64(XYChart chart) {
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("rendering chart " + chart.getTitle(), e);
        }
    }
}
