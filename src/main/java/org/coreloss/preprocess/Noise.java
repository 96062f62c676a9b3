package org.coreloss.preprocess;

import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;

import java.util.SplittableRandom;

/**
 * Seeded noise. SNR is defined per spectrum as <b>peak signal over noise standard deviation</b>:
 * {@code SNR = max(y) / sigma_noise}.
 * <ul>
 *   <li>{@link Gaussian}: adds N(0, sigma^2) to every channel with {@code sigma = max(y) / snr}.</li>
 *   <li>{@link Poisson}: counting noise. The spectrum is scaled so that its maximum is
 *       {@code peakCounts} counts, each channel is drawn from Poisson(counts) and scaled back. Then
 *       the noise standard deviation at the maximum is {@code sqrt(peakCounts)}, so
 *       {@code SNR = sqrt(peakCounts)}; {@link Poisson#ofSnr} uses {@code peakCounts = snr^2}.
 *       Negative intensities are clipped to 0 before drawing.</li>
 * </ul>
 * Row i uses the generator {@code new SplittableRandom(seed)} split i times in order, so the same
 * seed on the same data gives the same numbers.
 */
public final class Noise {
    private Noise() {}

    public static Gaussian gaussian(double snr, long seed) { return new Gaussian(snr, seed); }

    /** Gaussian noise at peak SNR {@code snr}. */
    public record Gaussian(double snr, long seed) implements Transform {
        public Gaussian {
            if (!(snr > 0) || !Double.isFinite(snr)) throw new IllegalArgumentException("noise snr = " + snr + ", expected a finite value > 0");
        }
        @Override public Step step() { return Step.of("gaussian-noise", "snr", snr, "snrDefinition", "max(y)/sigma", "seed", seed); }
        @Override public SpectraDataset apply(SpectraDataset d) {
            SplittableRandom root = new SplittableRandom(seed);
            return d.withSpectra(Normalise.perRow(d.spectra(), (y, o, c) -> {
                SplittableRandom r = root.split();
                float hi = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < c; j++) hi = Math.max(hi, Math.abs(y[o + j]));
                double sigma = hi / snr;
                for (int j = 0; j < c; j++) y[o + j] = (float) (y[o + j] + sigma * gauss(r));
            }), step());
        }
    }

    /** Poisson counting noise with the spectrum's maximum at {@code peakCounts} counts. */
    public record Poisson(double peakCounts, long seed) implements Transform {
        public Poisson {
            if (!(peakCounts > 0) || !Double.isFinite(peakCounts)) throw new IllegalArgumentException("peakCounts = " + peakCounts + ", expected a finite value > 0");
        }
        public static Poisson ofCounts(double peakCounts, long seed) { return new Poisson(peakCounts, seed); }
        /** Peak SNR {@code snr}: {@code peakCounts = snr^2}. */
        public static Poisson ofSnr(double snr, long seed) {
            if (!(snr > 0)) throw new IllegalArgumentException("snr = " + snr + ", expected > 0");
            return new Poisson(snr * snr, seed);
        }
        public double snr() { return Math.sqrt(peakCounts); }
        @Override public Step step() { return Step.of("poisson-noise", "peakCounts", peakCounts, "snr", snr(), "snrDefinition", "max(y)/sigma = sqrt(peakCounts)", "seed", seed); }
        @Override public SpectraDataset apply(SpectraDataset d) {
            SplittableRandom root = new SplittableRandom(seed);
            return d.withSpectra(Normalise.perRow(d.spectra(), (y, o, c) -> {
                SplittableRandom r = root.split();
                float hi = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < c; j++) hi = Math.max(hi, y[o + j]);
                if (!(hi > 0)) return;
                double scale = peakCounts / hi;
                for (int j = 0; j < c; j++) y[o + j] = (float) (poisson(r, Math.max(0, y[o + j]) * scale) / scale);
            }), step());
        }
    }

    /** Standard normal (Marsaglia polar method). */
    static double gauss(SplittableRandom r) {
        double u, v, s;
        do { u = 2 * r.nextDouble() - 1; v = 2 * r.nextDouble() - 1; s = u * u + v * v; } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /**
     * Poisson(lambda) sample: multiplication method for lambda < 10, else Hormann's transformed
     * rejection (PTRS), W. Hormann, Insurance Math. Econom. 12, 39 (1993).
     */
    static long poisson(SplittableRandom r, double lambda) {
        if (lambda <= 0) return 0;
        if (lambda < 10) {
            double l = Math.exp(-lambda), p = 1;
            long k = 0;
            do { k++; p *= r.nextDouble(); } while (p > l);
            return k - 1;
        }
        double slam = Math.sqrt(lambda), loglam = Math.log(lambda);
        double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = r.nextDouble() - 0.5, v = r.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
        }
    }

    /** ln(k!) (exact sum below 20, Stirling series above). */
    static double logFactorial(long k) {
        if (k < 20) { double s = 0; for (int i = 2; i <= k; i++) s += Math.log(i); return s; }
        double x = k + 1.0;
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x) + 1 / (1260 * Math.pow(x, 5));
    }
}
