package org.coreloss.fit;

import org.coreloss.eval.Predictor;
import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.multiplet.SpectrumWindow;
import org.coreloss.simulate.ParameterSpace;

import java.util.Objects;

/**
 * A trained spectrum generator ({@link Predictor}: the nine seed-003 inputs in
 * {@link ParameterSpace#NAMES} order -> 501 box-normalised channels on the ion's seed-003 window) as a
 * {@link ForwardModel}. Values between channels are interpolated linearly; outside the 30 eV window
 * the line shape is 0. {@link #inDomain} is true inside the parameter space the generator was trained
 * on. A fit with a surrogate is always re-simulated with the engine at the answer
 * ({@link Fitter}); uncertainty and out-of-domain flags of the surrogate itself can be added here
 * when {@code Predictor} reports them.
 */
public final class PredictorForwardModel implements ForwardModel {
    private final Ion ion;
    private final Predictor predictor;
    private final ParameterSpace domain;
    private final SpectrumWindow window;
    private final String name;
    private long calls;

    public PredictorForwardModel(Ion ion, Predictor predictor, ParameterSpace domain, String name) {
        this.ion = Objects.requireNonNull(ion, "ion");
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.domain = domain;
        this.window = SpectrumWindow.seed003(ion);
        this.name = name == null ? "generator" : name;
        if (predictor.inputSize() != ParameterSpace.NAMES.size()) {
            throw new FitException("surrogate " + this.name + " takes " + predictor.inputSize() + " inputs, expected "
                    + ParameterSpace.NAMES.size() + " " + ParameterSpace.NAMES);
        }
        if (predictor.outputSize() != window.channels()) {
            throw new FitException("surrogate " + this.name + " gives " + predictor.outputSize() + " channels, expected "
                    + window.channels() + " (seed-003 window of " + ion.name() + ")");
        }
    }

    @Override public Ion ion() { return ion; }
    @Override public String kind() { return "surrogate:" + name; }
    @Override public boolean isSurrogate() { return true; }

    @Override public boolean inDomain(MultipletParameters p) {
        return domain == null || domain.contains(ParameterSpace.values(p));
    }

    @Override public synchronized long simulatorCalls() { return calls; }

    @Override
    public double[] lineShape(MultipletParameters p, double startEv, double stepEv, int n) {
        double[] v = ParameterSpace.values(p);
        float[] in = new float[v.length];
        for (int i = 0; i < v.length; i++) in[i] = (float) v[i];
        float[] out = predictor.predict(new float[][] {in})[0];
        synchronized (this) { calls++; }
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            double t = (startEv + k * stepEv - window.startEv()) / window.stepEv();
            if (t < 0 || t > window.channels() - 1) continue;
            int j = Math.min((int) t, window.channels() - 2);
            double f = t - j;
            y[k] = (1 - f) * out[j] + f * out[j + 1];
        }
        return y;
    }
}
