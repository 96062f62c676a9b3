package org.coreloss.eval;

import java.util.List;

/**
 * Anything that maps input rows to output rows: a trained network (implemented in {@code nn}), a
 * simulator, or a test double. Evaluation code depends only on this interface.
 */
public interface Predictor {
    /** Predicts one output row per input row (inputs not modified). */
    float[][] predict(float[][] inputs);

    /** Names of the output columns (property names, or channel labels for spectrum generators). */
    List<String> outputNames();
}
