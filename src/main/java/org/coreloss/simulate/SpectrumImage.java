package org.coreloss.simulate;

import org.coreloss.data.SpectraDataset;
import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.progress.ProgressListener;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.SpectrumMatrix;
import org.hipparchus.random.RandomDataGenerator;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A synthetic spectrum image (a STEM-EELS or scanning-XAS map stand-in): {@code width x height} pixels, each a
 * seed-003 multiplet spectrum (501 channels, box-normalised) of one ion whose crystal field varies smoothly in
 * space, with counting noise. As fractions of the ion's Table 1 range ({@link Table1Ranges}):
 * <ul>
 * <li>Dq: 0.3 -> 0.7 from left to right (x);</li>
 * <li>Ds: 0.3 -> 0.7 from top to bottom (y);</li>
 * <li>Dt: 0.35 + 0.3 g(x, y), g a Gaussian bump of sigma width/4 pixels at the centre;</li>
 * <li>the other six (S1, S2, T, Gaussian FWHM, L3/L2 Lorentzian FWHM) at mid-range, fixed.</li>
 * </ul>
 * Noise: each channel's counts are Poisson with mean {@code peakCounts} x intensity, divided back by
 * {@code peakCounts} (so the noiseless peak is 1; SNR at the peak = sqrt(peakCounts)). Seeded: the same spec gives
 * the same bytes. Row {@code r} is pixel (x = r mod width, y = r / width); labels: {@code id}, {@code x_px},
 * {@code y_px} and the nine true parameters ({@link ParameterSpace#NAMES}).
 */
public final class SpectrumImage {
    /** What to make. */
    public record Spec(String ion, int width, int height, double peakCounts, long seed) {
        public Spec {
            Objects.requireNonNull(ion, "ion");
            Ions.get(ion);
            if (width < 1 || height < 1 || (long) width * height > 4_000_000) {
                throw new IllegalArgumentException("image " + width + " x " + height + ": expected 1..4,000,000 pixels");
            }
            if (!(peakCounts > 0) || Double.isInfinite(peakCounts)) throw new IllegalArgumentException("peakCounts = " + peakCounts + ", expected > 0");
        }

        /** The 64 x 64 Ni2+ map of the scale-out notebook: 1000 counts at the peak. */
        public static Spec ni2Default() {
            return new Spec("Ni2+", 64, 64, 1000, 1);
        }
    }

    private SpectrumImage() {}

    /** The nine true parameters of pixel (x, y), in {@link ParameterSpace#NAMES} order. */
    public static double[] parameters(Spec spec, int x, int y) {
        ParameterSpace space = Table1Ranges.forIon(spec.ion());
        double fx = spec.width() == 1 ? 0.5 : x / (double) (spec.width() - 1);
        double fy = spec.height() == 1 ? 0.5 : y / (double) (spec.height() - 1);
        double cx = (spec.width() - 1) / 2.0, cy = (spec.height() - 1) / 2.0, s = Math.max(1, spec.width() / 4.0);
        double bump = Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * s * s));
        double[] u = new double[ParameterSpace.NAMES.size()];
        java.util.Arrays.fill(u, 0.5);
        u[0] = 0.3 + 0.4 * fx;
        u[1] = 0.3 + 0.4 * fy;
        u[2] = 0.35 + 0.3 * bump;
        return space.at(u);
    }

    /** Computes the image on {@code threads} threads (progress in pixels). */
    public static SpectraDataset make(Spec spec, MultipletEngine engine, int threads, ProgressListener listener) {
        int n = spec.width() * spec.height();
        List<double[]> values = new ArrayList<>(n);
        List<MultipletParameters> params = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            double[] v = parameters(spec, r % spec.width(), r / spec.width());
            values.add(v);
            params.add(ParameterSpace.toMultipletParameters(v));
        }
        SpectrumMatrix clean = engine.spectra(Ions.get(spec.ion()), params, threads, listener);
        RandomDataGenerator rng = RandomDataGenerator.of(new org.hipparchus.random.Well19937c(spec.seed()));
        float[][] noisy = new float[n][];
        for (int r = 0; r < n; r++) {
            float[] row = clean.row(r);
            float[] out = new float[row.length];
            for (int c = 0; c < row.length; c++) {
                double mean = spec.peakCounts() * Math.max(0, row[c]);
                out[c] = (float) ((mean > 0 ? rng.nextPoisson(mean) : 0) / spec.peakCounts());
            }
            noisy[r] = out;
        }
        String[] ids = new String[n];
        int[] xs = new int[n], ys = new int[n];
        for (int r = 0; r < n; r++) {
            xs[r] = r % spec.width();
            ys[r] = r / spec.width();
            ids[r] = String.format(Locale.ROOT, "px-%04d-%04d", ys[r], xs[r]);
        }
        Table t = Table.create("labels", StringColumn.create(SpectraDataset.ID, ids), IntColumn.create("x_px", xs), IntColumn.create("y_px", ys));
        for (int j = 0; j < ParameterSpace.NAMES.size(); j++) {
            double[] col = new double[n];
            for (int r = 0; r < n; r++) col[r] = values.get(r)[j];
            t.addColumns(DoubleColumn.create(ParameterSpace.NAMES.get(j), col));
        }
        String name = String.format(Locale.ROOT, "%s spectrum image %dx%d (%.0f counts at the peak, seed %d)",
                spec.ion(), spec.width(), spec.height(), spec.peakCounts(), spec.seed());
        return SpectraDataset.of(name, SpectrumMatrix.of(clean.grid(), noisy), t)
                .withHistory(List.of(Step.of("spectrum-image", "ion", spec.ion(), "width", spec.width(), "height", spec.height(),
                        "peakCounts", spec.peakCounts(), "seed", spec.seed(),
                        "maps", "Dq 0.3->0.7 (x), Ds 0.3->0.7 (y), Dt 0.35+0.3 bump; others 0.5 of the Table 1 range",
                        "noise", "Poisson(peakCounts * intensity) / peakCounts")));
    }
}
