package org.coreloss.nn;

import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.simulate.DatabaseSpec;
import org.coreloss.simulate.ParameterSpace;
import org.coreloss.simulate.Preset;
import org.coreloss.simulate.Sampler;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A generator learns held-out Ni2+ 2p XAS multiplet spectra: the crystal field 10Dq varies over seed 003's Oh
 * range, all other parameters sit at the middle of their ranges (a one-parameter slice of the study's setting,
 * small enough for a unit test).
 */
class MultipletGeneratorTest {
    @Test
    void generatorReproducesHeldOutNi2SpectraAcrossTenDq() {
        ParameterSpace space = new DatabaseSpec("Ni2+", 1, Preset.OH, Sampler.UNIFORM, 1, 1).space();
        MultipletEngine engine = new MultipletEngine();
        SplittableRandom rnd = new SplittableRandom(17);
        int n = 60, nTrain = 48;
        float[][] x = new float[n][1], y = new float[n][];
        for (int i = 0; i < n; i++) {
            double[] u = new double[space.dimensions()];
            Arrays.fill(u, 0.5);
            u[0] = rnd.nextDouble(); // dq_eV
            double[] v = space.at(u);
            x[i][0] = (float) v[0];
            y[i] = engine.spectrum(Ions.get("Ni2+"), ParameterSpace.toMultipletParameters(v)).intensities();
        }
        float[][] xt = Arrays.copyOf(x, nTrain), yt = Arrays.copyOf(y, nTrain);
        float[][] xv = Arrays.copyOfRange(x, nTrain, n), yv = Arrays.copyOfRange(y, nTrain, n);
        GeneratorSpec spec = new GeneratorSpec(1, GeneratorSpec.Arch.DNN, 64, 32, 2, 256, 1, y[0].length, 0);
        TrainedModel m = Trainer.fit(spec, xt, yt, xv, yv,
                TrainingOptions.defaults(17).withEpochs(80).withBatchSize(12).withLearningRate(2e-3, 0.97).withPatience(80), null).model();
        float[][] p = m.predict(xv);
        double[] mean = new double[y[0].length];
        for (float[] s : yt) for (int j = 0; j < s.length; j++) mean[j] += s[j] / yt.length;
        double mse = 0, base = 0;
        for (int i = 0; i < yv.length; i++) for (int j = 0; j < mean.length; j++) {
            double d = p[i][j] - yv[i][j], b = mean[j] - yv[i][j];
            mse += d * d / (yv.length * mean.length);
            base += b * b / (yv.length * mean.length);
        }
        // held-out mean squared error per channel: below 1e-3 and below 0.15 x the mean-spectrum predictor (measured 3.3e-4 vs 6.8e-3)
        assertTrue(mse < 0.15 * base && mse < 1e-3, "held-out MSE per channel " + mse + ", mean spectrum gives " + base);
    }
}
