package org.coreloss.nn;

/**
 * Spectrum generator of seed 003 (and, with a DOS input, seed 002): input vector (parameters after feature
 * expansion) -> two dense ReLU pre-layers ({@code pre1}, {@code pre2}; 260 and 160 in seed 003) ->
 * {@code layers} characteristic hidden layers of one {@link Arch} -> linear dense output of
 * {@code outputChannels} channels. Trained with RMSProp on MSE.
 *
 * <p>The convolutional kinds treat the {@code pre2} activations as a one-channel sequence of length
 * {@code pre2} (explicit reshape to NCW [batch, 1, pre2]); each characteristic layer has {@code units}
 * filters of width {@code kernelSize} with "same" padding (length preserved), and the last one is flattened
 * to {@code units * pre2} values before the dense output. DNN layers have {@code units} neurons.
 *
 * <p>{@code splitChannel > 0} builds the split variant (seed 003's sLCNN): two complete sub-networks, one for
 * channels {@code [0, splitChannel)} (L3) and one for {@code [splitChannel, outputChannels)} (L2), whose
 * outputs are concatenated.
 *
 * @param inputSize      length of the input vector (>= 1)
 * @param arch           kind of characteristic layer
 * @param pre1           neurons of the first dense pre-layer (>= 1)
 * @param pre2           neurons of the second dense pre-layer, also the sequence length of conv kinds (>= 1)
 * @param layers         number of characteristic layers (>= 1)
 * @param units          neurons (DNN) or filters (CNN, TCNN, LCNN) per characteristic layer (>= 1)
 * @param kernelSize     filter width in channels for the conv kinds (odd, 1..pre2; ignored for DNN)
 * @param outputChannels number of spectrum channels generated (>= 1)
 * @param splitChannel   0 for one network, else the first L2 channel (1..outputChannels-1)
 */
public record GeneratorSpec(int inputSize, Arch arch, int pre1, int pre2, int layers, int units, int kernelSize,
                            int outputChannels, int splitChannel) implements NetworkSpec {

    /** Characteristic layer kinds of seed 003. */
    public enum Arch {
        /** dense layers */ DNN,
        /** Conv1D (NCW) */ CNN,
        /** transposed convolution: Deconvolution2D with a (k, 1) kernel over [batch, filters, length, 1] */ TCNN,
        /** LocallyConnected1D: a convolution whose weights differ at every position */ LCNN
    }

    public GeneratorSpec {
        if (inputSize < 1) throw new IllegalArgumentException("inputSize = " + inputSize + ", expected >= 1");
        if (arch == null) throw new IllegalArgumentException("arch must not be null (DNN, CNN, TCNN or LCNN)");
        if (pre1 < 1) throw new IllegalArgumentException("pre1 = " + pre1 + ", expected >= 1");
        if (pre2 < 1) throw new IllegalArgumentException("pre2 = " + pre2 + ", expected >= 1");
        if (layers < 1) throw new IllegalArgumentException("layers = " + layers + ", expected >= 1");
        if (units < 1) throw new IllegalArgumentException("units = " + units + ", expected >= 1");
        if (arch != Arch.DNN && (kernelSize < 1 || kernelSize > pre2 || kernelSize % 2 == 0)) {
            throw new IllegalArgumentException("kernelSize = " + kernelSize + ", expected odd in [1, pre2 = " + pre2 + "]");
        }
        if (outputChannels < 1) throw new IllegalArgumentException("outputChannels = " + outputChannels + ", expected >= 1");
        if (splitChannel < 0 || splitChannel >= outputChannels || (splitChannel > 0 && outputChannels < 2)) {
            throw new IllegalArgumentException("splitChannel = " + splitChannel + ", expected 0 (no split) or in [1, " + (outputChannels - 1) + "]");
        }
    }

    /**
     * Seed 003's sizes: pre-layers 260 and 160, DNN layers of 1000 neurons, conv kinds with 165 filters of
     * width 25. {@code splitChannel} 0 for the plain network.
     */
    public static GeneratorSpec paper(int inputSize, Arch arch, int layers, int outputChannels, int splitChannel) {
        return new GeneratorSpec(inputSize, arch, 260, 160, layers, arch == Arch.DNN ? 1000 : 165, 25, outputChannels, splitChannel);
    }

    /**
     * CPU defaults that train in minutes on two cores: the same pre-layers (260, 160); DNN keeps 1000-neuron
     * layers (cheap: dense layers cost ~1 MMAC each); conv kinds use 16 filters of width 9 instead of 165 of
     * width 25 (about 180x fewer MAC per conv layer).
     */
    public static GeneratorSpec cpuDefault(int inputSize, Arch arch, int layers, int outputChannels, int splitChannel) {
        return new GeneratorSpec(inputSize, arch, 260, 160, layers, arch == Arch.DNN ? 1000 : 16, 9, outputChannels, splitChannel);
    }

    public boolean isSplit() { return splitChannel > 0; }

    @Override public int outputSize() { return outputChannels; }
    @Override public Loss loss() { return Loss.MSE; }

    @Override public long parameterCount() {
        if (isSplit()) return branchParams(splitChannel) + branchParams(outputChannels - splitChannel);
        return branchParams(outputChannels);
    }

    @Override public long macsPerSample() {
        if (isSplit()) return branchMacs(splitChannel) + branchMacs(outputChannels - splitChannel);
        return branchMacs(outputChannels);
    }

    /** Length of the vector entering the dense output layer of one branch. */
    int flatSize() { return arch == Arch.DNN ? units : units * pre2; }

    private long branchParams(int out) {
        long n = (long) inputSize * pre1 + pre1 + (long) pre1 * pre2 + pre2;
        for (int i = 0; i < layers; i++) {
            if (arch == Arch.DNN) {
                int in = i == 0 ? pre2 : units;
                n += (long) in * units + units;
            } else {
                int in = i == 0 ? 1 : units;
                long w = (long) kernelSize * in * units;
                n += arch == Arch.LCNN ? (long) pre2 * w + units : w + units;
            }
        }
        return n + (long) flatSize() * out + out;
    }

    private long branchMacs(int out) {
        long n = (long) inputSize * pre1 + (long) pre1 * pre2;
        for (int i = 0; i < layers; i++) {
            if (arch == Arch.DNN) n += (long) (i == 0 ? pre2 : units) * units;
            else n += (long) pre2 * kernelSize * (i == 0 ? 1 : units) * units;
        }
        return n + (long) flatSize() * out;
    }
}
