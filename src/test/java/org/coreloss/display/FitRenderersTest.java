package org.coreloss.display;

import org.coreloss.data.io.ColumnSpectrum;
import org.coreloss.plot.Figure;
import org.coreloss.plot.FitPlots;
import org.coreloss.plot.Figures;
import org.coreloss.fit.Calibration;
import org.coreloss.fit.FitOptions;
import org.coreloss.fit.FitResult;
import org.coreloss.fit.FitSetup;
import org.coreloss.fit.Fitter;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FitRenderersTest {
    @Test void fitAndCornerFiguresRender() throws Exception {
        double[] th = FitSetup.simulated("Ni2+", 300).startVector();
        double[] v = {0.12, 0.1, 0.05, 0.75, 0.85, 300, 0.15, 0.45, 0.7, 0.2};
        System.arraycopy(v, 0, th, 0, v.length);
        ColumnSpectrum data = Calibration.simulate("Ni2+", th, 100, 2);
        FitResult r = Fitter.fit(data, FitSetup.simulated("Ni2+", 300), FitOptions.defaults(2).withSteps(100, 150).withGlobal(150, 1));
        Path dir = Path.of("target", "fit-figures");
        Files.createDirectories(dir);
        Figure fit = FitPlots.fit(r);
        Figure corner = FitPlots.corner(r, List.of("dq_eV", "ds_eV", "dt_eV", "s1"));
        for (var e : java.util.Map.of("fit", fit, "corner", corner).entrySet()) {
            Path png = Figures.save(e.getValue(), dir.resolve(e.getKey() + ".png"));
            Path svg = Figures.save(e.getValue(), dir.resolve(e.getKey() + ".svg"));
            assertTrue(Files.size(png) > 5000 && Files.size(svg) > 5000, e.getKey());
        }
        assertEquals(3 + 4 * 3 / 2 + 1, corner.panels().size());
        MimeBundle bundle = DisplayRegistry.withProviders(getClass().getClassLoader()).render(r).orElseThrow();
        assertTrue(bundle.has(MimeBundle.IMAGE_PNG) && bundle.has(MimeBundle.TEXT_HTML));
        assertThrows(IllegalArgumentException.class, () -> FitPlots.corner(r, List.of("dq_eV", "temperature_K")));
    }
}
