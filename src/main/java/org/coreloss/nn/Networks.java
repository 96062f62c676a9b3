package org.coreloss.nn;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LocallyConnected1D;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds DL4J {@link ComputationGraph}s from {@link NetworkSpec}s. Every graph has one input "in" and one
 * output "out", float32, workspaces enabled. Regressors use Adam (seed 001), generators RMSProp (seed 003).
 *
 * <p>Traps avoided (ARCHITECTURE.md): no {@code setInputTypes} (it would silently read dense features as
 * Conv1D channels); dense -> conv goes through an explicit reshape to NCW [batch, 1, length] (or NCHW
 * [batch, 1, length, 1] for the transposed convolution) and conv -> dense through an explicit flatten.
 * DL4J's {@code dropOut(p)} is a keep probability applied to a layer's input, so dropout "on hidden layer
 * i" is set on layer i+1 with p = 1 - rate.
 */
public final class Networks {
    private Networks() {}

    /** Builds and initialises the graph for {@code spec}; {@code seed} (any value, 0 included) fixes the initial weights. */
    public static ComputationGraph build(NetworkSpec spec, long seed, double learningRate) {
        NativeMemory.markUsed();
        ComputationGraph g = new ComputationGraph(configuration(spec, seed, learningRate));
        // weight init draws from the calling thread's ND4J generator: seed it here, on this thread
        Nd4j.getRandom().setSeed(nd4jSeed(seed));
        g.init();
        return g;
    }

    /** What ND4J gets instead of seed 0, which libnd4j reads as "no seed" (a time-based, irreproducible seed). */
    static final long ZERO_SEED_REPLACEMENT = 0x5DEECE66DL;

    /**
     * The seed handed to ND4J/DL4J for the user seed {@code seed}: unchanged, except 0 (ND4J's "unseeded",
     * which made seed-0 runs differ on every JVM start) maps to {@link #ZERO_SEED_REPLACEMENT}. Use it for every
     * {@code Nd4j.getRandom().setSeed} and configuration seed.
     */
    static long nd4jSeed(long seed) {
        return seed == 0 ? ZERO_SEED_REPLACEMENT : seed;
    }

