package org.coreloss.multiplet;

/**
 * Line-shape operations on stick spectra and sampled spectra (energies in eV, widths FWHM).
 *
 * <p>Lorentzian with an L3/L2 width switch: each stick (E_k, I_k) contributes
 * I_k (G/2pi) / ((E - E_k)^2 + (G/2)^2) at evaluation energy E, with G = gamma1 if E &lt; E_s and
 * gamma2 otherwise (a step in the width as a function of the output energy, which is what Quanty's
 * {@code Broaden} with a two-point table does; METHOD.md section 8). Gaussian: discrete convolution
 * with a normalised kernel of sigma = FWHM / (2 sqrt(2 ln 2)) truncated at 4 sigma (Crispy).
 */
public final class Broadening {
    /** FWHM / sigma of a Gaussian, 2 sqrt(2 ln 2). */
    public static final double FWHM_PER_SIGMA = 2.0 * Math.sqrt(2.0 * Math.log(2.0));

    private Broadening() {}

    /**
     * Sum of area-normalised Lorentzians of the sticks evaluated at {@code energiesEv}; FWHM
     * {@code gamma1FwhmEv} for energies below {@code switchEv}, {@code gamma2FwhmEv} from it upward.
     */
    public static double[] lorentzian(double[] stickEnergiesEv, double[] stickIntensities, double[] energiesEv,
                                      double gamma1FwhmEv, double gamma2FwhmEv, double switchEv) {
        if (!(gamma1FwhmEv > 0) || !(gamma2FwhmEv > 0)) {
            throw new IllegalArgumentException("Lorentzian FWHM must be > 0 eV, got gamma1 = " + gamma1FwhmEv
                    + ", gamma2 = " + gamma2FwhmEv);
        }
        int n = energiesEv.length;
        double[] y = new double[n];
        int js = 0;
        while (js < n && energiesEv[js] < switchEv) js++;
        double h1 = gamma1FwhmEv / 2, h2 = gamma2FwhmEv / 2;
        double h1s = h1 * h1, h2s = h2 * h2, p1 = h1 / Math.PI, p2 = h2 / Math.PI;
        for (int k = 0; k < stickEnergiesEv.length; k++) {
            double e0 = stickEnergiesEv[k];
            double a1 = stickIntensities[k] * p1, a2 = stickIntensities[k] * p2;
            for (int j = 0; j < js; j++) {
                double x = energiesEv[j] - e0;
                y[j] += a1 / (x * x + h1s);
            }
            for (int j = js; j < n; j++) {
                double x = energiesEv[j] - e0;
                y[j] += a2 / (x * x + h2s);
            }
        }
        return y;
    }

    /**
     * Gaussian convolution on a uniform grid of step {@code stepEv}: normalised discrete kernel,
     * sigma = {@code fwhmEv} / 2.3548, truncated at 4 sigma, zero outside the array. Returns a copy
     * ({@code y} unchanged); {@code fwhmEv} = 0 returns a copy of {@code y}.
     */
    public static double[] gaussian(double[] y, double stepEv, double fwhmEv) {
        if (fwhmEv < 0 || !(stepEv > 0)) {
            throw new IllegalArgumentException("gaussian: fwhmEv = " + fwhmEv + " (expected >= 0), stepEv = " + stepEv + " (expected > 0)");
        }
        if (fwhmEv == 0) return y.clone();
        double sigma = fwhmEv / FWHM_PER_SIGMA / stepEv;
        int half = (int) Math.ceil(4 * sigma);
        double[] k = new double[2 * half + 1];
        double s = 0;
        for (int i = -half; i <= half; i++) {
            k[i + half] = Math.exp(-0.5 * i * i / (sigma * sigma));
            s += k[i + half];
        }
        for (int i = 0; i < k.length; i++) k[i] /= s;
        double[] out = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            double acc = 0;
            int lo = Math.max(-half, -j), hi = Math.min(half, y.length - 1 - j);
            for (int i = lo; i <= hi; i++) acc += k[i + half] * y[j + i];
            out[j] = acc;
        }
        return out;
    }

    /** Margin in channels needed so that a Gaussian of this FWHM does not see the array ends. */
    static int gaussianMargin(double stepEv, double fwhmEv) {
        if (fwhmEv <= 0) return 0;
        return (int) Math.ceil(4 * fwhmEv / FWHM_PER_SIGMA / stepEv);
    }

    /** Box normalisation in place: (y - min) / (max - min); a constant array becomes all zeros. */
    public static void boxNormalise(double[] y) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double r = hi - lo;
        for (int i = 0; i < y.length; i++) y[i] = r > 0 ? (y[i] - lo) / r : 0.0;
    }
}
