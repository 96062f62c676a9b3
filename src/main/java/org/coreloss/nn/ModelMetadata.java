package org.coreloss.nn;

import java.util.List;
import java.util.Map;

/**
 * Everything a saved model needs besides its weights, written as JSON next to the DL4J zip.
 *
 * @param kind          "regressor" or "generator"
 * @param regressor     the spec when kind is regressor, else null
 * @param generator     the spec when kind is generator, else null
 * @param targets       output names (targets, class names or channel labels); may be empty
 * @param units         units parallel to targets ("" for dimensionless); may be empty
 * @param preprocessing human-readable description of the preprocessing applied before the input scaler
 * @param datasetHash   hash of the training data (see {@link Trainer#hash}), or "" if unknown
 * @param seed          training seed
 * @param inputScaler   standardisation applied to inputs inside the model
 * @param targetScaler  standardisation of targets (per column for linear regressors; centred with one common scale for
 *                      generators, {@link Scaler#fitCentred}; identity for softmax heads)
 * @param versions      library versions (coreloss, dl4j, java)
 * @param metrics       final metrics, e.g. best validation loss, epochs
 * @param createdUtc    ISO-8601 time of saving
 * @param rawInputs     values per input row given to {@link TrainedModel#predict} (before feature expansion)
 * @param featureDegree 0: rows go to the network as they are; M >= 1: rows are first expanded into all
 *                      monomials of degree <= M (constant included, {@code preprocess.PolynomialFeatures})
 * @param gridEv        energies (eV) of the output channels of a generator, or null
 * @param inputColumns  dataset columns read as inputs: scalar inputs after the spectrum (regressors) or
 *                      parameters (generators); empty when trained on plain arrays
 */
public record ModelMetadata(String kind, RegressorSpec regressor, GeneratorSpec generator, List<String> targets,
                            List<String> units, String preprocessing, String datasetHash, long seed,
                            Scaler inputScaler, Scaler targetScaler, Map<String, String> versions,
                            Map<String, Double> metrics, String createdUtc, int rawInputs, int featureDegree,
                            double[] gridEv, List<String> inputColumns) {
    public ModelMetadata {
        if (!"regressor".equals(kind) && !"generator".equals(kind)) {
            throw new IllegalArgumentException("kind = " + kind + ", expected regressor or generator");
        }
        if ((regressor == null) == (generator == null)) throw new IllegalArgumentException("exactly one of regressor/generator spec must be set");
        targets = targets == null ? List.of() : List.copyOf(targets);
        units = units == null ? List.of() : List.copyOf(units);
        NetworkSpec s = regressor != null ? regressor : generator;
        if (!targets.isEmpty() && targets.size() != s.outputSize()) {
            throw new IllegalArgumentException("targets has " + targets.size() + " names, expected " + s.outputSize() + " (outputs)");
        }
        if (!units.isEmpty() && units.size() != targets.size()) {
            throw new IllegalArgumentException("units has " + units.size() + " entries, expected " + targets.size() + " (one per target)");
        }
        if (inputScaler == null || inputScaler.columns() != s.inputSize()) throw new IllegalArgumentException("inputScaler must have " + s.inputSize() + " columns");
        if (targetScaler == null || targetScaler.columns() != s.outputSize()) throw new IllegalArgumentException("targetScaler must have " + s.outputSize() + " columns");
        preprocessing = preprocessing == null ? "" : preprocessing;
        datasetHash = datasetHash == null ? "" : datasetHash;
        versions = versions == null ? Map.of() : Map.copyOf(versions);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        createdUtc = createdUtc == null ? "" : createdUtc;
        inputColumns = inputColumns == null ? List.of() : List.copyOf(inputColumns);
        if (featureDegree < 0) throw new IllegalArgumentException("featureDegree = " + featureDegree + ", expected >= 0");
        long expanded = featureDegree == 0 ? rawInputs
                : org.coreloss.preprocess.PolynomialFeatures.featureCount(rawInputs, featureDegree, true);
        if (rawInputs < 1 || expanded != s.inputSize()) {
            throw new IllegalArgumentException("rawInputs = " + rawInputs + " with featureDegree " + featureDegree + " gives "
                    + expanded + " network inputs, expected " + s.inputSize());
        }
        if (gridEv != null && gridEv.length != s.outputSize()) {
            throw new IllegalArgumentException("gridEv has " + gridEv.length + " energies, expected " + s.outputSize() + " (outputs)");
        }
    }

    /** Copy with the dataset input columns set. */
    public ModelMetadata withInputColumns(List<String> columns) {
        return new ModelMetadata(kind, regressor, generator, targets, units, preprocessing, datasetHash, seed,
                inputScaler, targetScaler, versions, metrics, createdUtc, rawInputs, featureDegree, gridEv, columns);
    }

    /** Copy with the raw input count, feature degree and output grid set. */
    public ModelMetadata withInputs(int newRawInputs, int newFeatureDegree, double[] newGridEv) {
        return new ModelMetadata(kind, regressor, generator, targets, units, preprocessing, datasetHash, seed,
                inputScaler, targetScaler, versions, metrics, createdUtc, newRawInputs, newFeatureDegree, newGridEv, inputColumns);
    }

    public NetworkSpec spec() { return regressor != null ? regressor : generator; }

    /** Copy with names, units, preprocessing and dataset hash set. */
    public ModelMetadata describe(List<String> newTargets, List<String> newUnits, String newPreprocessing, String newDatasetHash) {
        return new ModelMetadata(kind, regressor, generator, newTargets, newUnits, newPreprocessing, newDatasetHash, seed,
                inputScaler, targetScaler, versions, metrics, createdUtc, rawInputs, featureDegree, gridEv, inputColumns);
    }

    ModelMetadata withCreated(String utc) {
        return new ModelMetadata(kind, regressor, generator, targets, units, preprocessing, datasetHash, seed,
                inputScaler, targetScaler, versions, metrics, utc, rawInputs, featureDegree, gridEv, inputColumns);
    }
}
