package org.coreloss.fit;

/**
 * One parameter of the measurement model: its name (units in the name: {@code _eV}, {@code _K},
 * {@code _per_eV}), start value, bounds, whether it is fixed, and an optional Gaussian prior
 * (mean, standard deviation; NaN = none, i.e. uniform within the bounds).
 */
public record FitParameter(String name, double value, double min, double max, boolean fixed, double priorMean,
                           double priorSd) {
    public FitParameter {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new FitException("parameter " + name + ": bounds [" + min + ", " + max + "], expected min <= max");
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new FitException("parameter " + name + " = " + value + ", expected a finite value in [" + min + ", " + max + "]");
        }
        if (!Double.isNaN(priorSd) && !(priorSd > 0)) {
            throw new FitException("parameter " + name + ": prior sd = " + priorSd + ", expected > 0");
        }
        if (!fixed && (Double.isInfinite(min) || Double.isInfinite(max)) && !SpectrumModel.isLinear(name)) {
            throw new FitException("parameter " + name + " is free but unbounded ([" + min + ", " + max
                    + "]): nonlinear parameters need finite bounds");
        }
    }

    public static FitParameter free(String name, double value, double min, double max) {
        return new FitParameter(name, value, min, max, false, Double.NaN, Double.NaN);
    }

    public static FitParameter fixed(String name, double value) {
        return new FitParameter(name, value, value, value, true, Double.NaN, Double.NaN);
    }

    public boolean hasPrior() { return !Double.isNaN(priorSd); }

    public FitParameter withValue(double v) {
        double lo = fixed ? v : min, hi = fixed ? v : max;
        return new FitParameter(name, v, lo, hi, fixed, priorMean, priorSd);
    }

    /** Log prior density up to a constant: -inf outside the bounds, Gaussian if a prior is set. */
    double logPrior(double v) {
        if (v < min || v > max) return Double.NEGATIVE_INFINITY;
        if (!hasPrior()) return 0;
        double z = (v - priorMean) / priorSd;
        return -0.5 * z * z;
    }

    /** A width used to scale the optimiser's coordinates: the bound range, or a magnitude for unbounded ones. */
    double typicalScale() {
        if (Double.isFinite(min) && Double.isFinite(max) && max > min) return max - min;
        if (hasPrior()) return 4 * priorSd;
        return Math.max(Math.abs(value), 1e-3);
    }
}
