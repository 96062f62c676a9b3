package org.coreloss.nn;

import java.util.SplittableRandom;

/** Synthetic Gaussian-peak spectra for tests: parameters (centre, sigma, height) in channel units. */
final class Synthetic {
    final float[][] params;   // n x 3: centre (channels), sigma (channels), height
    final float[][] spectra;  // n x channels

    Synthetic(int n, int channels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        params = new float[n][3];
        spectra = new float[n][channels];
        for (int i = 0; i < n; i++) {
            double c = channels * (0.25 + 0.5 * r.nextDouble());
            double s = 1.5 + 2.5 * r.nextDouble();
            double h = 0.5 + r.nextDouble();
            params[i] = new float[]{(float) c, (float) s, (float) h};
            for (int j = 0; j < channels; j++) spectra[i][j] = (float) (h * Math.exp(-0.5 * (j - c) * (j - c) / (s * s)));
        }
    }

    /** Column {@code k} of the parameters as an n x 1 target matrix. */
    float[][] column(int... ks) {
        float[][] t = new float[params.length][ks.length];
        for (int i = 0; i < params.length; i++) for (int q = 0; q < ks.length; q++) t[i][q] = params[i][ks[q]];
        return t;
    }

    static double mae(float[][] a, float[][] b, int col) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += Math.abs(a[i][col] - b[i][col]);
        return s / a.length;
    }

    /** Mean over rows and channels of the squared difference. */
    static double mse(float[][] a, float[][] b) {
        double s = 0; long n = 0;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[i].length; j++) { double d = a[i][j] - b[i][j]; s += d * d; n++; }
        return s / n;
    }
}
