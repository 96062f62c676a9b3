package org.coreloss.display;

import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.multiplet.MultipletSpectrum;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;

/**
 * Notebook renderers for the multiplet simulator: a {@link MultipletSpectrum} as a PNG line chart
 * (title = ion and the nine parameters) and a {@link SpectrumOverlay} as a PNG of its curves; both
 * with a text/plain fallback. Charts are XChart (headless).
 */
public final class MultipletRenderers implements RendererProvider {
    public static final int WIDTH_PX = 720, HEIGHT_PX = 420;

    @Override public void register(DisplayRegistry registry) {
        registry.register(MultipletSpectrum.class, s -> bundle(overlay(s), s.toString()));
        registry.register(SpectrumOverlay.class, o -> bundle(o, "SpectrumOverlay[" + o.title() + ", " + o.series().size() + " curves]"));
    }

    /** The one-curve overlay of a multiplet spectrum. */
    public static SpectrumOverlay overlay(MultipletSpectrum s) {
        MultipletParameters p = s.parameters();
        String title = String.format(Locale.ROOT, "%s  Dq=%.3f Ds=%.3f Dt=%.3f eV  S1=%.2f S2=%.2f  T=%.0f K", s.ion().name(),
                p.dqEv(), p.dsEv(), p.dtEv(), p.s1(), p.s2(), p.temperatureK());
        String label = String.format(Locale.ROOT, "Gauss %.2f, Lorentz %.2f/%.2f eV FWHM", p.gaussianFwhmEv(), p.gamma1FwhmEv(), p.gamma2FwhmEv());
        return SpectrumOverlay.of(title).xLabel("E_f - E_i (eV)").add(label, s);
    }

    static MimeBundle bundle(SpectrumOverlay o, String text) {
        return new MimeBundle().put(MimeBundle.IMAGE_PNG, Base64.getEncoder().encodeToString(png(o, WIDTH_PX, HEIGHT_PX)))
                .put(MimeBundle.TEXT_PLAIN, text);
    }

    /** Renders an overlay to PNG bytes. */
    static byte[] png(SpectrumOverlay o, int widthPx, int heightPx) {
        if (widthPx < 50 || heightPx < 50 || widthPx > 8000 || heightPx > 8000) {
            throw new IllegalArgumentException("chart size " + widthPx + " x " + heightPx + " px, expected 50..8000 each");
        }
        XYChart chart = new XYChartBuilder().width(widthPx).height(heightPx).title(o.title())
                .xAxisTitle(o.xLabel()).yAxisTitle("Intensity (arb. units)").build();
        Styler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setLegendVisible(o.series().size() > 0);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisDecimalPattern("0.#");
        chart.getStyler().setYAxisDecimalPattern("0.##");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (SpectrumOverlay.Series s : o.series()) {
            for (double e : s.energiesEv()) { lo = Math.min(lo, e); hi = Math.max(hi, e); }
        }
        if (lo < hi) { // whole-eV axis ends give round tick labels
            chart.getStyler().setXAxisMin(Math.floor(lo));
            chart.getStyler().setXAxisMax(Math.ceil(hi));
        }
        int i = 0;
        java.util.Set<String> used = new java.util.HashSet<>();
        for (SpectrumOverlay.Series s : o.series()) {
            double[] y = s.intensities().clone();
            double shift = o.offsetStep() * i;
            if (shift != 0) for (int j = 0; j < y.length; j++) y[j] += shift;
            String name = s.label();
            while (!used.add(name)) name = name + " ";
            XYSeries xs = chart.addSeries(name, s.energiesEv(), y);
            xs.setMarker(SeriesMarkers.NONE);
            i++;
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering " + o.title(), e);
        }
    }
}
