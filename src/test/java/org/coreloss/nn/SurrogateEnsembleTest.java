package org.coreloss.nn;

import org.coreloss.eval.Predictor;
import org.coreloss.eval.SpectrumError;
import org.coreloss.eval.UncertainPrediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class SurrogateEnsembleTest {
    static final int CH = 32;

    static SurrogateEnsemble ensemble(Synthetic train, Synthetic val) {
        GeneratorSpec spec = new GeneratorSpec(3, GeneratorSpec.Arch.DNN, 16, 12, 1, 24, 1, CH, 0);
        List<TrainedModel> ms = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            ms.add(Trainer.fit(spec, train.params, train.spectra, val.params, val.spectra,
                    TrainingOptions.defaults(seed).withEpochs(15).withBatchSize(16).withLearningRate(3e-3, 0.95), null).model());
        }
        double[][] ranges = new double[3][];
        for (int k = 0; k < 3; k++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (float[] p : train.params) { lo = Math.min(lo, p[k]); hi = Math.max(hi, p[k]); }
            ranges[k] = new double[]{lo, hi};
        }
        return new SurrogateEnsemble(ms, ranges, 1.0);
    }

    /**
     * The out-of-domain flag fires on every input with a coordinate outside the training ranges (just outside, far
     * outside, NaN) and on none inside (including the range edges); the calibrated predicted SE has the median of the
     * actual SE on the calibration rows and ranks held-out spectra by their actual error better than chance.
     */
    @Test
    void outOfDomainFlagAndCalibratedError(@TempDir Path dir) throws Exception {
        Synthetic train = new Synthetic(300, CH, 31), val = new Synthetic(100, CH, 32), test = new Synthetic(200, CH, 33);
        SurrogateEnsemble e = ensemble(train, val).calibrated(val.params, val.spectra);
        double[][] r = e.inputRanges();
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 2000;
        float[][] x = new float[n][3];
        boolean[] outside = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                double w = r[k][1] - r[k][0];
                double u = rnd.nextDouble(-0.2, 1.2);
                x[i][k] = (float) (r[k][0] + u * w);
                if (i % 50 == 0) x[i][k] = (float) (k == i % 3 ? r[k][1] : r[k][0]); // edges: inside
            }
            if (i % 97 == 0) x[i][1] = Float.NaN;
            for (int k = 0; k < 3; k++) outside[i] |= !(x[i][k] >= (float) r[k][0] && x[i][k] <= (float) r[k][1]);
        }
        UncertainPrediction[] up = e.predictWithUncertainty(x);
        int in = 0, out = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(outside[i], up[i].outOfDomain(), "row " + i + " " + java.util.Arrays.toString(x[i]));
            if (outside[i]) out++; else in++;
        }
        assertTrue(in > 300 && out > 300, in + " inside, " + out + " outside");
        for (float[] p : train.params) assertFalse(e.outOfDomain(p));

        // calibration: median predicted SE = median actual SE on the calibration rows
        UncertainPrediction[] v = e.predictWithUncertainty(val.params);
        double[] pred = new double[v.length], act = new double[v.length];
        for (int i = 0; i < v.length; i++) { pred[i] = v[i].predictedSe(); act[i] = SpectrumError.se(v[i].spectrum(), val.spectra[i]); }
        double[] ratio = new double[v.length];
        for (int i = 0; i < v.length; i++) ratio[i] = act[i] / pred[i];
        java.util.Arrays.sort(ratio);
        assertEquals(1.0, ratio[ratio.length / 2], 0.05);

        UncertainPrediction[] t = e.predictWithUncertainty(test.params);
        double[] tp = new double[t.length], ta = new double[t.length];
        for (int i = 0; i < t.length; i++) { tp[i] = t[i].predictedSe(); ta[i] = SpectrumError.se(t[i].spectrum(), test.spectra[i]); }
        assertTrue(org.coreloss.eval.Ranks.spearman(tp, ta) > 0.2, "Spearman " + org.coreloss.eval.Ranks.spearman(tp, ta));

        e.save(dir.resolve("ens"));
        SurrogateEnsemble back = SurrogateEnsemble.load(dir.resolve("ens"));
        assertEquals(e.seScale(), back.seScale());
        assertArrayEquals(e.predict(test.params)[5], back.predict(test.params)[5]);
        assertArrayEquals(r[2], back.inputRanges()[2]);
    }

    /** A plain predictor keeps working through the default: no error model (NaN), no ranges, never out of domain. */
    @Test
    void defaultPredictorHasNoErrorModel() {
        Synthetic train = new Synthetic(60, CH, 34);
        Predictor p = Trainer.fit(new GeneratorSpec(3, GeneratorSpec.Arch.DNN, 8, 8, 1, 8, 1, CH, 0), train.params, train.spectra,
                TrainingOptions.defaults(1).withEpochs(1), null).model();
        UncertainPrediction[] u = p.predictWithUncertainty(new float[][]{{1e9f, 0, 0}});
        assertTrue(Double.isNaN(u[0].predictedSe()));
        assertFalse(u[0].outOfDomain());
        assertNull(p.inputRanges());
    }
}
