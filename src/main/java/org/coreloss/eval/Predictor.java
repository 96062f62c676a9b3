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

    /** Free-form provenance (kind, spec, seed, dataset hash, versions, metrics), for reports. */
    default Map<String, String> metadata() { return Map.of(); }
}
