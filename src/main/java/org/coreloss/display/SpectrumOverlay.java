package org.coreloss.display;

import org.coreloss.multiplet.MultipletSpectrum;
import org.coreloss.spectrum.Spectrum;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several spectra drawn over each other as one line chart (energy in eV on x, intensity on y) for
 * notebooks: parameter scans, symmetry comparisons, a simulation over a reference. Build with
 * {@link #of(String)} and {@link #add}; optional vertical offset between curves ({@link #offset}).
 * Rendered to PNG by {@link MultipletRenderers}; {@link #toPng} gives the bytes directly.
 *
 * @param title        chart title
 * @param xLabel       x axis label (the energies are in eV)
 * @param series       the curves, drawn in order
 * @param offsetStep   vertical shift added per curve (0 = plain overlay)
 */
public record SpectrumOverlay(String title, String xLabel, List<Series> series, double offsetStep) {
    /** One curve: a legend label, energies (eV, increasing) and intensities. */
    public record Series(String label, double[] energiesEv, double[] intensities) {
        public Series {
            Objects.requireNonNull(label, "label");
            if (energiesEv.length != intensities.length) {
                throw new IllegalArgumentException("series " + label + ": " + energiesEv.length + " energies but "
                        + intensities.length + " intensities");
            }
            if (energiesEv.length < 1) throw new IllegalArgumentException("series " + label + ": expected at least one point");
        }
    }

    public SpectrumOverlay {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        series = List.copyOf(series);
        if (!Double.isFinite(offsetStep)) throw new IllegalArgumentException("offsetStep = " + offsetStep + ", expected a finite number");
    }

    /** An empty overlay with x label "Energy (eV)". */
    public static SpectrumOverlay of(String title) {
        return new SpectrumOverlay(title, "Energy (eV)", List.of(), 0.0);
    }

    /** A copy with one more curve. */
    public SpectrumOverlay add(String label, double[] energiesEv, double[] intensities) {
        List<Series> s = new ArrayList<>(series);
        s.add(new Series(label, energiesEv.clone(), intensities.clone()));
        return new SpectrumOverlay(title, xLabel, s, offsetStep);
    }

    /** A copy with a {@link Spectrum} added. */
    public SpectrumOverlay add(String label, Spectrum s) {
        return add(label, s.grid().energiesEv(), s.intensities());
    }

    /** A copy with a multiplet spectrum added. */
    public SpectrumOverlay add(String label, MultipletSpectrum s) {
        return add(label, s.toSpectrum());
    }

    /** A copy with each curve shifted up by {@code step} times its index. */
    public SpectrumOverlay offset(double step) {
        return new SpectrumOverlay(title, xLabel, series, step);
    }

    /** A copy with another x label. */
    public SpectrumOverlay xLabel(String label) {
        return new SpectrumOverlay(title, label, series, offsetStep);
    }

    /** PNG bytes of the chart ({@code widthPx} x {@code heightPx}). */
    public byte[] toPng(int widthPx, int heightPx) {
        return MultipletRenderers.png(this, widthPx, heightPx);
    }
}
