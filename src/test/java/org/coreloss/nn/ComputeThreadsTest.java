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
        }
    }
}
