package org.coreloss.eval;

/**
 * One prediction with its uncertainty ({@link Predictor#predictWithUncertainty}).
 *
 * @param spectrum    the predicted output row (for a generator: the spectrum)
 * @param predictedSe the predicted spectrum error SE of {@code spectrum} against the truth (SE as in
 *                    {@link SpectrumError}, with the factor 1/2); NaN when the predictor cannot say
 * @param outOfDomain true when an input lies outside the ranges the predictor was trained on
 *                    ({@link Predictor#inputRanges()}); the prediction is then an extrapolation
 */
public record UncertainPrediction(float[] spectrum, double predictedSe, boolean outOfDomain) {
    public UncertainPrediction {
        if (spectrum == null) throw new IllegalArgumentException("spectrum must not be null");
    }
}
