package org.coreloss.display;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Base64;
import java.util.List;
import org.coreloss.eval.RegressionReport;
import org.coreloss.eval.SeIntervals;
import org.coreloss.plot.Figure;
import org.coreloss.plot.Plots;
import org.junit.jupiter.api.Test;

class EvaluationRenderersTest {
    @Test
    void foundThroughServiceLoaderAndRendersFiguresAndReports() {
        DisplayRegistry reg = DisplayRegistry.withProviders(getClass().getClassLoader());
        Figure f = Plots.lossCurves(java.util.Map.of("train", new double[] {1, 0.5}), "MSE");
        MimeBundle b = reg.render(f).orElseThrow();
        // one image by the rule of InlineImages: PNG by default, SVG without XML declaration when asked for
        byte[] png = Base64.getDecoder().decode(b.get(MimeBundle.IMAGE_PNG));
        assertEquals('P', png[1]);
        assertTrue(!b.has(MimeBundle.IMAGE_SVG));
        assertTrue(InlineImages.preferringSvg(() -> reg.render(f).orElseThrow()).get(MimeBundle.IMAGE_SVG).startsWith("<svg"));
        assertTrue(b.get(MimeBundle.TEXT_PLAIN).contains("loss-curves"));

        RegressionReport r = RegressionReport.of(List.of("a<b"), new double[][] {{1}, {2}, {3}}, new double[][] {{1}, {2}, {4}});
        MimeBundle rb = reg.render(r).orElseThrow();
        assertTrue(rb.get(MimeBundle.TEXT_HTML).contains("<td>a&lt;b</td>"));
        assertTrue(rb.get(MimeBundle.TEXT_HTML).contains("0.33333"), rb.get(MimeBundle.TEXT_HTML));
        assertTrue(rb.get(MimeBundle.TEXT_PLAIN).contains("MAE"));

        MimeBundle ib = reg.render(SeIntervals.of(new double[] {0.01, 0.2})).orElseThrow();
        assertTrue(ib.get(MimeBundle.TEXT_HTML).contains("<th>I7</th>"));
        assertTrue(ib.get(MimeBundle.TEXT_PLAIN).contains("outliers=1"));
    }
}
