package org.coreloss.multiplet;

import java.util.Arrays;

/**
 * The broadening of seed 003's spectra as an operator on a narrow spectrum (issue 16's physics axis): a
 * surrogate may learn the spectrum before broadening, from the six parameters that shape the sticks (Dq, Ds, Dt,
 * S1, S2, T), and apply the three broadening parameters (Gaussian FWHM, Lorentzian FWHM below and above the
 * L3/L2 switch energy) exactly.
 *
 * <p>The narrow spectrum is the sticks broadened by one Lorentzian of FWHM {@code baseFwhmEv} (the lower end of
 * both Lorentzian ranges in Table 1, 0.3 eV) everywhere, with no Gaussian, on the target window widened by
 * {@code marginEv} on both sides and scaled to maximum 1. Because Lorentzians convolve by adding their widths,
 * the engine's spectrum at Lorentzian FWHM G (for output energies below the switch; G2 above) is the narrow
 * spectrum convolved with a Lorentzian of FWHM G - base; the Gaussian (FWHM, not sigma) and the box normalisation
 * follow as in {@link MultipletEngine#broaden}. The convolution integrates the narrow spectrum's cubic (Catmull-Rom)
 * interpolant against the Lorentzian exactly (closed form per grid interval), so the only errors are that
 * interpolation (step 0.06 eV against a width of at least 0.3 eV) and the part of the narrow spectrum outside
 * the widened window; {@code RebroadeningTest} bounds both against the engine.
 *
 * @param window     the output window (seed 003: 501 channels, step 0.06 eV)
 * @param margin     extra channels on each side of the narrow spectrum's window
 * @param baseFwhmEv Lorentzian FWHM of the narrow spectrum in eV (the smallest width that can be reached)
 * @param switchEv   Lorentzian switch energy on the relative axis in eV (gamma1 below, gamma2 from it upward)
 */
public record Rebroadening(SpectrumWindow window, int margin, double baseFwhmEv, double switchEv) {
    /** Lorentzian FWHM in eV of the narrow spectrum by default: the lower end of Table 1's Gamma1 and Gamma2 ranges. */
    public static final double DEFAULT_BASE_FWHM_EV = 0.3;
    /** Margin in eV on each side of the window by default. */
    public static final double DEFAULT_MARGIN_EV = 6.0;

    public Rebroadening {
        if (window == null) throw new IllegalArgumentException("window is null");
        if (margin < 0) throw new IllegalArgumentException("margin = " + margin + " channels, expected >= 0");
        if (!(baseFwhmEv > 0) || !Double.isFinite(baseFwhmEv)) throw new IllegalArgumentException("baseFwhmEv = " + baseFwhmEv + ", expected > 0 eV");
        if (!Double.isFinite(switchEv)) throw new IllegalArgumentException("switchEv = " + switchEv + ", expected finite eV");
    }

    /** Seed 003's window of an ion, the default margin and base width, the engine's default switch energy of the ion. */
    public static Rebroadening seed003(Ion ion) {
        SpectrumWindow w = SpectrumWindow.seed003(ion);
        return new Rebroadening(w, (int) Math.ceil(DEFAULT_MARGIN_EV / w.stepEv()), DEFAULT_BASE_FWHM_EV, MultipletEngine.defaultSwitchEnergyEv(ion));
    }

    /** The narrow spectrum's window: the output window widened by {@code margin} channels on each side. */
    public SpectrumWindow narrowWindow() {
        return new SpectrumWindow(window.startEv() - margin * window.stepEv(), window.stepEv(), window.channels() + 2 * margin);
    }

    /** Channels of the narrow spectrum. */
    public int narrowChannels() {
        return window.channels() + 2 * margin;
    }

    /** The narrow spectrum of these sticks: one Lorentzian of FWHM {@link #baseFwhmEv} everywhere, no Gaussian, maximum 1. */
    public double[] narrow(StickSpectrum sticks) {
        SpectrumWindow nw = narrowWindow();
        double[] x = new double[nw.channels()];
        for (int j = 0; j < x.length; j++) x[j] = nw.energyEv(j);
        double[] y = Broadening.lorentzian(sticks.energiesEv(), sticks.intensities(), x, baseFwhmEv, baseFwhmEv, switchEv);
        double m = 0;
        for (double v : y) m = Math.max(m, v);
        if (m > 0) for (int j = 0; j < y.length; j++) y[j] /= m;
        return y;
    }

    /**
     * The spectrum on {@link #window} from a narrow spectrum ({@link #narrowChannels} values on {@link #narrowWindow}):
     * Lorentzian FWHM {@code gamma1FwhmEv} below the switch energy and {@code gamma2FwhmEv} from it upward (both
     * at least {@link #baseFwhmEv}), then a Gaussian of FWHM {@code gaussianFwhmEv}, then, optionally, box
     * normalisation to [0, 1].
     */
    public double[] broaden(float[] narrow, double gaussianFwhmEv, double gamma1FwhmEv, double gamma2FwhmEv, boolean boxNormalise) {
        double[] y = new double[narrow.length];
        for (int i = 0; i < y.length; i++) y[i] = narrow[i];
        return broaden(y, gaussianFwhmEv, gamma1FwhmEv, gamma2FwhmEv, boxNormalise);
    }

