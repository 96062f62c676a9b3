package org.coreloss.spark;

import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.DatasetFolderFormat;
import org.coreloss.nn.DatasetTraining;
import org.coreloss.nn.ModelFiles;
import org.coreloss.nn.RegressorSpec;
import org.coreloss.nn.TrainedModel;
import org.coreloss.nn.TrainingOptions;
import org.coreloss.progress.ProgressListener;
import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.DatabaseSpec;
import org.coreloss.simulate.Preset;
import org.coreloss.simulate.Sampler;
import org.coreloss.simulate.SpectrumImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkPredictJobTest {
    static final double FLOAT32_TOL = 1e-5;

    @Test
    void sparkPredictionsEqualOneJvmPredictions(@TempDir Path tmp) throws Exception {
        DatabaseSpec spec = new DatabaseSpec("Ni2+", 120, Preset.D4H, Sampler.LHS, 11, 40);
        Path db = tmp.resolve("db");
        DatabaseGenerator.generate(spec, db, 2, ProgressListener.NONE);
        SpectraDataset train = new DatasetFolderFormat().read(db.resolve("shard-00000"));
        List<String> targets = List.of("dq_eV", "ds_eV");
        TrainedModel model = DatasetTraining.regressor(train, null, targets, List.of(),
                RegressorSpec.seed001(train.channels(), List.of(16), 0, 2), TrainingOptions.defaults(1).withEpochs(2), ProgressListener.NONE).model();
        Path zip = ModelFiles.save(model, tmp.resolve("model"));

        SpectrumImage.Spec imageSpec = new SpectrumImage.Spec("Ni2+", 6, 5, 500, 3);
        SpectraDataset image = SpectrumImage.make(imageSpec, DatabaseGenerator.newEngine(), 2, ProgressListener.NONE);
        SpectraDataset expected = DatasetTraining.predict(ModelFiles.load(zip), image);
        SparkPredictJob.Result r;
        SpectraDataset actual;
        try (SparkRunner spark = SparkRunner.local(2)) {
            actual = SparkPredictJob.predict(spark, zip, image, 4);
            r = SparkPredictJob.predictDatabase(spark, zip, db, tmp.resolve("pred"));
        }
        // The network computes in float32 and Spark's partitions feed it other batches than one call over the whole
        // image, so products are summed in another order: the same numbers to float32 rounding (seen: 1.0e-6 at
        // |y| 0.83, about 16 ulps). FLOAT32_TOL is ~100 ulps at |y| ~ 1, far below any model error, and still fails
        // on a wrong row order, a wrong column or a wrong model (differences of 1e-2 and more).
        for (String t : targets) assertArrayEquals(expected.label("pred_" + t), actual.label("pred_" + t), FLOAT32_TOL, t);
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(3, r.parts());
        assertEquals(3, r.written());
        assertEquals(120, r.rows());
        SpectraDataset shard1 = new DatasetFolderFormat().read(tmp.resolve("pred").resolve("shard-00001"));
        SpectraDataset oneJvm = DatasetTraining.predict(ModelFiles.load(zip), new DatasetFolderFormat().read(db.resolve("shard-00001")));
        assertArrayEquals(oneJvm.label("pred_dq_eV"), shard1.label("pred_dq_eV"), FLOAT32_TOL);
        // a second run skips the parts already written
        try (SparkRunner spark = SparkRunner.local(2)) {
            SparkPredictJob.Result again = SparkPredictJob.predictDatabase(spark, zip, db, tmp.resolve("pred"));
            assertEquals(0, again.written());
            assertEquals(3, again.skipped());
        }
    }

    @Test
    void spectrumImageIsSeededSmoothAndNoisyAsStated() {
        SpectrumImage.Spec spec = new SpectrumImage.Spec("Ni2+", 8, 6, 400, 5);
        SpectraDataset a = SpectrumImage.make(spec, DatabaseGenerator.newEngine(), 2, ProgressListener.NONE);
        SpectraDataset b = SpectrumImage.make(spec, DatabaseGenerator.newEngine(), 1, ProgressListener.NONE);
        assertEquals(48, a.size());
        assertEquals(501, a.channels());
        assertEquals(a.sha256(), b.sha256(), "same spec, same bytes (any thread count)");
        SpectraDataset c = SpectrumImage.make(new SpectrumImage.Spec("Ni2+", 8, 6, 400, 6), DatabaseGenerator.newEngine(), 2, ProgressListener.NONE);
        assertTrue(!a.sha256().equals(c.sha256()), "another noise seed, other bytes");
        // Dq rises along x over 0.3..0.7 of the Ni2+ Table 1 range [0, 0.2] eV, Ds along y over 0.45..0.55 of [-1.4, 1.4]
        double[] dq = a.label("dq_eV"), ds = a.label("ds_eV");
        assertEquals(0.06, dq[0], 1e-12);
        assertEquals(0.14, dq[7], 1e-12);
        assertEquals(-0.14, ds[0], 1e-12);
        assertEquals(0.14, ds[47], 1e-12);
        // Poisson counting noise: var(noisy - clean) = clean / peakCounts, checked over the pixels' strongest channels
        double[] v = SpectrumImage.parameters(spec, 3, 2);
        assertEquals(a.label("dt_eV")[2 * 8 + 3], v[2], 0);
        double sumSq = 0, sumMean = 0;
        int n = 0;
        var clean = DatabaseGenerator.newEngine().spectra(org.coreloss.multiplet.Ions.get("Ni2+"),
                java.util.stream.IntStream.range(0, 48).mapToObj(r -> org.coreloss.simulate.ParameterSpace.toMultipletParameters(
                        SpectrumImage.parameters(spec, r % 8, r / 8))).toList(), 1, ProgressListener.NONE);
        for (int r = 0; r < 48; r++) {
            float[] y = a.spectra().row(r), y0 = clean.row(r);
            for (int ch = 0; ch < y.length; ch++) {
                if (y0[ch] > 0.5) {
                    double d = y[ch] - y0[ch];
                    sumSq += d * d;
                    sumMean += y0[ch] / 400.0;
                    n++;
                }
            }
        }
        double ratio = sumSq / sumMean;
        assertTrue(n > 200 && ratio > 0.85 && ratio < 1.15, "observed/expected Poisson variance " + ratio + " over " + n + " channels");
    }
}
