package org.coreloss;

import org.coreloss.data.SiteLabels;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.SpectraIO;
import org.coreloss.eval.RegressionEvaluation;
import org.coreloss.nn.ComputeThreads;
import org.coreloss.nn.TrainingRecipe;
import org.coreloss.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 14's "done when": an FDMNES folder (data/fe-k-fdmnes-demo, written in FDMNES's _conv.txt layout) is loaded,
 * joined to its .xyz structures, a regressor is trained on a split and evaluated against the mean predictor, in
 * a few calls (the same calls as notebooks/tutorial-4-bring-your-own-data.ipynb).
 */
class BringYourOwnDataTest {
    @Test
    void fdmnesFolderToEvaluatedRegressorInFourCalls() throws Exception {
        ComputeThreads.set(1);
        SpectraDataset spectra = SpectraIO.read(Path.of("data/fe-k-fdmnes-demo/spectra"));
        SpectraDataset data = SiteLabels.forDataset(spectra, Path.of("data/fe-k-fdmnes-demo/structures"), "Fe", SiteLabels.Options.defaults());
        TrainingRecipe recipe = TrainingRecipe.parse(List.of("regressor", "--targets", "coordination_number,mean_bond_length_A",
                "--hidden", "64,32", "--dropout", "0", "--epochs", "150", "--patience", "40", "--test-fraction", "0.2", "--seed", "3"));
        RegressionEvaluation ev = recipe.runAndEvaluate(data, ProgressListener.NONE).evaluation();
        System.out.println(ev);
        assertEquals(36, ev.model().n(), "round(0.2 x 180) test rows");
        assertTrue(ev.beatsBaseline(), "model beats the mean predictor on every target:\n" + ev);
        assertTrue(ev.maeRatio()[0] < 0.5 && ev.maeRatio()[1] < 0.7, "clearly:\n" + ev);
        assertTrue(ev.baseline().r2()[0] <= 0.05, "baseline R2 about 0 or below");
    }
}