    /** As {@link #broaden(float[], double, double, double, boolean)}. */
    public double[] broaden(double[] narrow, double gaussianFwhmEv, double gamma1FwhmEv, double gamma2FwhmEv, boolean boxNormalise) {
        int n = narrowChannels();
        if (narrow.length != n) {
            throw new IllegalArgumentException("narrow spectrum has " + narrow.length + " channels, expected " + n + " (window " + window.channels() + " + 2 x margin " + margin + ")");
        }
        check("gamma1FwhmEv", gamma1FwhmEv);
        check("gamma2FwhmEv", gamma2FwhmEv);
        if (!(gaussianFwhmEv >= 0) || !Double.isFinite(gaussianFwhmEv)) throw new IllegalArgumentException("gaussianFwhmEv = " + gaussianFwhmEv + ", expected >= 0 eV");
        double h = window.stepEv();
        int gm = Broadening.gaussianMargin(h, gaussianFwhmEv);
        if (gm > margin) {
            throw new IllegalArgumentException("gaussianFwhmEv = " + gaussianFwhmEv + " eV needs a margin of " + gm + " channels, this operator has " + margin);
        }
        int lo = margin - gm, len = window.channels() + 2 * gm;
        SpectrumWindow nw = narrowWindow();
        double[] k1 = null, k2 = null;
        double[] y = new double[len];
        for (int t = 0; t < len; t++) {
            int j = lo + t;
            boolean below = nw.energyEv(j) < switchEv;
            double[] k;
            if (below) { if (k1 == null) k1 = kernel(gamma1FwhmEv - baseFwhmEv, n, h); k = k1; }
            else { if (k2 == null) k2 = kernel(gamma2FwhmEv - baseFwhmEv, n, h); k = k2; }
            double s = 0;
            int off = n - 1 - j; // k[off + i] weights narrow[i] for output j (kernel index i - j + n - 1)
            for (int i = 0; i < n; i++) s += k[off + i] * narrow[i];
            y[t] = s;
        }
        if (gaussianFwhmEv > 0) y = Broadening.gaussian(y, h, gaussianFwhmEv);
        double[] out = Arrays.copyOfRange(y, gm, gm + window.channels());
        if (boxNormalise) Broadening.boxNormalise(out);
        return out;
    }

    private void check(String name, double g) {
        if (!(g >= baseFwhmEv - 1e-12) || !Double.isFinite(g)) {
            throw new IllegalArgumentException(name + " = " + g + " eV, expected >= the narrow spectrum's Lorentzian FWHM " + baseFwhmEv + " eV");
        }
    }

    /**
     * Weights w[d + n - 1], d = i - j in [-(n-1), n-1], such that sum_i w[i - j + n - 1] y_i is the exact integral of
     * the Catmull-Rom cubic interpolant of y (grid step h) against a Lorentzian of FWHM {@code fwhmEv} centred on x_j.
     * Each grid interval [a, a + h] (u = x - x_j) contributes the closed-form moments int u^k L(u) du, k = 0..3, with
     * the cubic's weights on its four neighbouring samples (weights that would fall outside the array are dropped:
     * they belong to the margin). A width of 0 (or far below the step) gives the identity.
     */
    static double[] kernel(double fwhmEv, int n, double h) {
        double[] w = new double[2 * n - 1];
        if (fwhmEv < 1e-9 * h) { w[n - 1] = 1; return w; }
        double g = fwhmEv / 2, g2 = g * g; // HWHM
        for (int d = -(n - 1); d < n - 1; d++) {
            double a = d * h, b = a + h;
            // raw moments R_k = int_a^b u^k L(u) du, L(u) = (g/pi) / (u^2 + g^2)
            double r0 = (Math.atan(b / g) - Math.atan(a / g)) / Math.PI;
            double r1 = g / (2 * Math.PI) * Math.log((b * b + g2) / (a * a + g2));
            double r2 = g / Math.PI * (b - a) - g2 * r0;
            double r3 = g / Math.PI * (b * b - a * a) / 2 - g2 * r1;
            // moments of s = (u - a) / h: S_k = int s^k L du
            double s0 = r0;
            double s1 = (r1 - a * r0) / h;
            double s2 = (r2 - 2 * a * r1 + a * a * r0) / (h * h);
            double s3 = (r3 - 3 * a * r2 + 3 * a * a * r1 - a * a * a * r0) / (h * h * h);
            // Catmull-Rom on [x_m, x_m+1]: weights of y_{m-1}, y_m, y_{m+1}, y_{m+2} as cubics in s
            add(w, d - 1 + n - 1, 0.5 * (-s1 + 2 * s2 - s3));
            add(w, d + n - 1, 0.5 * (2 * s0 - 5 * s2 + 3 * s3));
            add(w, d + 1 + n - 1, 0.5 * (s1 + 4 * s2 - 3 * s3));
            add(w, d + 2 + n - 1, 0.5 * (-s2 + s3));
        }
        return w;
    }

    private static void add(double[] w, int i, double v) {
        if (i >= 0 && i < w.length) w[i] += v;
    }
}
