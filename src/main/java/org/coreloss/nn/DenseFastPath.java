package org.coreloss.nn;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lean training step and forward pass for the pure-dense networks ({@link RegressorSpec}s and non-split
 * {@link GeneratorSpec.Arch#DNN} generators), working in place on a DL4J {@link ComputationGraph}'s own
 * parameter, gradient and updater-state arrays.
 *
 * <p>Why: DL4J's layer machinery issues on the order of a hundred ND4J operations per step (shape checks,
 * the {@code Mmul} custom op with order conversions, activation objects, workspace bookkeeping), which at
 * batch 64 costs 5-10x the arithmetic (docs/nn.md, "Where the time goes"). This path does per dense layer
 * one BLAS {@code gemm} forward (plus a bias add and an in-place ReLU) and two {@code gemm}s, one ReLU
 * mask and one column sum backward, all into preallocated arrays; losses are computed in Java on the
 * small output block. The update itself is DL4J's: the graph's {@code ComputationGraphUpdater} applies
 * the minibatch division, L2, and Adam/RMSProp with the graph's learning rate to the graph's flattened
 * gradient view, and the parameters are then stepped exactly as DL4J's {@code NegativeDefaultStepFunction}
 * does. So checkpoints, learning-rate changes, resume and model files are untouched, and a graph can be
 * trained by either path.
 *
 * <p>Semantics reproduced from DL4J: ReLU hidden layers; DL4J dropout (inverted, keep probability p on a
 * layer's <em>input</em>); identity output with MAE ({@code LossMAE}: score mean |d| over outputs,
 * gradient sign(d)/nOut) or MSE ({@code LossMSE}: mean d^2, gradient 2d/nOut), softmax output with
 * multi-class cross-entropy (gradient p - y); scores averaged over the minibatch plus the L2 score, as
 * {@code ComputationGraph.score()}. Dropout masks come from ND4J's generator (seeded by the trainer), so
 * dropout networks train to different (equally valid, equally reproducible) weights than through
 * {@code ComputationGraph.fit}; networks without dropout follow the same arithmetic up to float rounding
 * and operation order.
 *
 * <p>Not thread-safe (one instance per graph and thread). Disable with {@code -Dcoreloss.nn.fastPath=false}.
 */
final class DenseFastPath {
    private final ComputationGraph graph;
    private final NetworkSpec.Loss loss;
    private final boolean softmax;
    private final int layers;
    private final int[] nIn, nOut;
    private final double[] keep;                   // keep probability applied to the input of layer i (1: none)
    private final INDArray[] wT, b, gWT, gB;       // c-order [nOut, nIn] views of W (f-order [nIn, nOut]) and of its gradient
    private final List<String> names;
    private DefaultGradient gradient;              // bound on the first training step (inference needs no gradient arrays)
    private INDArray paramsFlat, gradientFlat;     // same-shape views of the graph's flattened parameters and gradients
    private UpdaterBlock block;                    // the graph's single updater block, or null: then the graph's whole updater runs
    private JavaUpdater javaUpdater;               // Adam / RMSProp on heap arrays, or null: the block's own (native) updater runs
    private Object boundUpdater;                   // the ComputationGraphUpdater that block belongs to (setLearningRate replaces it)
    private final boolean miniBatch;               // DL4J divides gradients by the batch size (the default)
    private final boolean l2;
    private final Map<Integer, Buffers> buffers = new HashMap<>();

    /** Whether this path handles {@code spec} (and is not switched off by {@code -Dcoreloss.nn.fastPath=false}). */
    static boolean supports(NetworkSpec spec) {
        if (!Boolean.parseBoolean(System.getProperty("coreloss.nn.fastPath", "true"))) return false;
        if (spec instanceof RegressorSpec) return true;
        return spec instanceof GeneratorSpec g && g.arch() == GeneratorSpec.Arch.DNN && !g.isSplit();
    }

    /** Binds to {@code graph}, which must have been built by {@link Networks#build} for {@code spec}. */
    DenseFastPath(ComputationGraph graph, NetworkSpec spec) {
        if (!supports(spec)) throw new IllegalArgumentException("no dense fast path for " + spec);
        this.graph = graph;
        this.loss = spec.loss();
        this.softmax = spec instanceof RegressorSpec r && r.head() == RegressorSpec.Head.SOFTMAX;
        names = layerNames(spec);
        layers = names.size();
        nIn = new int[layers]; nOut = new int[layers]; keep = new double[layers];
        wT = new INDArray[layers]; b = new INDArray[layers]; gWT = new INDArray[layers]; gB = new INDArray[layers];
        boolean anyL2 = false;
        for (int i = 0; i < layers; i++) {
            String name = names.get(i);
            Layer layer = graph.getLayer(name);
            if (layer == null) throw new IllegalStateException("graph has no layer " + name + " for " + spec);
            INDArray w = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
            nIn[i] = (int) w.size(0);
            nOut[i] = (int) w.size(1);
            wT[i] = w.transpose();
            b[i] = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            if (wT[i].ordering() != 'c') throw new IllegalStateException("unexpected weight layout in " + name);
            BaseLayer conf = (BaseLayer) layer.conf().getLayer();
            IDropout d = conf.getIDropout();
            if (d != null && !(d instanceof Dropout)) throw new IllegalStateException("unsupported dropout " + d + " in " + name);
            keep[i] = d == null ? 1.0 : ((Dropout) d).getP();
            anyL2 |= conf.getRegularization() != null && !conf.getRegularization().isEmpty();
        }
        l2 = anyL2;
        miniBatch = graph.getConfiguration().getDefaultConfiguration().isMiniBatch();
    }

    /** Binds the per-layer views of the graph's flattened gradient array (allocated here if the graph has none yet). */
    private void bindGradients() {
        if (graph.getFlattenedGradients() == null) graph.initGradientsView();
        gradient = new DefaultGradient(graph.getFlattenedGradients());
        paramsFlat = graph.params();
        gradientFlat = graph.getFlattenedGradients().reshape(paramsFlat.shape());
        if (gradientFlat.data().address() != graph.getFlattenedGradients().data().address()) throw new IllegalStateException("gradient view is not flat");
        // One updater block over all parameters (every layer has the same updater): its GradientUpdater is called
        // directly, skipping ComputationGraphUpdater's per-step bookkeeping (~2 ms per step at batch 64).
        bindUpdater();
    }

    /**
     * Finds the graph's single updater block. {@code ComputationGraph.setLearningRate} replaces the graph's
     * updater (copying its state array), so this runs again whenever the updater object changed; the heap
     * state of the Java updater, which is the current one, is kept and re-attached.
     */
    private void bindUpdater() {
        boundUpdater = graph.getUpdater(true);
        List<UpdaterBlock> blocks = graph.getUpdater(true).getUpdaterBlocks();
        block = blocks.size() == 1 && blocks.get(0).getParamOffsetStart() == 0
                && blocks.get(0).getParamOffsetEnd() == paramsFlat.length() ? blocks.get(0) : null;
        if (block != null) {
            for (int i = 0; i < layers; i++) {
                BaseLayer conf = (BaseLayer) graph.getLayer(names.get(i)).conf().getLayer();
                for (List<Regularization> rs : List.of(conf.getRegularization(), conf.getRegularizationBias())) {
                    for (Regularization r : rs) if (r.applyStep() != Regularization.ApplyStep.BEFORE_UPDATER) block = null;
                }
            }
        }
        if (javaUpdater != null) {
            JavaUpdater kept = block == null ? null : javaUpdater.rebind(block.getGradientUpdater());
            if (kept == null) javaUpdater.writeState(graph.getUpdater(true).getUpdaterBlocks());
            javaUpdater = kept;
        } else if (block != null) {
            javaUpdater = JavaUpdater.of(block.getGradientUpdater(), (int) paramsFlat.length());
        }
        for (int i = 0; i < layers; i++) {
            Layer layer = graph.getLayer(names.get(i));
            Map<String, INDArray> gv = DefaultParamInitializer.getInstance()
                    .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
            gWT[i] = gv.get(DefaultParamInitializer.WEIGHT_KEY).transpose();
            gB[i] = gv.get(DefaultParamInitializer.BIAS_KEY);
            if (gWT[i].ordering() != 'c') throw new IllegalStateException("unexpected gradient layout in " + names.get(i));
            gradient.setGradientFor(names.get(i) + "_" + DefaultParamInitializer.WEIGHT_KEY, gv.get(DefaultParamInitializer.WEIGHT_KEY));
            gradient.setGradientFor(names.get(i) + "_" + DefaultParamInitializer.BIAS_KEY, gB[i]);
        }
    }

    /**
     * Writes the updater state kept on the heap (Adam moments, RMSProp cache) back into the graph's updater
     * state array, so that checkpoints and model files carry it. Call before saving the graph or handing it
     * to {@code ComputationGraph.fit}.
     */
    void syncUpdaterState() {
        if (gradient != null && graph.getUpdater(true) != boundUpdater) bindUpdater();
        if (javaUpdater != null) javaUpdater.writeState();
    }

    /** The dense layers of {@code spec}'s graph in order (names as {@link Networks} gives them). */
    static List<String> layerNames(NetworkSpec spec) {
        List<String> names = new java.util.ArrayList<>();
        if (spec instanceof RegressorSpec r) {
            for (int i = 0; i < r.hiddenWidths().size(); i++) names.add("h" + i);
        } else {
            GeneratorSpec g = (GeneratorSpec) spec;
            names.add("pre1");
            names.add("pre2");
            for (int i = 0; i < g.layers(); i++) names.add("c" + i);
        }
        names.add("out");
        return names;
    }

    /** Preallocated activations for one batch size. */
    private final class Buffers {
        final int m;
        final INDArray x;          // [m, nIn0]
        final INDArray[] a;        // a[i]: output of layer i [m, nOut_i] (after ReLU and, if the next layer has input dropout, the mask)
        INDArray[] d;              // d[i]: gradient w.r.t. the pre-activation of layer i (training only)
        INDArray[] da;             // da[i]: gradient w.r.t. the input of layer i >= 1 (training only)
        float[] out, grad;

        Buffers(int m) {
            this.m = m;
            x = Nd4j.create(DataType.FLOAT, m, nIn[0]);
            a = new INDArray[layers];
            for (int i = 0; i < layers; i++) a[i] = Nd4j.create(DataType.FLOAT, m, nOut[i]);
        }

        Buffers forTraining() {
            if (d == null) {
                d = new INDArray[layers]; da = new INDArray[layers];
                for (int i = 0; i < layers; i++) {
                    d[i] = Nd4j.create(DataType.FLOAT, m, nOut[i]);
                    if (i > 0) da[i] = Nd4j.create(DataType.FLOAT, m, nIn[i]);
                }
                out = new float[m * nOut[layers - 1]];
                grad = new float[m * nOut[layers - 1]];
            }
            return this;
        }
    }

    private Buffers buffers(int m) {
        return buffers.computeIfAbsent(m, Buffers::new);
    }

    private static FloatBuffer nio(INDArray a) { return a.data().asNioFloat(); }

    /** Forward pass of {@code m} rows already in {@code buf.x}; with {@code train} applies dropout. Leaves logits/outputs in {@code buf.a[last]}. */
    private void forward(Buffers buf, boolean train) {
        INDArray in = buf.x;
        for (int i = 0; i < layers; i++) {
            if (train && keep[i] < 1.0) Nd4j.getExecutioner().exec(new DropOutInverted(in, in, keep[i]));
            INDArray z = buf.a[i];
            Nd4j.gemm(in, wT[i], z, false, true, 1.0, 0.0);
            z.addiRowVector(b[i]);
            if (i < layers - 1) Transforms.relu(z, false);
            in = z;
        }
    }

    /**
     * One training step on {@code m} rows ({@code x} row-major [m, nIn], {@code y} [m, nOut]); returns the
     * minibatch score as {@code ComputationGraph.score()} would (data loss plus L2 score).
     */
    double fit(float[] x, float[] y, int m) {
        if (gradient == null) bindGradients();
        Buffers buf = buffers(m).forTraining();
        nio(buf.x).put(0, x, 0, m * nIn[0]);
        forward(buf, true);
        int last = layers - 1, o = nOut[last];
        nio(buf.a[last]).get(0, buf.out, 0, m * o);
        double score = lossAndGradient(buf.out, y, buf.grad, m, o);
        if (block != null && miniBatch) { // DL4J divides the whole gradient by the batch size: do it here, on the small output block
            float inv = 1f / m;
            for (int k = 0; k < m * o; k++) buf.grad[k] *= inv;
        }
        nio(buf.d[last]).put(0, buf.grad, 0, m * o);

        for (int i = last; i >= 0; i--) {
            INDArray dz = buf.d[i];
            INDArray input = i == 0 ? buf.x : buf.a[i - 1];
            Nd4j.gemm(dz, input, gWT[i], true, false, 1.0, 0.0);  // dW^T = dz^T . input
            dz.sum(gB[i], 0);
            if (i > 0) {
                Nd4j.gemm(dz, wT[i], buf.da[i], false, false, 1.0, 0.0);  // d input = dz . W^T
                // through the previous layer's ReLU and this layer's input dropout: input > 0 exactly where both pass
                Nd4j.exec(new ThresholdReluBp(input, buf.da[i], buf.d[i - 1], 0.0));
                if (keep[i] < 1.0) buf.d[i - 1].muli(1.0 / keep[i]);
            }
        }
        if (l2) score += graph.calcRegularizationScore(true);
        int iteration = graph.getConfiguration().getIterationCount(), epoch = graph.getConfiguration().getEpochCount();
        if (graph.getUpdater(true) != boundUpdater) bindUpdater();
        if (block != null) {
            if (l2) {
                for (int i = 0; i < layers; i++) {
                    Layer layer = graph.getLayer(names.get(i));
                    BaseLayer conf = (BaseLayer) layer.conf().getLayer();
                    double lr = block.getGradientUpdater().getConfig().getLearningRate(iteration, epoch);
                    for (Regularization r : conf.getRegularization()) r.apply(wT[i], gWT[i], lr, iteration, epoch);
                    for (Regularization r : conf.getRegularizationBias()) r.apply(b[i], gB[i], lr, iteration, epoch);
                }
            }
            if (javaUpdater != null) javaUpdater.apply(gradientFlat, iteration, epoch);
            else block.getGradientUpdater().applyUpdater(block.getGradientView(), iteration, epoch);
        } else {
            graph.getUpdater(true).update(gradient, iteration, epoch, m, LayerWorkspaceMgr.noWorkspaces());
        }
        paramsFlat.subi(gradientFlat);  // NegativeDefaultStepFunction: params -= update
        graph.getConfiguration().setIterationCount(iteration + 1);
        return score;
    }

    /** Network outputs (softmax probabilities for softmax heads) for {@code m} standardised rows, row-major. */
    float[] output(float[] x, int m) {
        Buffers buf = buffers(m);
        nio(buf.x).put(0, x, 0, m * nIn[0]);
        forward(buf, false);
        int o = nOut[layers - 1];
        float[] out = new float[m * o];
        nio(buf.a[layers - 1]).get(0, out, 0, m * o);
        if (softmax) for (int r = 0; r < m; r++) softmaxRow(out, r * o, o);
        return out;
    }

    /** Data loss averaged over rows (DL4J's score) and, into {@code g}, the per-row loss gradient w.r.t. the output pre-activation. */
    private double lossAndGradient(float[] out, float[] y, float[] g, int m, int o) {
        double sum = 0;
        if (softmax) {
            for (int r = 0; r < m; r++) {
                int off = r * o;
                softmaxRow(out, off, o);
                for (int j = 0; j < o; j++) {
                    float p = out[off + j], t = y[off + j];
                    if (t != 0) sum -= t * Math.log(Math.max(p, 1e-10));
                    g[off + j] = p - t;
                }
            }
            return sum / m;
        }
        int n = m * o;
        if (loss == NetworkSpec.Loss.MAE) {
            float s = 1f / o;
            for (int k = 0; k < n; k++) {
                float dlt = out[k] - y[k];
                sum += Math.abs(dlt);
                g[k] = dlt > 0 ? s : dlt < 0 ? -s : 0f;
            }
        } else if (loss == NetworkSpec.Loss.MSE) {
            float s = 2f / o;
            for (int k = 0; k < n; k++) {
                float dlt = out[k] - y[k];
                sum += (double) dlt * dlt;
                g[k] = s * dlt;
            }
        } else {
            throw new IllegalStateException("loss " + loss + " needs a softmax head");
        }
        return sum / ((double) m * o);
    }

    private static void softmaxRow(float[] v, int off, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) max = Math.max(max, v[off + j]);
        double s = 0;
        for (int j = 0; j < n; j++) { float e = (float) Math.exp(v[off + j] - max); v[off + j] = e; s += e; }
        float inv = (float) (1.0 / s);
        for (int j = 0; j < n; j++) v[off + j] *= inv;
    }
}
