package org.coreloss.nn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ComputeThreadsTest {
    @Test
    void rejectsFewerThanOneThread() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputeThreads.set(0));
        assertTrue(e.getMessage().contains("threads = 0"), e.getMessage());
    }

    @Test
    void singleThreadTrainingIsDeterministicAndLearns() {
        ComputeThreads.set(1);
        try {
            Synthetic d = new Synthetic(60, 16, 3);
            RegressorSpec spec = RegressorSpec.seed001(16, List.of(16), 0.0, 1);
            TrainingOptions o = TrainingOptions.defaults(5).withEpochs(5).withBatchSize(20);
            TrainingResult a = Trainer.fit(spec, d.spectra, d.column(0), o, null);
            TrainingResult b = Trainer.fit(spec, d.spectra, d.column(0), o, null);
            assertArrayEquals(a.model().weights(), b.model().weights());
            assertTrue(a.trainLoss().get(a.trainLoss().size() - 1) < a.trainLoss().get(0), "training loss should fall: " + a.trainLoss());
        } finally {
            ComputeThreads.set(Runtime.getRuntime().availableProcessors());
            ComputeThreads.auto();
        }
    }

    @Test
    void smallDenseStepsTrainWithOneThreadAndTheSettingIsRestored() {
        ComputeThreads.auto();
        ComputeThreads.apply(2);
        int[] during = new int[1];
        org.coreloss.progress.ProgressListener probe = new org.coreloss.progress.ProgressListener() {
            @Override public void start(String task, long total) { during[0] = ComputeThreads.current(); }
            @Override public void advance(long done, String message) {}
            @Override public void finish() {}
        };
        Synthetic d = new Synthetic(64, 226, 3);
        RegressorSpec small = new RegressorSpec(226, 0, List.of(128, 64), 0.0, 0, 1, RegressorSpec.Head.LINEAR, NetworkSpec.Loss.MAE);
        assertEquals(1, ComputeThreads.forTraining(32 * small.parameterCount()), "226 -> 128 -> 64 at batch 32 is a small step");
        assertEquals(0, ComputeThreads.forTraining(256L * 4_760_000), "the seed 003 generator at batch 256 keeps the default");
        Trainer.fit(small, d.spectra, d.column(0), TrainingOptions.defaults(1).withEpochs(1).withBatchSize(32), probe);
        assertEquals(1, during[0], "one thread while training");
        assertEquals(2, ComputeThreads.current(), "previous setting restored");
        ComputeThreads.set(2);
        try {
            Trainer.fit(small, d.spectra, d.column(0), TrainingOptions.defaults(1).withEpochs(1).withBatchSize(32), probe);
            assertEquals(2, during[0], "an explicit setting is kept");
        } finally {
            ComputeThreads.auto();
        }
    }

    @Test
    void automaticBatchKeepsSixteenStepsPerEpochBetween32And256() {
        assertEquals(32, TrainingRecipe.autoBatch(144));
        assertEquals(64, TrainingRecipe.autoBatch(1500));
        assertEquals(128, TrainingRecipe.autoBatch(2770));
        assertEquals(256, TrainingRecipe.autoBatch(5000));
        assertEquals(256, TrainingRecipe.autoBatch(1_000_000));
        assertEquals(128, TrainingRecipe.parse(List.of("regressor", "--targets", "a")).options(2770).batchSize());
        assertEquals(16, TrainingRecipe.parse(List.of("regressor", "--targets", "a", "--batch", "16")).options(2770).batchSize(), "explicit batch kept");
        assertEquals(256, TrainingRecipe.parse(List.of("generator")).options(100).batchSize(), "generators keep 256");
    }
}
