package org.coreloss.preprocess;

import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;

/**
 * Convolution with a normalised Gaussian {@code exp(-d^2 / (2 sigma^2))}, FWHM = 2 sqrt(2 ln 2) sigma
 * (about 2.3548 sigma), truncated at 8 sigma, area preserving on any grid (see {@link Convolution}).
 * Seed 001 broadens with a Gaussian of standard deviation 0.5 eV: {@code GaussianBroadening.ofSigma(0.5)}.
 */
public record GaussianBroadening(double sigmaEv) implements Transform {
    /** FWHM / sigma = 2 sqrt(2 ln 2). */
    public static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));

    public GaussianBroadening {
        if (!(sigmaEv > 0) || !Double.isFinite(sigmaEv)) throw new IllegalArgumentException("Gaussian sigmaEv = " + sigmaEv + ", expected a finite value > 0");
    }

    public static GaussianBroadening ofSigma(double sigmaEv) { return new GaussianBroadening(sigmaEv); }

    public static GaussianBroadening ofFwhm(double fwhmEv) {
        if (!(fwhmEv > 0)) throw new IllegalArgumentException("Gaussian fwhmEv = " + fwhmEv + ", expected > 0");
        return new GaussianBroadening(fwhmEv / FWHM_PER_SIGMA);
    }

    public double fwhmEv() { return sigmaEv * FWHM_PER_SIGMA; }

    @Override public Step step() { return Step.of("gaussian-broadening", "sigmaEv", sigmaEv, "fwhmEv", fwhmEv()); }

    @Override public SpectraDataset apply(SpectraDataset d) {
        double s2 = 2 * sigmaEv * sigmaEv;
        return d.withSpectra(Convolution.convolve(d.spectra(), (delta, e) -> Math.exp(-delta * delta / s2), e -> 8 * sigmaEv), step());
    }
}
