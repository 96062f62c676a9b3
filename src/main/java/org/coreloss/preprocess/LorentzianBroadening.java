package org.coreloss.preprocess;

import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;

/**
 * Convolution with a normalised Lorentzian {@code 1 / (1 + (2 d / FWHM)^2)}, area preserving on any
 * grid (see {@link Convolution}); the kernel is truncated at {@link #TAIL_FWHMS} FWHM on each side
 * (0.6% of a Lorentzian's area lies beyond; the truncated kernel is renormalised, its FWHM is unchanged). The two-width form uses
 * {@code fwhmLowEv} for input energies below {@code switchEv} and {@code fwhmHighEv} at and above it
 * (e.g. different core-hole lifetimes for the L3 and L2 edges); the width belongs to the energy of
 * the broadened transition (the input channel).
 */
public record LorentzianBroadening(double fwhmLowEv, double fwhmHighEv, double switchEv) implements Transform {
    /** Kernel half-range in units of the FWHM. */
    public static final double TAIL_FWHMS = 50;

    public LorentzianBroadening {
        if (!(fwhmLowEv > 0) || !Double.isFinite(fwhmLowEv)) throw new IllegalArgumentException("Lorentzian fwhmLowEv = " + fwhmLowEv + ", expected a finite value > 0");
        if (!(fwhmHighEv > 0) || !Double.isFinite(fwhmHighEv)) throw new IllegalArgumentException("Lorentzian fwhmHighEv = " + fwhmHighEv + ", expected a finite value > 0");
        if (Double.isNaN(switchEv)) throw new IllegalArgumentException("Lorentzian switchEv is NaN");
    }

    /** One width everywhere. */
    public static LorentzianBroadening ofFwhm(double fwhmEv) { return new LorentzianBroadening(fwhmEv, fwhmEv, Double.POSITIVE_INFINITY); }

    /** {@code fwhmBelowEv} below {@code switchEv}, {@code fwhmAboveEv} from it on. */
    public static LorentzianBroadening twoWidths(double fwhmBelowEv, double fwhmAboveEv, double switchEv) {
        return new LorentzianBroadening(fwhmBelowEv, fwhmAboveEv, switchEv);
    }

    public double fwhmAtEv(double energyEv) { return energyEv < switchEv ? fwhmLowEv : fwhmHighEv; }

    @Override public Step step() {
        return fwhmLowEv == fwhmHighEv || Double.isInfinite(switchEv)
                ? Step.of("lorentzian-broadening", "fwhmEv", fwhmLowEv)
                : Step.of("lorentzian-broadening", "fwhmBelowEv", fwhmLowEv, "fwhmAboveEv", fwhmHighEv, "switchEv", switchEv);
    }

    @Override public SpectraDataset apply(SpectraDataset d) {
        return d.withSpectra(Convolution.convolve(d.spectra(), (delta, e) -> {
            double h = fwhmAtEv(e) / 2;
            return 1.0 / (1.0 + (delta / h) * (delta / h));
        }, e -> TAIL_FWHMS * fwhmAtEv(e)), step());
    }
}
