package org.coreloss.nn;

import org.coreloss.data.SpectraDataset;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DatasetTrainingTest {
    static SpectraDataset dataset(Synthetic s, int channels) {
        SpectraDataset ds = SpectraDataset.of("peaks", SpectrumMatrix.of(EnergyGrid.uniform(530, 530 + 0.5 * (channels - 1), channels), s.spectra));
        return ds.withColumn("centre_eV", col(s, 0)).withColumn("sigma_eV", col(s, 1)).withColumn("height", col(s, 2));
    }

    static double[] col(Synthetic s, int k) {
        double[] d = new double[s.params.length];
        for (int i = 0; i < d.length; i++) d[i] = s.params[i][k];
        return d;
    }

    @Test
    void generatorOnDatasetTakesRawParametersAndKeepsGrid(@TempDir Path dir) throws Exception {
        SpectraDataset train = dataset(new Synthetic(120, 20, 21), 20), test = dataset(new Synthetic(30, 20, 22), 20);
        List<String> params = List.of("centre_eV", "sigma_eV", "height");
        GeneratorSpec spec = new GeneratorSpec(DatasetTraining.inputSize(3, 2), GeneratorSpec.Arch.DNN, 16, 8, 1, 16, 1, 20, 0);
        assertEquals(10, spec.inputSize()); // C(3 + 2, 2) monomials including the constant
        TrainedModel m = DatasetTraining.generator(train, test, params, 2, spec, TrainingOptions.defaults(1).withEpochs(2), null).model();
        assertEquals(3, m.inputSize());
        float[][] p = DatasetTraining.columns(test, params);
        SpectrumMatrix g = m.generate(p);
        assertEquals(test.grid(), g.grid());
        TrainedModel back = ModelFiles.load(ModelFiles.save(m, dir.resolve("g")));
        assertArrayEquals(m.predict(p)[0], back.predict(p)[0]);
        assertEquals(train.sha256(), back.metadata().get("datasetHash"));
    }

    @Test
    void regressorOnDatasetNamesTargetsAndUnits() {
        SpectraDataset train = dataset(new Synthetic(80, 20, 23), 20);
        RegressorSpec spec = new RegressorSpec(20, 1, List.of(8), 0.5, 0, 1, RegressorSpec.Head.LINEAR, NetworkSpec.Loss.MAE);
        TrainedModel m = DatasetTraining.regressor(train, null, List.of("centre_eV"), List.of("sigma_eV"), spec,
                TrainingOptions.defaults(2).withEpochs(1), null).model();
        assertEquals(List.of("centre_eV"), m.outputNames());
        assertEquals(List.of("eV"), m.outputUnits());
        assertEquals(21, m.inputSize());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetTraining.regressor(train, null,
                List.of("centre_eV", "height"), List.of("sigma_eV"), spec, TrainingOptions.defaults(2), null));
        assertTrue(e.getMessage().contains("spec.outputs"));
    }
}
