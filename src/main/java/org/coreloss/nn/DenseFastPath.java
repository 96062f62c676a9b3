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
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lean training step and forward pass for the pure-dense networks ({@link RegressorSpec}s and non-split
 * {@link GeneratorSpec.Arch#DNN} generators), working in place on a DL4J {@link ComputationGraph}'s own
 * parameter, gradient and updater-state arrays.
 *
 * <p>Why: DL4J's layer machinery issues on the order of a hundred ND4J operations per step (shape checks,
 * the {@code Mmul} custom op with order conversions, activation objects, workspace bookkeeping), which at
 * batch 64 costs 5-10x the arithmetic (docs/nn.md). This path does per dense layer one prebuilt libnd4j
 * {@code matmul} op forward and two backward, into preallocated arrays; bias, ReLU and dropout are one Java
 * pass, the ReLU gradient another; losses are computed in Java on the small output block. The update runs
 * on the graph's single updater block: {@link JavaUpdater} for Adam/RMSProp (DL4J's own
 * {@code GradientUpdater} otherwise, and the graph's whole {@code ComputationGraphUpdater} if there are
 * several blocks), with the graph's learning rate, L2 through DL4J's {@code Regularization} objects, and
 * the parameters stepped as DL4J's {@code NegativeDefaultStepFunction} does. So checkpoints, learning-rate
 * changes, resume and model files are untouched, and a graph can be trained by either path.
 *
 * <p>Semantics reproduced from DL4J: ReLU hidden layers; DL4J dropout (inverted, keep probability p on a
 * layer's <em>input</em>); identity output with MAE ({@code LossMAE}: score mean |d| over outputs,
 * gradient sign(d)/nOut) or MSE ({@code LossMSE}: mean d^2, gradient 2d/nOut), softmax output with
 * multi-class cross-entropy (gradient p - y); scores averaged over the minibatch plus the L2 score, as
 * {@code ComputationGraph.score()}. Dropout masks come from a {@code SplittableRandom} the trainer reseeds
 * every epoch ({@link #seedDropout}), so dropout networks train to different (equally valid, equally
 * reproducible) weights than through {@code ComputationGraph.fit}; networks without dropout follow the
 * same arithmetic up to float rounding and operation order.
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
    private final BaseLayer[] confs;               // the layers' DL4J configurations (dropout, regularisation)
    private final INDArray[] wT, b, gWT, gB;       // c-order [nOut, nIn] views of W (f-order [nIn, nOut]) and of its gradient
    private final FloatBuffer[] bN, gBN;           // direct buffers over the biases and their gradients
    private final int maxWidth;
    private FloatBuffer paramsN, gradientN;        // direct buffers over all parameters / gradients
    private SplittableRandom dropoutRandom = new SplittableRandom(0);
    private final List<String> names;
    private DefaultGradient gradient;              // bound on the first training step (inference needs no gradient arrays)
    private INDArray paramsFlat, gradientFlat;     // same-shape views of the graph's flattened parameters and gradients
    private UpdaterBlock block;                    // the graph's single updater block, or null: then the graph's whole updater runs
    private JavaUpdater javaUpdater;               // Adam / RMSProp on heap arrays, or null: the block's own (native) updater runs
    private Object boundUpdater;                   // the ComputationGraphUpdater that block belongs to (setLearningRate replaces it)
    private final boolean miniBatch;               // DL4J divides gradients by the batch size (the default)
    private final boolean l2;
    /**
     * Activation buffers of the most recently used batch sizes, at most {@value #MAX_BUFFER_SETS} (training
     * uses the batch size and the last partial batch; prediction its own); the least recently used set is
     * closed (its native memory freed at once) when another size comes.
     */
    private final Map<Integer, Buffers> buffers = new java.util.LinkedHashMap<>(4, 0.75f, true);
    static final int MAX_BUFFER_SETS = 2;

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
        bN = new FloatBuffer[layers]; gBN = new FloatBuffer[layers];
        confs = new BaseLayer[layers];
        boolean anyL2 = false;
        for (int i = 0; i < layers; i++) {
            String name = names.get(i);
            Layer layer = graph.getLayer(name);
            if (layer == null) throw new IllegalStateException("graph has no layer " + name + " for " + spec);
            INDArray w = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
            nIn[i] = (int) w.size(0);
            nOut[i] = (int) w.size(1);
            wT[i] = rowMajorTranspose(w, name);
            b[i] = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            bN[i] = nio(b[i]);
            BaseLayer conf = confs[i] = (BaseLayer) layer.conf().getLayer();
            IDropout d = conf.getIDropout();
            if (d != null && !(d instanceof Dropout)) throw new IllegalStateException("unsupported dropout " + d + " in " + name);
            keep[i] = d == null ? 1.0 : ((Dropout) d).getP();
            anyL2 |= conf.getRegularization() != null && !conf.getRegularization().isEmpty();
        }
        l2 = anyL2;
        int w = 0;
        for (int i = 0; i < layers; i++) w = Math.max(w, nOut[i]);
        maxWidth = w;
        miniBatch = graph.getConfiguration().getDefaultConfiguration().isMiniBatch();
    }

    /**
     * The row-major [nOut, nIn] view of DL4J's column-major [nIn, nOut] weight view {@code w} (same memory). Built
     * from the buffer, offset and strides rather than by {@code transpose()}, whose reported ordering is ambiguous
     * when nIn or nOut is 1.
     */
    private static INDArray rowMajorTranspose(INDArray w, String layer) {
        long nIn = w.size(0), nOut = w.size(1);
        boolean columnMajor = (nIn == 1 || w.stride(0) == 1) && (nOut == 1 || w.stride(1) == nIn);
        if (!columnMajor) throw new IllegalStateException("unexpected weight layout in layer " + layer + ": strides " + java.util.Arrays.toString(w.stride()));
        return Nd4j.create(w.data(), new long[]{nOut, nIn}, new long[]{nIn, 1}, w.offset(), 'c');
    }

    /** Binds the per-layer views of the graph's flattened gradient array (allocated here if the graph has none yet). */
    private void bindGradients() {
        if (graph.getFlattenedGradients() == null) graph.initGradientsView();
        gradient = new DefaultGradient(graph.getFlattenedGradients());
        paramsFlat = graph.params();
        gradientFlat = graph.getFlattenedGradients().reshape(paramsFlat.shape());
        if (gradientFlat.data().address() != graph.getFlattenedGradients().data().address()) throw new IllegalStateException("gradient view is not flat");
        paramsN = nio(paramsFlat);
        gradientN = nio(gradientFlat);
        for (int i = 0; i < layers; i++) {
            Layer layer = graph.getLayer(names.get(i));
            Map<String, INDArray> gv = DefaultParamInitializer.getInstance()
                    .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
            gWT[i] = rowMajorTranspose(gv.get(DefaultParamInitializer.WEIGHT_KEY), names.get(i));
            gB[i] = gv.get(DefaultParamInitializer.BIAS_KEY);
            gBN[i] = nio(gB[i]);
            gradient.setGradientFor(names.get(i) + "_" + DefaultParamInitializer.WEIGHT_KEY, gv.get(DefaultParamInitializer.WEIGHT_KEY));
            gradient.setGradientFor(names.get(i) + "_" + DefaultParamInitializer.BIAS_KEY, gB[i]);
        }
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
        org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater updater = graph.getUpdater(true);
        boundUpdater = updater;
        List<UpdaterBlock> blocks = updater.getUpdaterBlocks();
        block = blocks.size() == 1 && blocks.get(0).getParamOffsetStart() == 0
                && blocks.get(0).getParamOffsetEnd() == paramsFlat.length() ? blocks.get(0) : null;
        if (block != null) {
            for (BaseLayer conf : confs) {
                for (List<Regularization> rs : List.of(conf.getRegularization(), conf.getRegularizationBias())) {
                    for (Regularization r : rs) if (r.applyStep() != Regularization.ApplyStep.BEFORE_UPDATER) block = null;
                }
            }
        }
        if (javaUpdater != null) {
            JavaUpdater kept = block == null ? null : javaUpdater.rebind(block.getGradientUpdater());
            if (kept == null) javaUpdater.writeState(blocks);
            javaUpdater = kept;
        } else if (block != null) {
            javaUpdater = JavaUpdater.of(block.getGradientUpdater(), (int) paramsFlat.length());
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
        final FloatBuffer xN;
        final FloatBuffer[] aN;
        final float[] bias = new float[maxWidth];
        final CustomOp[] fwd;      // fwd[i]: a[i] = input_i . W_i
        FloatBuffer[] dN, daN;
        CustomOp[] gradW, gradX;   // gradW[i]: dW_i^T = d[i]^T . input_i; gradX[i]: da[i] = d[i] . W_i^T
        INDArray[] d;              // d[i]: gradient w.r.t. the pre-activation of layer i (training only)
        INDArray[] da;             // da[i]: gradient w.r.t. the input of layer i >= 1 (training only)
        float[] out, grad;

        Buffers(int m) {
            this.m = m;
            x = Nd4j.create(DataType.FLOAT, m, nIn[0]);
            a = new INDArray[layers];
            aN = new FloatBuffer[layers];
            for (int i = 0; i < layers; i++) { a[i] = Nd4j.create(DataType.FLOAT, m, nOut[i]); aN[i] = nio(a[i]); }
            xN = nio(x);
            fwd = new CustomOp[layers];
            for (int i = 0; i < layers; i++) fwd[i] = matmul(i == 0 ? x : a[i - 1], wT[i], a[i], false, true);
        }

        /** Frees the native memory of this set's arrays. */
        void close() {
            closeAll(x);
            closeAll(a);
            closeAll(d);
            closeAll(da);
        }

        private static void closeAll(INDArray... arrays) {
            if (arrays == null) return;
            for (INDArray t : arrays) {
                if (t != null && t.closeable()) t.close();
            }
        }

        Buffers forTraining() {
            if (d == null) {
                d = new INDArray[layers]; da = new INDArray[layers];
                dN = new FloatBuffer[layers]; daN = new FloatBuffer[layers];
                for (int i = 0; i < layers; i++) {
                    d[i] = Nd4j.create(DataType.FLOAT, m, nOut[i]);
                    dN[i] = nio(d[i]);
                    if (i > 0) { da[i] = Nd4j.create(DataType.FLOAT, m, nIn[i]); daN[i] = nio(da[i]); }
                }
                gradW = new CustomOp[layers]; gradX = new CustomOp[layers];
                for (int i = 0; i < layers; i++) {
                    gradW[i] = matmul(d[i], i == 0 ? x : a[i - 1], gWT[i], true, false);
                    if (i > 0) gradX[i] = matmul(d[i], wT[i], da[i], false, false);
                }
                out = new float[m * nOut[layers - 1]];
                grad = new float[m * nOut[layers - 1]];
            }
            return this;
        }
    }

    /**
     * A reusable libnd4j {@code matmul} op c = op(a) . op(b). Not {@code Nd4j.gemm}: in the oneDNN build of
     * nd4j-native the matmul op runs on oneDNN, which here was 2x faster than OpenBLAS's gemm on the small
     * products of batch-64 regressors (64x256x256: 0.11 vs 0.21 ms) and, unlike {@code Nd4j.gemm}, used both
     * cores for large ones (1024x1000x1000 with 2 threads: 203 vs 117 GFLOPS; equal with 1 thread).
     */
    private static CustomOp matmul(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB) {
        return DynamicCustomOp.builder("matmul").addInputs(a, b).addOutputs(c)
                .addIntegerArguments(transA ? 1 : 0, transB ? 1 : 0, 0).build();
    }

    private Buffers buffers(int m) {
        Buffers b = buffers.get(m);
        if (b != null) return b;
        while (buffers.size() >= MAX_BUFFER_SETS) {
            var eldest = buffers.entrySet().iterator().next();
            buffers.remove(eldest.getKey());
            eldest.getValue().close();
        }
        b = new Buffers(m);
        buffers.put(m, b);
        return b;
    }

    /** Number of batch sizes whose buffers are held (for tests). */
    int bufferSets() { return buffers.size(); }

    /** Frees the native memory of every activation buffer (the path stays usable; buffers are made again on use). */
    void releaseBuffers() {
        for (Buffers b : buffers.values()) b.close();
        buffers.clear();
    }

    /** A direct buffer over exactly the elements of contiguous {@code a} (a view into the graph's arrays or a buffer of ours). */
    static FloatBuffer nio(INDArray a) {
        FloatBuffer all = a.data().asNioFloat();
        int off = (int) a.offset();
        return all.position(off).limit(off + (int) a.length()).slice();
    }

    /** Sets the generator of the dropout masks (the trainer reseeds it every epoch). */
    void seedDropout(long seed) {
        dropoutRandom = new SplittableRandom(seed);
    }

    /**
     * Forward pass of {@code m} rows already in {@code buf.x}; with {@code train} applies dropout. Leaves
     * outputs (before softmax) in {@code buf.a[last]}. Bias, ReLU and the dropout of the next layer's input
     * are one Java pass over each layer's output.
     */
    private void forward(Buffers buf, boolean train) {
        int m = buf.m;
        if (train && keep[0] < 1.0) dropout(buf.xN, m * nIn[0], keep[0]);
        // inference splits the element-wise passes over ND4J's thread count (rows are independent: same numbers
        // for any split); training keeps one thread (the benchmark's setting, and dropout draws in order)
        int threads = train ? 1 : Math.max(1, Math.min(Nd4j.getEnvironment().maxThreads(), m));
        for (int i = 0; i < layers; i++) {
            Nd4j.exec(buf.fwd[i]);
            FloatBuffer zb = buf.aN[i];
            int n = nOut[i];
            float[] bias = buf.bias;
            bN[i].get(0, bias, 0, n);
            boolean relu = i < layers - 1;
            if (threads > 1 && (long) m * n >= PARALLEL_MIN) {
                int t = threads;
                java.util.stream.IntStream.range(0, t).parallel()
                        .forEach(k -> biasActivation(zb, bias, m * k / t, m * (k + 1) / t, n, relu));
            } else {
                biasActivation(zb, bias, 0, m, n, relu);
            }
            if (train && i + 1 < layers && keep[i + 1] < 1.0) dropout(zb, m * n, keep[i + 1]);
        }
    }

    /** Element-wise passes over fewer values than this stay on the calling thread. */
    private static final long PARALLEL_MIN = 1 << 17;

    /** DL4J's inverted dropout with keep probability {@code p}: kept values are divided by p, the others set to 0. */
    private void dropout(FloatBuffer v, int n, double p) {
        SplittableRandom rnd = dropoutRandom;
        float scale = (float) (1.0 / p);
        for (int k = 0; k < n; k++) v.put(k, rnd.nextDouble() < p ? v.get(k) * scale : 0f);
    }

    /**
     * One training step on {@code m} rows ({@code x} row-major [m, nIn], {@code y} [m, nOut]); returns the
     * minibatch score as {@code ComputationGraph.score()} would (data loss plus L2 score).
     */
    double fit(float[] x, float[] y, int m) {
        if (gradient == null) bindGradients();
        Buffers buf = buffers(m).forTraining();
        buf.xN.put(0, x, 0, m * nIn[0]);
        forward(buf, true);
        int last = layers - 1, o = nOut[last];
        buf.aN[last].get(0, buf.out, 0, m * o);
        double score = lossAndGradient(buf.out, y, buf.grad, m, o);
        if (block != null && miniBatch) { // DL4J divides the whole gradient by the batch size: do it here, on the small output block
            float inv = 1f / m;
            for (int k = 0; k < m * o; k++) buf.grad[k] *= inv;
        }
        buf.dN[last].put(0, buf.grad, 0, m * o);

        for (int i = last; i >= 0; i--) {
            Nd4j.exec(buf.gradW[i]);  // dW^T = dz^T . input
            columnSums(buf.dN[i], m, nOut[i], buf.bias, gBN[i]);
            if (i > 0) {
                Nd4j.exec(buf.gradX[i]);  // d input = dz . W^T
                // back through this layer's input dropout and the previous layer's ReLU: the stored input is > 0
                // exactly where both passed; kept values were scaled by 1/keep
                reluBackward(buf.aN[i - 1], buf.daN[i], buf.dN[i - 1], m * nIn[i], (float) (1.0 / keep[i]));
            }
        }
        if (l2) score += graph.calcRegularizationScore(true);
        int iteration = graph.getConfiguration().getIterationCount(), epoch = graph.getConfiguration().getEpochCount();
        if (graph.getUpdater(true) != boundUpdater) bindUpdater();
        if (block != null) {
            if (l2) {
                double lr = block.getGradientUpdater().getConfig().getLearningRate(iteration, epoch);
                for (int i = 0; i < layers; i++) {
                    for (Regularization r : confs[i].getRegularization()) r.apply(wT[i], gWT[i], lr, iteration, epoch);
                    for (Regularization r : confs[i].getRegularizationBias()) r.apply(b[i], gB[i], lr, iteration, epoch);
                }
            }
            if (javaUpdater != null) {
                javaUpdater.step(gradientN, paramsN, iteration, epoch); // params -= update, in one pass
            } else {
                block.getGradientUpdater().applyUpdater(block.getGradientView(), iteration, epoch);
                paramsFlat.subi(gradientFlat);
            }
        } else {
            graph.getUpdater(true).update(gradient, iteration, epoch, m, LayerWorkspaceMgr.noWorkspaces());
            paramsFlat.subi(gradientFlat);  // NegativeDefaultStepFunction: params -= update
        }
        graph.getConfiguration().setIterationCount(iteration + 1);
        return score;
    }

    // The element-wise passes are small static methods so that the JIT compiles each as a hot method of its own
    // (inlined into forward()/fit(), the same loops ran 4x slower).

    /** z[r][j] = z[r][j] + bias[j], then max(0, .) if {@code relu}, for rows r0 <= r < r1 of the row-major [., n] block. */
    private static void biasActivation(FloatBuffer z, float[] bias, int r0, int r1, int n, boolean relu) {
        if (relu) {
            for (int r = r0, k = r0 * n; r < r1; r++) {
                for (int j = 0; j < n; j++, k++) {
                    float v = z.get(k) + bias[j];
                    z.put(k, v < 0f ? 0f : v);
                }
            }
        } else {
            for (int r = r0, k = r0 * n; r < r1; r++) for (int j = 0; j < n; j++, k++) z.put(k, z.get(k) + bias[j]);
        }
    }

    /** out = (a > 0 ? g * scale : 0): back through a ReLU (and an inverted dropout of keep 1/scale) whose output is a. */
    private static void reluBackward(FloatBuffer a, FloatBuffer g, FloatBuffer out, int n, float scale) {
        for (int k = 0; k < n; k++) out.put(k, a.get(k) > 0f ? g.get(k) * scale : 0f);
    }

    /** Column sums of the row-major [m, n] block {@code d} into {@code out} (via {@code acc}, length >= n). */
    private static void columnSums(FloatBuffer d, int m, int n, float[] acc, FloatBuffer out) {
        java.util.Arrays.fill(acc, 0, n, 0f);
        for (int r = 0, k = 0; r < m; r++) for (int j = 0; j < n; j++, k++) acc[j] += d.get(k);
        out.put(0, acc, 0, n);
    }

    /** Network outputs (softmax probabilities for softmax heads) for {@code m} standardised rows, row-major. */
    float[] output(float[] x, int m) {
        Buffers buf = buffers(m);
        buf.xN.put(0, x, 0, m * nIn[0]);
        forward(buf, false);
        int o = nOut[layers - 1];
        float[] out = new float[m * o];
        buf.aN[layers - 1].get(0, out, 0, m * o);
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