    /** The configuration only (no weights allocated): use it to check that large specs are constructible. */
    public static ComputationGraphConfiguration configuration(NetworkSpec spec, long seed, double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + ", expected finite > 0");
        }
        if (spec instanceof RegressorSpec r) return regressor(r, seed, learningRate);
        return generator((GeneratorSpec) spec, seed, learningRate);
    }

    private static NeuralNetConfiguration.Builder base(long seed, IUpdater updater) {
        return new NeuralNetConfiguration.Builder()
                .seed(nd4jSeed(seed))
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.RELU)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
    }

    private static ComputationGraphConfiguration regressor(RegressorSpec s, long seed, double lr) {
        NeuralNetConfiguration.Builder b = base(seed, new Adam(lr));
        if (s.l2() > 0) b.l2(s.l2());
        ComputationGraphConfiguration.GraphBuilder g = b.graphBuilder().addInputs("in");
        String prev = "in";
        int prevSize = s.inputSize();
        for (int i = 0; i < s.hiddenWidths().size(); i++) {
            int w = s.hiddenWidths().get(i);
            DenseLayer.Builder d = new DenseLayer.Builder().nIn(prevSize).nOut(w).activation(Activation.RELU);
            // input of hidden layer i >= 1 is the output of hidden layer i-1, which is not linked to the output
            if (i >= 1 && s.dropoutRate() > 0) d.dropOut(1.0 - s.dropoutRate());
            g.addLayer("h" + i, d.build(), prev);
            prev = "h" + i;
            prevSize = w;
        }
        OutputLayer.Builder o = new OutputLayer.Builder(lossFunction(s.loss())).nIn(prevSize).nOut(s.outputs())
                .activation(s.head() == RegressorSpec.Head.SOFTMAX ? Activation.SOFTMAX : Activation.IDENTITY);
        if (s.head() == RegressorSpec.Head.SOFTMAX) o.weightInit(WeightInit.XAVIER);
        g.addLayer("out", o.build(), prev);
        return g.setOutputs("out").build();
    }

    private static ComputationGraphConfiguration generator(GeneratorSpec s, long seed, double lr) {
        ComputationGraphConfiguration.GraphBuilder g = base(seed, new RmsProp(lr)).graphBuilder().addInputs("in");
        if (!s.isSplit()) {
            String last = branch(g, s, "", s.outputChannels(), false);
            g.addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(s.flatSize())
                    .nOut(s.outputChannels()).activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build(), last);
        } else {
            String l3 = branch(g, s, "L3_", s.splitChannel(), true);
            String l2 = branch(g, s, "L2_", s.outputChannels() - s.splitChannel(), true);
            g.addVertex("merge", new MergeVertex(), l3, l2);
            g.addLayer("out", new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(), "merge");
        }
        return g.setOutputs("out").build();
    }

    /** Adds pre-layers and characteristic layers; returns the last vertex (flat); with {@code withHead} adds a linear dense head. */
    private static String branch(ComputationGraphConfiguration.GraphBuilder g, GeneratorSpec s, String p, int out, boolean withHead) {
        g.addLayer(p + "pre1", new DenseLayer.Builder().nIn(s.inputSize()).nOut(s.pre1()).activation(Activation.RELU).build(), "in");
        g.addLayer(p + "pre2", new DenseLayer.Builder().nIn(s.pre1()).nOut(s.pre2()).activation(Activation.RELU).build(), p + "pre1");
        String prev = p + "pre2";
        int len = s.pre2(), f = s.units(), k = s.kernelSize();
        switch (s.arch()) {
            case DNN -> {
                int in = s.pre2();
                for (int i = 0; i < s.layers(); i++) {
                    g.addLayer(p + "c" + i, new DenseLayer.Builder().nIn(in).nOut(f).activation(Activation.RELU).build(), prev);
                    prev = p + "c" + i;
                    in = f;
                }
            }
            case CNN, LCNN -> {
                g.addVertex(p + "toSeq", new ReshapeVertex('c', new int[]{-1, 1, len}, null), prev);
                prev = p + "toSeq";
                for (int i = 0; i < s.layers(); i++) {
                    int in = i == 0 ? 1 : f;
                    if (s.arch() == GeneratorSpec.Arch.CNN) {
                        g.addLayer(p + "c" + i, new Convolution1DLayer.Builder().nIn(in).nOut(f).kernelSize(k).stride(1)
                                .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build(), prev);
                    } else {
                        LocallyConnected1D lc = new LocallyConnected1D.Builder().nIn(in).nOut(f).kernelSize(k).stride(1)
                                .convolutionMode(ConvolutionMode.Same).setInputSize(len).activation(Activation.RELU).build();
                        lc.computeOutputSize(); // without setInputTypes the output length is not computed otherwise
                        g.addLayer(p + "c" + i, lc, prev);
                    }
                    prev = p + "c" + i;
                }
                g.addVertex(p + "flat", new ReshapeVertex('c', new int[]{-1, f * len}, null), prev);
                prev = p + "flat";
            }
            case TCNN -> {
                g.addVertex(p + "toSeq", new ReshapeVertex('c', new int[]{-1, 1, len, 1}, null), prev);
                prev = p + "toSeq";
                for (int i = 0; i < s.layers(); i++) {
                    g.addLayer(p + "c" + i, new Deconvolution2D.Builder().nIn(i == 0 ? 1 : f).nOut(f).kernelSize(k, 1)
                            .stride(1, 1).convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build(), prev);
                    prev = p + "c" + i;
                }
                g.addVertex(p + "flat", new ReshapeVertex('c', new int[]{-1, f * len}, null), prev);
                prev = p + "flat";
            }
        }
        if (withHead) {
            g.addLayer(p + "head", new DenseLayer.Builder().nIn(s.flatSize()).nOut(out).activation(Activation.IDENTITY)
                    .weightInit(WeightInit.XAVIER).build(), prev);
            prev = p + "head";
        }
        return prev;
    }

    static LossFunctions.LossFunction lossFunction(NetworkSpec.Loss loss) {
        return switch (loss) {
            case MAE -> LossFunctions.LossFunction.MEAN_ABSOLUTE_ERROR;
            case MSE -> LossFunctions.LossFunction.MSE;
            case XENT -> LossFunctions.LossFunction.MCXENT;
        };
    }
}
