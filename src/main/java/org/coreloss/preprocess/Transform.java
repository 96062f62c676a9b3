package org.coreloss.preprocess;

import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;

/**
 * A spectra transform. Stateless transforms (broadening, per-spectrum normalisation) return
 * themselves from {@link #fit}; stateful ones (scalers, automatic grids) return a fitted copy that
 * holds what was learnt from the training data. {@link #apply} appends {@link #step()} to the
 * dataset's history, so the provenance of every dataset lists what was done to it.
 */
public interface Transform {
    /** Name and parameters (units in the keys), recorded into the dataset history. */
    Step step();

    /** Learns from the training data; stateless transforms return {@code this}. */
    default Transform fit(SpectraDataset train) { return this; }

    /** Whether {@link #apply} may be called (false for a stateful transform before {@link #fit}). */
    default boolean isFitted() { return true; }

    /** Transforms the spectra (labels unchanged), appending {@link #step()} to the history. */
    SpectraDataset apply(SpectraDataset data);

    /** Convenience: {@code fit(train).apply(train)}. */
    default SpectraDataset fitApply(SpectraDataset train) { return fit(train).apply(train); }
}
