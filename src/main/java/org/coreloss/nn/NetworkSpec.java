package org.coreloss.nn;

/**
 * Architecture of a network, independent of its weights: a {@link RegressorSpec} (spectrum -> properties,
 * seeds 000/001) or a {@link GeneratorSpec} (parameters -> spectrum, seeds 002/003). Specs are immutable,
 * validated records; {@link Networks#build} turns one into an initialised DL4J graph.
 */
public sealed interface NetworkSpec permits RegressorSpec, GeneratorSpec {
    /** Length of the input vector the network takes. */
    int inputSize();

    /** Length of the output vector. */
    int outputSize();

    /** Number of trainable parameters (weights and biases), computed from the sizes alone. */
    long parameterCount();

    /** Multiply-accumulate operations of one forward pass for one sample (dense and convolution layers). */
    long macsPerSample();

    /** Loss minimised in training. */
    Loss loss();

    /** Training losses: mean absolute error (seed 001), mean squared error (seed 003), cross-entropy (softmax head). */
    enum Loss { MAE, MSE, XENT }
}
