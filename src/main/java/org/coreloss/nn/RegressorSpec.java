package org.coreloss.nn;

import java.util.List;

/**
 * Feed-forward property regressor of seeds 000/001: input = spectrum channels followed by optional scalar
 * inputs (e.g. excitation energy), ReLU hidden layers, dropout on hidden layers not linked to the output
 * (seed 001: rate 0.5), L2 weight penalty, Adam. The head is linear (regression, one output per target,
 * targets scaled to zero mean and unit variance by the trainer) or softmax (class labels, {@code outputs}
 * = number of classes, cross-entropy loss).
 *
 * @param spectrumChannels number of spectrum channels in the input (>= 1)
 * @param scalarInputs     number of extra scalar inputs appended after the channels (>= 0)
 * @param hiddenWidths     neurons per hidden layer, input side first (each >= 1; may be empty)
 * @param dropoutRate      probability of dropping a hidden activation of a layer not linked to the output, in [0, 1)
 * @param l2               L2 penalty coefficient on weights (>= 0)
 * @param outputs          number of targets, or of classes for the softmax head (>= 1; >= 2 for softmax)
 * @param head             {@link Head#LINEAR} or {@link Head#SOFTMAX}
 * @param loss             MAE or MSE for the linear head, XENT for softmax
 */
public record RegressorSpec(int spectrumChannels, int scalarInputs, List<Integer> hiddenWidths, double dropoutRate,
                            double l2, int outputs, Head head, NetworkSpec.Loss loss) implements NetworkSpec {

    /** Output head kind. */
    public enum Head { LINEAR, SOFTMAX }

    public RegressorSpec {
        if (spectrumChannels < 1) throw new IllegalArgumentException("spectrumChannels = " + spectrumChannels + ", expected >= 1");
        if (scalarInputs < 0) throw new IllegalArgumentException("scalarInputs = " + scalarInputs + ", expected >= 0");
        if (hiddenWidths == null) throw new IllegalArgumentException("hiddenWidths must not be null (use an empty list)");
        hiddenWidths = List.copyOf(hiddenWidths);
        for (int i = 0; i < hiddenWidths.size(); i++) {
            if (hiddenWidths.get(i) < 1) throw new IllegalArgumentException("hiddenWidths[" + i + "] = " + hiddenWidths.get(i) + ", expected >= 1");
        }
        if (!(dropoutRate >= 0 && dropoutRate < 1)) throw new IllegalArgumentException("dropoutRate = " + dropoutRate + ", expected in [0, 1)");
        if (!(l2 >= 0) || Double.isInfinite(l2)) throw new IllegalArgumentException("l2 = " + l2 + ", expected finite >= 0");
        if (head == null) throw new IllegalArgumentException("head must not be null");
        if (loss == null) throw new IllegalArgumentException("loss must not be null");
        if (outputs < (head == Head.SOFTMAX ? 2 : 1)) {
            throw new IllegalArgumentException("outputs = " + outputs + ", expected >= " + (head == Head.SOFTMAX ? 2 : 1) + " for head " + head);
        }
        if (head == Head.SOFTMAX && loss != Loss.XENT) throw new IllegalArgumentException("loss = " + loss + " with head SOFTMAX, expected XENT");
        if (head == Head.LINEAR && loss == Loss.XENT) throw new IllegalArgumentException("loss = XENT with head LINEAR, expected MAE or MSE");
    }

    /** Seed 001 style: linear head, MAE, dropout 0.5, no scalar inputs. */
    public static RegressorSpec seed001(int channels, List<Integer> hiddenWidths, double l2, int targets) {
        return new RegressorSpec(channels, 0, hiddenWidths, 0.5, l2, targets, Head.LINEAR, Loss.MAE);
    }

    /** Softmax classifier over {@code classes} labels. */
    public static RegressorSpec classifier(int channels, List<Integer> hiddenWidths, double dropoutRate, double l2, int classes) {
        return new RegressorSpec(channels, 0, hiddenWidths, dropoutRate, l2, classes, Head.SOFTMAX, Loss.XENT);
    }

    public RegressorSpec withHidden(List<Integer> widths) { return new RegressorSpec(spectrumChannels, scalarInputs, widths, dropoutRate, l2, outputs, head, loss); }
    public RegressorSpec withL2(double newL2) { return new RegressorSpec(spectrumChannels, scalarInputs, hiddenWidths, dropoutRate, newL2, outputs, head, loss); }
    public RegressorSpec withDropoutRate(double rate) { return new RegressorSpec(spectrumChannels, scalarInputs, hiddenWidths, rate, l2, outputs, head, loss); }
    public RegressorSpec withLoss(Loss l) { return new RegressorSpec(spectrumChannels, scalarInputs, hiddenWidths, dropoutRate, l2, outputs, head, l); }

    @Override public int inputSize() { return spectrumChannels + scalarInputs; }
    @Override public int outputSize() { return outputs; }

    @Override public long parameterCount() {
        long n = 0; int prev = inputSize();
        for (int w : hiddenWidths) { n += (long) prev * w + w; prev = w; }
        return n + (long) prev * outputs + outputs;
    }

    @Override public long macsPerSample() {
        long n = 0; int prev = inputSize();
        for (int w : hiddenWidths) { n += (long) prev * w; prev = w; }
        return n + (long) prev * outputs;
    }
}
