package org.coreloss.nn;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lean dense path must compute what DL4J computes: same outputs, same scores, same updates. */
class DenseFastPathTest {

    static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (2 * r.nextDouble() - 1);
        return v;
    }

    static float[] oneHot(int rows, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[rows * classes];
        for (int i = 0; i < rows; i++) v[i * classes + r.nextInt(classes)] = 1f;
        return v;
    }

    static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    static double maxAbs(float[] a) {
        double m = 0;
        for (float v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** Trains two identically initialised graphs on the same batches, one by ComputationGraph.fit, one by the fast path. */
    static void assertSameTraining(NetworkSpec spec, boolean softmaxTargets, double lr) {
        ComputationGraph ref = Networks.build(spec, 7, lr), lean = Networks.build(spec, 7, lr);
        assertArrayEquals(ref.params().toFloatVector(), lean.params().toFloatVector());
        DenseFastPath fast = new DenseFastPath(lean, spec);
        int in = spec.inputSize(), out = spec.outputSize();
        for (int step = 0; step < 12; step++) {
            int m = step % 4 == 3 ? 5 : 16;  // also a short last batch
            float[] x = random(m * in, 100 + step);
            float[] y = softmaxTargets ? oneHot(m, out, 200 + step) : random(m * out, 200 + step);
            ref.fit(new DataSet(Nd4j.create(x, new long[]{m, in}, DataType.FLOAT), Nd4j.create(y, new long[]{m, out}, DataType.FLOAT)));
            double s = fast.fit(x, y, m);
            assertEquals(ref.score(), s, 1e-4 * Math.max(1, Math.abs(ref.score())), "score at step " + step);
        }
        assertEquals(ref.getConfiguration().getIterationCount(), lean.getConfiguration().getIterationCount());
        fast.syncUpdaterState();
        float[] pr = ref.params().toFloatVector(), pl = lean.params().toFloatVector();
        assertTrue(maxAbsDiff(pr, pl) < 1e-4 * maxAbs(pr), "parameters differ by " + maxAbsDiff(pr, pl));
        // the updater state (Adam moments / RMSProp cache) lives in the graph and must match too
        float[] ur = ref.getUpdater().getStateViewArray().toFloatVector(), ul = lean.getUpdater().getStateViewArray().toFloatVector();
        assertTrue(maxAbsDiff(ur, ul) < 1e-3 * maxAbs(ur) + 1e-9, "updater state differs by " + maxAbsDiff(ur, ul));
    }

    @Test void regressorWithoutDropoutTrainsLikeDl4j() {
        assertSameTraining(new RegressorSpec(12, 0, List.of(10, 8), 0.0, 0.0, 3, RegressorSpec.Head.LINEAR, NetworkSpec.Loss.MSE), false, 1e-2);
    }

    @Test void singleInputAndSingleOutputLayersTrainLikeDl4j() {
        // weight matrices with one row or one column: their transposed views are vectors
        assertSameTraining(new RegressorSpec(1, 0, List.of(6), 0.0, 0.0, 1, RegressorSpec.Head.LINEAR, NetworkSpec.Loss.MSE), false, 1e-2);
        assertSameTraining(new GeneratorSpec(1, GeneratorSpec.Arch.DNN, 5, 4, 1, 6, 1, 1, 0), false, 1e-3);
    }

    @Test void l2IsAppliedAndScoredLikeDl4j() {
        assertSameTraining(new RegressorSpec(12, 0, List.of(10), 0.0, 1e-2, 2, RegressorSpec.Head.LINEAR, NetworkSpec.Loss.MSE), false, 1e-2);
    }

    @Test void softmaxClassifierTrainsLikeDl4j() {
        assertSameTraining(new RegressorSpec(12, 0, List.of(10, 8), 0.0, 0.0, 4, RegressorSpec.Head.SOFTMAX, NetworkSpec.Loss.XENT), true, 1e-2);
    }

    @Test void denseGeneratorTrainsLikeDl4j() {
        assertSameTraining(new GeneratorSpec(6, GeneratorSpec.Arch.DNN, 9, 7, 2, 11, 1, 13, 0), false, 1e-3);
    }

    @Test void maeGradientMatchesDl4jScore() {
        // MAE's sign() makes long runs drift apart at rounding level; one step must agree closely
        RegressorSpec spec = new RegressorSpec(12, 0, List.of(10), 0.0, 0.0, 3, RegressorSpec.Head.LINEAR, NetworkSpec.Loss.MAE);
        ComputationGraph ref = Networks.build(spec, 3, 1e-3), lean = Networks.build(spec, 3, 1e-3);
        float[] x = random(16 * 12, 1), y = random(16 * 3, 2);
        ref.fit(new DataSet(Nd4j.create(x, new long[]{16, 12}, DataType.FLOAT), Nd4j.create(y, new long[]{16, 3}, DataType.FLOAT)));
        double s = new DenseFastPath(lean, spec).fit(x, y, 16);
        assertEquals(ref.score(), s, 1e-5);
        assertTrue(maxAbsDiff(ref.params().toFloatVector(), lean.params().toFloatVector()) < 1e-5);
    }

    @Test void outputsEqualDl4jForwardPass() {
        for (NetworkSpec spec : new NetworkSpec[]{
                new RegressorSpec(12, 0, List.of(10, 8), 0.5, 0.0, 3, RegressorSpec.Head.LINEAR, NetworkSpec.Loss.MAE),
                new RegressorSpec(12, 0, List.of(10), 0.5, 0.0, 4, RegressorSpec.Head.SOFTMAX, NetworkSpec.Loss.XENT),
                new GeneratorSpec(6, GeneratorSpec.Arch.DNN, 9, 7, 3, 11, 1, 13, 0)}) {
            ComputationGraph g = Networks.build(spec, 5, 1e-3);
            float[] x = random(33 * spec.inputSize(), 9);
            float[] ref = Trainer.flat(g.outputSingle(false, Nd4j.create(x, new long[]{33, spec.inputSize()}, DataType.FLOAT)));
            float[] lean = new DenseFastPath(g, spec).output(x, 33);
            assertTrue(maxAbsDiff(ref, lean) < 1e-5 * Math.max(1, maxAbs(ref)), spec + ": outputs differ by " + maxAbsDiff(ref, lean));
        }
    }

    @Test void buffersAreKeptForAtMostTwoBatchSizesAndStayCorrect() {
        NetworkSpec spec = new GeneratorSpec(6, GeneratorSpec.Arch.DNN, 9, 7, 3, 11, 1, 13, 0);
        ComputationGraph g = Networks.build(spec, 5, 1e-3);
        DenseFastPath fast = new DenseFastPath(g, spec);
        for (int m : new int[] {5, 17, 33, 64, 17, 5}) {
            float[] x = random(m * spec.inputSize(), m);
            float[] ref = Trainer.flat(g.outputSingle(false, Nd4j.create(x, new long[]{m, spec.inputSize()}, DataType.FLOAT)));
            float[] lean = fast.output(x, m);
            assertTrue(maxAbsDiff(ref, lean) < 1e-5 * Math.max(1, maxAbs(ref)), "batch " + m + ": outputs differ by " + maxAbsDiff(ref, lean));
            assertTrue(fast.bufferSets() <= DenseFastPath.MAX_BUFFER_SETS, "buffer sets held: " + fast.bufferSets());
        }
        fast.releaseBuffers();
        assertTrue(fast.bufferSets() == 0);
        float[] x = random(9 * spec.inputSize(), 3);
        float[] ref = Trainer.flat(g.outputSingle(false, Nd4j.create(x, new long[]{9, spec.inputSize()}, DataType.FLOAT)));
        assertTrue(maxAbsDiff(ref, fast.output(x, 9)) < 1e-5 * Math.max(1, maxAbs(ref)), "usable after release");
    }

    @Test void wideLayersSplitOverThreadsGiveTheSameOutputs() {
        // 130 rows x 1100 units exceeds the size above which inference splits the element-wise passes
        GeneratorSpec spec = new GeneratorSpec(6, GeneratorSpec.Arch.DNN, 9, 7, 2, 1100, 1, 13, 0);
        ComputationGraph g = Networks.build(spec, 4, 1e-3);
        float[] x = random(130 * 6, 8);
        float[] ref = Trainer.flat(g.outputSingle(false, Nd4j.create(x, new long[]{130, 6}, DataType.FLOAT)));
        int before = Nd4j.getEnvironment().maxThreads();
        try {
            for (int threads : new int[]{1, 2, 3}) {
                Nd4j.getEnvironment().setMaxThreads(threads);
                float[] lean = new DenseFastPath(g, spec).output(x, 130);
                assertTrue(maxAbsDiff(ref, lean) < 1e-5 * Math.max(1, maxAbs(ref)), threads + " threads: outputs differ by " + maxAbsDiff(ref, lean));
            }
        } finally {
            Nd4j.getEnvironment().setMaxThreads(before);
        }
    }

    @Test void dropoutTrainingIsSeededAndChangesWithTheSeed() {
        RegressorSpec spec = new RegressorSpec(12, 0, List.of(16, 16), 0.5, 0.0, 2, RegressorSpec.Head.LINEAR, NetworkSpec.Loss.MAE);
        float[] a = trainWithDropout(spec, 11), b = trainWithDropout(spec, 11), c = trainWithDropout(spec, 12);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    private static float[] trainWithDropout(RegressorSpec spec, long dropoutSeed) {
        ComputationGraph g = Networks.build(spec, 1, 1e-2);
        DenseFastPath fast = new DenseFastPath(g, spec);
        fast.seedDropout(dropoutSeed);
        for (int step = 0; step < 5; step++) fast.fit(random(16 * 12, step), random(16 * 2, 50 + step), 16);
        return g.params().toFloatVector();
    }

    @Test void unsupportedSpecsAreRefused() {
        assertFalse(DenseFastPath.supports(new GeneratorSpec(6, GeneratorSpec.Arch.CNN, 9, 7, 2, 4, 3, 13, 0)));
        assertFalse(DenseFastPath.supports(new GeneratorSpec(6, GeneratorSpec.Arch.DNN, 9, 7, 2, 11, 1, 13, 6)));
        assertTrue(DenseFastPath.supports(new GeneratorSpec(6, GeneratorSpec.Arch.DNN, 9, 7, 2, 11, 1, 13, 0)));
    }
}
