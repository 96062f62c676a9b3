package org.coreloss.nn;

import java.util.List;

/**
 * Outcome of {@link Trainer#fit}: the model holds the weights of the best validation epoch.
 *
 * @param model              trained model (best weights)
 * @param epochsRun          completed epochs (including those before a resume)
 * @param bestEpoch          0-based epoch with the lowest validation loss (-1 if none completed)
 * @param bestValidationLoss lowest validation loss in scaled units (training loss if no validation rows)
 * @param trainLoss          mean training loss per epoch (scaled units, includes the L2 penalty)
 * @param validationLoss     validation loss per epoch (scaled units)
 * @param earlyStopped       true when patience ran out
 * @param interrupted        true when the thread was interrupted or the listener cancelled; the interrupt
 *                           flag is consumed
 * @param budgetExhausted    true when the wall or CPU budget ({@link TrainingOptions#budgetWallSeconds()}) ended the run
 * @param wallSeconds        wall time spent in the epoch loop, over all runs of a checkpoint
 * @param cpuSeconds         process CPU time (all threads) spent in the epoch loop, over all runs of a checkpoint
 */
public record TrainingResult(TrainedModel model, int epochsRun, int bestEpoch, double bestValidationLoss,
                             List<Double> trainLoss, List<Double> validationLoss, boolean earlyStopped,
                             boolean interrupted, boolean budgetExhausted, double wallSeconds, double cpuSeconds) {
    /** Without budget and timing fields. */
    public TrainingResult(TrainedModel model, int epochsRun, int bestEpoch, double bestValidationLoss,
                          List<Double> trainLoss, List<Double> validationLoss, boolean earlyStopped, boolean interrupted) {
        this(model, epochsRun, bestEpoch, bestValidationLoss, trainLoss, validationLoss, earlyStopped, interrupted, false, Double.NaN, Double.NaN);
    }

    public TrainingResult {
        trainLoss = List.copyOf(trainLoss);
        validationLoss = List.copyOf(validationLoss);
    }
}
