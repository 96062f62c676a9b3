package org.coreloss.nn;

import org.coreloss.eval.Predictor;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained network plus its {@link ModelMetadata}: predicts in physical units (inputs are standardised and
 * outputs de-standardised inside). Not thread-safe for concurrent predictions (DL4J graphs are not).
 */
public final class TrainedModel implements Predictor {
    private static final int PREDICT_BATCH = 2048; // larger products are faster; 8 MB per 1000-wide layer
    private final ComputationGraph graph;
    private final ModelMetadata metadata;
    private DenseFastPath fast;          // lazily bound lean forward pass for dense specs (see DenseFastPath)
    private boolean fastChecked;

    public TrainedModel(ComputationGraph graph, ModelMetadata metadata) {
        this.graph = graph;
        this.metadata = metadata;
    }

    /** The DL4J graph (package-private users: trainer and model files). */
    ComputationGraph graph() { return graph; }

    public ModelMetadata info() { return metadata; }

    public NetworkSpec spec() { return metadata.spec(); }

    /** Same weights, described with names, units, preprocessing and dataset hash. */
    public TrainedModel describe(List<String> targets, List<String> units, String preprocessing, String datasetHash) {
        return new TrainedModel(graph, metadata.describe(targets, units, preprocessing, datasetHash));
    }

    /** Same weights with other input handling / output grid (see {@link ModelMetadata#withInputs}). */
    public TrainedModel withInputs(int rawInputs, int featureDegree, double[] gridEv) {
        return new TrainedModel(graph, metadata.withInputs(rawInputs, featureDegree, gridEv));
    }

    /** Same weights, recording which dataset columns are inputs. */
    public TrainedModel withInputColumns(List<String> columns) {
        return new TrainedModel(graph, metadata.withInputColumns(columns));
    }

    /** Rows as the network sees them: feature expansion (if any) applied, not yet standardised. */
    public float[][] features(float[][] inputs) {
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != inputSize()) {
                throw new IllegalArgumentException("input row " + i + " has " + inputs[i].length + " values, expected " + inputSize());
            }
        }
        if (metadata.featureDegree() == 0) return inputs;
        return DatasetTraining.expand(inputs, metadata.featureDegree());
    }

    /** Generated spectra on the model's output grid (generators trained with a grid, see {@link ModelMetadata#gridEv}). */
    public SpectrumMatrix generate(float[][] parameters) {
        if (metadata.gridEv() == null) throw new IllegalStateException("model has no output energy grid (not a generator trained on a SpectraDataset)");
        float[][] p = predict(parameters);
        return SpectrumMatrix.of(EnergyGrid.of(metadata.gridEv()), p);
    }

    @Override public synchronized float[][] predict(float[][] inputs) {
        NativeMemory.markUsed();
        int in = spec().inputSize(), out = outputSize();
        float[][] scaled = metadata.inputScaler().apply(features(inputs));
        float[][] result = new float[inputs.length][];
        for (int start = 0; start < inputs.length; start += PREDICT_BATCH) {
            int n = Math.min(PREDICT_BATCH, inputs.length - start);
            float[] buf = new float[n * in];
            for (int i = 0; i < n; i++) System.arraycopy(scaled[start + i], 0, buf, i * in, in);
            float[] y = fastPath() != null ? fast.output(buf, n)
                    : Trainer.flat(graph.outputSingle(false, Nd4j.create(buf, new long[]{n, in}, DataType.FLOAT)));
            metadata.targetScaler().invertInPlace(y);
            for (int i = 0; i < n; i++) {
                float[] r = new float[out];
                System.arraycopy(y, i * out, r, 0, out);
                result[start + i] = r;
            }
        }
        return result;
    }

    /** The dense fast path for this graph, or null where the spec (or the graph's layout) has none. */
    private DenseFastPath fastPath() {
        if (!fastChecked) {
            fastChecked = true;
            if (DenseFastPath.supports(spec())) {
                try { fast = new DenseFastPath(graph, spec()); }
                catch (IllegalStateException e) { fast = null; } // e.g. a graph from an older layout: DL4J's own forward pass
            }
        }
        return fast;
    }

    /** Class index with the highest probability per row (softmax heads). */
    public int[] predictClass(float[][] inputs) {
        float[][] p = predict(inputs);
        int[] c = new int[p.length];
        for (int i = 0; i < p.length; i++) for (int j = 1; j < p[i].length; j++) if (p[i][j] > p[i][c[i]]) c[i] = j;
        return c;
    }

    @Override public int inputSize() { return metadata.rawInputs(); }
    @Override public int outputSize() { return metadata.spec().outputSize(); }
    @Override public List<String> outputNames() { return metadata.targets(); }
    @Override public List<String> outputUnits() { return metadata.units(); }

    @Override public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", metadata.kind());
        m.put("spec", metadata.spec().toString());
        m.put("parameters", Long.toString(metadata.spec().parameterCount()));
        m.put("seed", Long.toString(metadata.seed()));
        m.put("datasetHash", metadata.datasetHash());
        m.put("preprocessing", metadata.preprocessing());
        metadata.versions().forEach((k, v) -> m.put("version." + k, v));
        metadata.metrics().forEach((k, v) -> m.put("metric." + k, Double.toString(v)));
        return m;
    }

    /** Flattened copy of all weights (for reproducibility checks). */
    public float[] weights() { return graph.params().toFloatVector(); }

    @Override public String toString() {
        List<String> t = metadata.targets();
        String outs = t.size() <= 8 ? t.toString() : t.size() + " (" + t.get(0) + " .. " + t.get(t.size() - 1) + ")";
        return "TrainedModel[" + metadata.kind() + ", " + metadata.spec().parameterCount() + " parameters, outputs " + outs + "]";
    }
}
