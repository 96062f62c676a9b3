package org.coreloss.nn;

/**
 * Optional extra interface of a {@link org.coreloss.progress.ProgressListener} given to the {@link Trainer}:
 * receives the losses after every completed epoch (for a live loss curve).
 */
public interface EpochListener {
    /** Epoch {@code epoch} (0-based) finished with these mean losses (scaled units; val = train without validation rows). */
    void epochEnd(int epoch, double trainLoss, double validationLoss);
}
