package org.coreloss.display;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.coreloss.data.Datasets;
import org.coreloss.data.SpectraDataset;
import org.coreloss.nn.RegressorSpec;
import org.coreloss.nn.Trainer;
import org.coreloss.nn.TrainingOptions;
import org.coreloss.nn.TrainingResult;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** The project's objects render as figures and tables through the registry, with a text/plain fallback. */
class ScienceRenderersTest {
    private final DisplayRegistry registry = DisplayRegistry.withProviders(getClass().getClassLoader());

    @Test
    void spectrumShowsItselfAsAFigure() {
        EnergyGrid g = EnergyGrid.uniform(280, 310, 301);
        double[] y = new double[g.size()];
        for (int i = 0; i < y.length; i++) y[i] = Math.exp(-0.5 * Math.pow((g.energyEv(i) - 285.3) / 0.4, 2));
        MimeBundle b = registry.render(new Spectrum("synthetic C K edge", g, y)).orElseThrow();
        assertTrue(b.has(MimeBundle.IMAGE_PNG));
        assertTrue(b.get(MimeBundle.TEXT_PLAIN).contains("301 channels"), b.get(MimeBundle.TEXT_PLAIN));
        assertTrue(b.get(MimeBundle.TEXT_PLAIN).contains("maximum 1 at 285.3 eV"), b.get(MimeBundle.TEXT_PLAIN));
    }

    @Test
    void datasetShowsTableAndOverlay() {
        SpectraDataset d = Datasets.load("xdi-measured");
        MimeBundle b = registry.render(d).orElseThrow();
        assertTrue(b.get(MimeBundle.TEXT_HTML).contains("<table"));
        assertTrue(b.get(MimeBundle.TEXT_HTML).contains("<svg") || b.get(MimeBundle.TEXT_HTML).contains("<img"));
        assertFalse(b.get(MimeBundle.TEXT_PLAIN).isBlank());
    }

    @Test
    void trainingResultShowsLearningCurveAndArchitecture() {
        int n = 120, ch = 40;
        SplittableRandom r = new SplittableRandom(5);
        float[][] x = new float[n][ch], y = new float[n][2];
        for (int i = 0; i < n; i++) {
            y[i][0] = (float) r.nextDouble();
            y[i][1] = (float) r.nextDouble();
            for (int j = 0; j < ch; j++) x[i][j] = (float) (y[i][0] * Math.exp(-0.5 * Math.pow((j - 10 - 10 * y[i][1]) / 3.0, 2)));
        }
        RegressorSpec spec = RegressorSpec.seed001(ch, List.of(16), 1e-4, 2);
        TrainingResult tr = Trainer.fit(spec, x, y, TrainingOptions.defaults(3).withEpochs(4).withBatchSize(16), null);
        MimeBundle b = registry.render(tr).orElseThrow();
        String html = b.get(MimeBundle.TEXT_HTML);
        assertTrue(html.contains("<svg") || html.contains("<img"), "learning curve");
        assertTrue(html.contains("parameters") && html.contains(String.format(java.util.Locale.ROOT, "%,d", spec.parameterCount())), html);
        assertTrue(b.get(MimeBundle.TEXT_PLAIN).startsWith("TrainingResult[4 epochs"), b.get(MimeBundle.TEXT_PLAIN));
        MimeBundle m = registry.render(tr.model()).orElseThrow();
        assertTrue(m.get(MimeBundle.TEXT_HTML).contains("MACs per sample"));
        assertTrue(m.get(MimeBundle.TEXT_PLAIN).startsWith("TrainedModel["));
    }
}
