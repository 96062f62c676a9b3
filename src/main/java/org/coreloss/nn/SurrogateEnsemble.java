package org.coreloss.nn;

import org.coreloss.eval.Predictor;
import org.coreloss.eval.SpectrumError;
import org.coreloss.eval.UncertainPrediction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deep ensemble of spectrum generators (same data and architecture, different seeds) as one {@link Predictor}:
 * the prediction is the member mean; its predicted error is the ensemble disagreement, the mean over members of
 * SE(member, mean), times a calibration factor; inputs outside the training ranges are flagged out of domain.
 *
 * <p>Calibration ({@link #calibrated}): the factor is the median over held-out rows of actual SE(mean, truth)
 * divided by the disagreement, so the median predicted SE equals the median actual SE on those rows (SE with
 * the factor 1/2, {@link SpectrumError}). The ranking of spectra by predicted error does not depend on the factor.
 */
public final class SurrogateEnsemble implements Predictor {
    private final List<TrainedModel> members;
    private final double[][] ranges;
    private final double seScale;

    /**
     * @param members generators with equal input and output sizes (>= 2 for a disagreement)
     * @param ranges  inclusive training range of each raw input, {@code [k] = {min, max}}, or null when unknown
     * @param seScale calibration factor (> 0; 1 = uncalibrated)
     */
    public SurrogateEnsemble(List<TrainedModel> members, double[][] ranges, double seScale) {
        if (members == null || members.size() < 2) throw new IllegalArgumentException("ensemble needs >= 2 members, got " + (members == null ? 0 : members.size()));
        TrainedModel m0 = members.get(0);
        for (int i = 1; i < members.size(); i++) {
            TrainedModel m = members.get(i);
            if (m.inputSize() != m0.inputSize() || m.outputSize() != m0.outputSize()) {
                throw new IllegalArgumentException("member " + i + " maps " + m.inputSize() + " -> " + m.outputSize() + " values, member 0 " + m0.inputSize() + " -> " + m0.outputSize());
            }
        }
        if (ranges != null) {
            if (ranges.length != m0.inputSize()) throw new IllegalArgumentException("ranges: " + ranges.length + " rows, expected " + m0.inputSize() + " (inputs)");
            for (int k = 0; k < ranges.length; k++) {
                if (ranges[k].length != 2 || !(ranges[k][0] <= ranges[k][1])) throw new IllegalArgumentException("ranges[" + k + "] = " + Arrays.toString(ranges[k]) + ", expected {min, max} with min <= max");
            }
        }
        if (!(seScale > 0) || Double.isInfinite(seScale)) throw new IllegalArgumentException("seScale = " + seScale + ", expected finite > 0");
        this.members = List.copyOf(members);
        this.ranges = ranges == null ? null : Arrays.stream(ranges).map(double[]::clone).toArray(double[][]::new);
        this.seScale = seScale;
    }

    public List<TrainedModel> members() { return members; }
    public double seScale() { return seScale; }

    /** Member predictions, [member][row][channel]. */
    public float[][][] memberPredictions(float[][] inputs) {
        float[][][] p = new float[members.size()][][];
        for (int k = 0; k < p.length; k++) p[k] = members.get(k).predict(inputs);
        return p;
    }

    static float[][] mean(float[][][] p) {
        int rows = p[0].length, c = p[0][0].length;
        float[][] m = new float[rows][c];
        for (float[][] member : p) for (int i = 0; i < rows; i++) for (int j = 0; j < c; j++) m[i][j] += member[i][j];
        for (float[] r : m) for (int j = 0; j < c; j++) r[j] /= p.length;
        return m;
    }

    /** Disagreement per row: mean over members of SE(member, ensemble mean). */
    static double[] disagreement(float[][][] p, float[][] mean) {
        double[] d = new double[mean.length];
        for (int i = 0; i < d.length; i++) {
            double s = 0;
            for (float[][] member : p) s += SpectrumError.se(member[i], mean[i]);
            d[i] = s / p.length;
        }
        return d;
    }

    /** Uncalibrated disagreement of each input row (see {@link #disagreement}). */
    public double[] disagreement(float[][] inputs) {
        float[][][] p = memberPredictions(inputs);
        return disagreement(p, mean(p));
    }

    /** The same ensemble with the factor fitted on held-out {@code inputs} -> {@code truth} (see class comment). */
    public SurrogateEnsemble calibrated(float[][] inputs, float[][] truth) {
        if (inputs.length != truth.length || inputs.length == 0) throw new IllegalArgumentException("calibration: " + inputs.length + " inputs, " + truth.length + " truths (expected equal, > 0)");
        float[][][] p = memberPredictions(inputs);
        float[][] m = mean(p);
        double[] d = disagreement(p, m);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < d.length; i++) if (d[i] > 0) ratios.add(SpectrumError.se(m[i], truth[i]) / d[i]);
        if (ratios.isEmpty()) throw new IllegalArgumentException("calibration: the members agree exactly on every row");
        ratios.sort(null);
        return new SurrogateEnsemble(members, ranges, ratios.get(ratios.size() / 2));
    }

    @Override public float[][] predict(float[][] inputs) { return mean(memberPredictions(inputs)); }

    @Override public UncertainPrediction[] predictWithUncertainty(float[][] inputs) {
        float[][][] p = memberPredictions(inputs);
        float[][] m = mean(p);
        double[] d = disagreement(p, m);
        UncertainPrediction[] out = new UncertainPrediction[m.length];
        for (int i = 0; i < m.length; i++) out[i] = new UncertainPrediction(m[i], seScale * d[i], outOfDomain(inputs[i]));
        return out;
    }

    @Override public double[][] inputRanges() { return ranges == null ? null : Arrays.stream(ranges).map(double[]::clone).toArray(double[][]::new); }
    @Override public int inputSize() { return members.get(0).inputSize(); }
    @Override public int outputSize() { return members.get(0).outputSize(); }
    @Override public List<String> outputNames() { return members.get(0).outputNames(); }
    @Override public List<String> outputUnits() { return members.get(0).outputUnits(); }

    @Override public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>(members.get(0).metadata());
        m.put("ensemble.members", Integer.toString(members.size()));
        m.put("ensemble.seScale", Double.toString(seScale));
        return m;
    }

    /** Writes {@code dir/member-K.zip/.json} and {@code dir/ensemble.json} (ranges, factor). */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int k = 0; k < members.size(); k++) ModelFiles.save(members.get(k), dir.resolve("member-" + k));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("members", members.size());
        e.put("seScale", seScale);
        e.put("ranges", ranges);
        ModelFiles.writeString(dir.resolve("ensemble.json"), ModelFiles.GSON.toJson(e));
    }

    /** Reads an ensemble written by {@link #save}. */
    public static SurrogateEnsemble load(Path dir) throws IOException {
        Path f = dir.resolve("ensemble.json");
        if (!Files.isRegularFile(f)) throw new IOException(f + ": not found (expected an ensemble folder written by SurrogateEnsemble.save)");
        Stored s = ModelFiles.GSON.fromJson(Files.readString(f), Stored.class);
        if (s == null || s.members < 2) throw new IOException(f + ": expected 'members' >= 2");
        List<TrainedModel> ms = new ArrayList<>();
        for (int k = 0; k < s.members; k++) ms.add(ModelFiles.load(dir.resolve("member-" + k)));
        return new SurrogateEnsemble(ms, s.ranges, s.seScale);
    }

    private static final class Stored { int members; double seScale; double[][] ranges; }

    @Override public String toString() {
        return "SurrogateEnsemble[" + members.size() + " x " + members.get(0) + ", seScale " + seScale + "]";
    }
}
