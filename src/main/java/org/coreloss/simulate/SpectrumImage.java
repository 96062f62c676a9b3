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
 * <li>Dq: 0.3 -> 0.7 from left to right (x) (Ni2+: 10Dq 0.6 -> 1.4 eV);</li>
 * <li>Ds: 0.45 -> 0.55 from top to bottom (y) (a weak tetragonal distortion; Ni2+: -0.14 -> 0.14 eV);</li>
 * <li>Dt: 0.47 + 0.06 g(x, y), g a Gaussian bump of sigma width/4 pixels at the centre (Ni2+: -0.05 -> 0.05 eV);</li>
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
        u[1] = 0.45 + 0.1 * fy;
        u[2] = 0.47 + 0.06 * bump;
        return space.at(u);
    }

    /** Computes the image on {@code threads} threads (progress in pixels). */
    public static SpectraDataset make(Spec spec, MultipletEngine engine, int threads, ProgressListener listener) {
        int n = spec.width() * spec.height();
        List<double[]> values = new ArrayList<>(n);
        String[] ids = new String[n];
        int[] xs = new int[n], ys = new int[n];
        for (int r = 0; r < n; r++) {
            xs[r] = r % spec.width();
            ys[r] = r / spec.width();
            ids[r] = String.format(Locale.ROOT, "px-%04d-%04d", ys[r], xs[r]);
            values.add(parameters(spec, xs[r], ys[r]));
        }
        Table t = Table.create("labels", StringColumn.create(SpectraDataset.ID, ids), IntColumn.create("x_px", xs), IntColumn.create("y_px", ys));
        String name = String.format(Locale.ROOT, "%s spectrum image %dx%d (%.0f counts at the peak, seed %d)",
                spec.ion(), spec.width(), spec.height(), spec.peakCounts(), spec.seed());
        return simulate(spec, values, t, spec.seed(), engine, threads, listener).withName(name)
                .withHistory(List.of(Step.of("spectrum-image", "ion", spec.ion(), "width", spec.width(), "height", spec.height(),
                        "peakCounts", spec.peakCounts(), "seed", spec.seed(),
                        "maps", "Dq 0.3->0.7 (x), Ds 0.45->0.55 (y), Dt 0.47+0.06 bump; others 0.5 of the Table 1 range",
                        "noise", "Poisson(peakCounts * intensity) / peakCounts")));
    }

    /**
     * A training set for reading the image's maps back: {@code n} spectra with Dq, Ds and Dt drawn (Latin hypercube,
     * {@code seed}) over 0.25..0.75, 0.43..0.57 and 0.45..0.55 of their Table 1 ranges (covering the image's) and the other six
     * parameters at the image's fixed mid-range values (in an experiment: calibrated broadening and temperature),
     * with the image's counting noise (noise seed {@code seed + 1}). Labels: {@code id} and the nine parameters.
     */
    public static SpectraDataset trainingSet(Spec spec, int n, long seed, MultipletEngine engine, int threads, ProgressListener listener) {
        if (n < 1) throw new IllegalArgumentException("n = " + n + ", expected >= 1");
        double[][] u3 = Sampler.LHS.unitPoints(n, 3, new java.util.SplittableRandom(seed));
        ParameterSpace space = Table1Ranges.forIon(spec.ion());
        List<double[]> values = new ArrayList<>(n);
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            double[] u = new double[ParameterSpace.NAMES.size()];
            java.util.Arrays.fill(u, 0.5);
            u[0] = 0.25 + 0.5 * u3[i][0];
            u[1] = 0.43 + 0.14 * u3[i][1];
            u[2] = 0.45 + 0.1 * u3[i][2];
            values.add(space.at(u));
            ids[i] = String.format(Locale.ROOT, "train-%06d", i);
        }
        Table t = Table.create("labels", StringColumn.create(SpectraDataset.ID, ids));
        return simulate(spec, values, t, seed + 1, engine, threads, listener)
                .withName(String.format(Locale.ROOT, "%s image training set (%d spectra, seed %d)", spec.ion(), n, seed))
                .withHistory(List.of(Step.of("spectrum-image-training-set", "ion", spec.ion(), "n", n, "seed", seed,
                        "ranges", "Dq 0.25..0.75, Ds 0.43..0.57, Dt 0.45..0.55 of Table 1 (LHS); others 0.5", "peakCounts", spec.peakCounts())));
    }

    /** Engine spectra of {@code values} with Poisson counting noise; the table gets the nine parameter columns. */
    private static SpectraDataset simulate(Spec spec, List<double[]> values, Table t, long noiseSeed, MultipletEngine engine,
                                           int threads, ProgressListener listener) {
        int n = values.size();
        List<MultipletParameters> params = new ArrayList<>(n);
        for (double[] v : values) params.add(ParameterSpace.toMultipletParameters(v));
        SpectrumMatrix clean = engine.spectra(Ions.get(spec.ion()), params, threads, listener);
        RandomDataGenerator rng = RandomDataGenerator.of(new org.hipparchus.random.Well19937c(noiseSeed));
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
        for (int j = 0; j < ParameterSpace.NAMES.size(); j++) {
            double[] col = new double[n];
            for (int r = 0; r < n; r++) col[r] = values.get(r)[j];
            t.addColumns(DoubleColumn.create(ParameterSpace.NAMES.get(j), col));
        }
        return SpectraDataset.of("spectra", SpectrumMatrix.of(clean.grid(), noisy), t);
    }
}
