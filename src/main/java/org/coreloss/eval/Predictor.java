package org.coreloss.eval;

import java.util.List;
import java.util.Map;

/**
 * A trained model seen from evaluation: rows of inputs in, rows of outputs out, in physical units (the
 * model undoes its own scaling). Implemented by {@code org.coreloss.nn.TrainedModel}; evaluation code uses
 * only this interface and so never depends on the network library.
 */
public interface Predictor {
    /** Predicts one output row per input row; each input row has {@link #inputSize()} values. */
    float[][] predict(float[][] inputs);

    /** Values per input row. */
    int inputSize();

    /** Values per output row. */
    int outputSize();

    /** Names of the outputs (targets, class names, or channel labels), {@link #outputSize()} entries or empty. */
    List<String> outputNames();

    /** Units of the outputs, parallel to {@link #outputNames()} ("" when dimensionless), or empty. */
    default List<String> outputUnits() { return List.of(); }

    /**
     * Inclusive ranges of the raw inputs the predictor was trained on, {@code [input][0]} = min and {@code [1]} = max
     * ({@link #inputSize()} rows), or null when unknown. Inputs outside are extrapolations (seed 003's Oh/C4v tests).
     */
    default double[][] inputRanges() { return null; }

    /** Whether {@code input} lies outside {@link #inputRanges()} in any coordinate (false when the ranges are unknown). */
    default boolean outOfDomain(float[] input) {
        double[][] r = inputRanges();
        if (r == null) return false;
        if (input.length != r.length) throw new IllegalArgumentException("input has " + input.length + " values, expected " + r.length);
        for (int k = 0; k < r.length; k++) if (!(input[k] >= r[k][0] && input[k] <= r[k][1])) return true; // NaN is outside
        return false;
    }

    /**
     * Predictions with a predicted error and the out-of-domain flag. This default has no error model (predictedSe
     * NaN); ensembles ({@code org.coreloss.nn.SurrogateEnsemble}) give one.
     */
    default UncertainPrediction[] predictWithUncertainty(float[][] inputs) {
        float[][] p = predict(inputs);
        UncertainPrediction[] out = new UncertainPrediction[p.length];
        for (int i = 0; i < p.length; i++) out[i] = new UncertainPrediction(p[i], Double.NaN, outOfDomain(inputs[i]));
        return out;
    }

    /** Free-form provenance (kind, spec, seed, dataset hash, versions, metrics), for reports. */
    default Map<String, String> metadata() { return Map.of(); }
}
