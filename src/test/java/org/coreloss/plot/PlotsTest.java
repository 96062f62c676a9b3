package org.coreloss.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.coreloss.eval.ExtrapolationAnalysis;
import org.coreloss.eval.MepdAnalysis;
import org.coreloss.eval.SeIntervals;
import org.coreloss.eval.SpectrumEvaluation;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

class PlotsTest {
    static SpectrumEvaluation evA, evB;

    static double gauss(double x, double c, double w) { return Math.exp(-0.5 * (x - c) * (x - c) / (w * w)); }

    static SpectrumEvaluation lEdge(String label, double l2Weight, long seed) {
        EnergyGrid g = EnergyGrid.uniform(635, 660, 126);
        SplittableRandom r = new SplittableRandom(seed);
        int n = 120;
        float[][] ref = new float[n][g.size()], pred = new float[n][g.size()];
        for (int j = 0; j < n; j++) {
            double shift = 0.4 * (r.nextDouble() - 0.5), s3 = 0.9 + 0.2 * r.nextDouble();
            for (int i = 0; i < g.size(); i++) {
                double e = g.energyEv(i), y = s3 * gauss(e, 640 + shift, 0.9) + l2Weight * gauss(e, 651 + shift, 1.1);
                ref[j][i] = (float) y;
                pred[j][i] = (float) (y * (1 + 0.05 * (2 * r.nextDouble() - 1)) + (j % 17 == 0 ? 0.4 * gauss(e, 641, 0.5) : 0));
            }
        }
        return SpectrumEvaluation.of(label, SpectrumMatrix.of(g, pred), SpectrumMatrix.of(g, ref), SpectrumEvaluation.Options.defaults(1));
    }

    @BeforeAll
    static void data() {
        evA = lEdge("Ni2+", 0.4, 1);
        evB = lEdge("Fe2+", 0.6, 2);
    }

    static void renders(Figure f, Path dir) throws Exception {
        Path png = Figures.save(f, dir.resolve(f.kind() + ".png"));
        Path svg = Figures.save(f, dir.resolve("sub/" + f.kind() + ".svg"));
        var img = ImageIO.read(png.toFile());
        assertEquals(f.size().widthPx(), img.getWidth());
        assertEquals(f.size().heightPx(), img.getHeight());
        String s = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(s.contains("<svg"), "SVG document");
        assertTrue(s.contains("</svg>"));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void parityKeepsDataAndRenders(@TempDir Path dir) throws Exception {
        double[] trT = {1, 2, 3, 4, 5}, trP = {1.1, 2.0, 2.9, 4.2, 5.1}, teT = {1.5, 3.5}, teP = {1.4, 3.9};
        Figure f = Plots.parity("bond length (\u00c5)", trT, trP, teT, teP);
        assertArrayEquals(teP, (double[]) f.data("testPredicted"));
        assertEquals(3, f.panels().size());
        XYChart main = (XYChart) f.panels().get(1).chart();
        assertArrayEquals(teT, main.getSeriesMap().get("test").getXData());
        assertArrayEquals(trP, main.getSeriesMap().get("train").getYData());
        double[] diag = main.getSeriesMap().get("y = x").getXData();
        assertArrayEquals(diag, main.getSeriesMap().get("y = x").getYData());
        assertThrows(IllegalArgumentException.class, () -> f.data("nope"));
        renders(f, dir);
        renders(f.withSize(PaperSize.DOUBLE_COLUMN), dir);
    }

    /**
     * A narrow range far from zero (bond lengths 1.89-2.02 A) made XChart 3.8.8's tick search for the
     * equally spaced bin edges of the top marginal histogram loop forever (CI: three notebooks hung for 600 s
     * in one parity cell). Rendering must finish, and every XY panel must have its tick helper.
     */
    @Test
    void parityOfNarrowRangeRendersWithoutHanging(@TempDir Path dir) {
        SplittableRandom r = new SplittableRandom(2);
        int n = 400;
        double[] trT = new double[n], trP = new double[n], teT = new double[n / 4], teP = new double[n / 4];
        for (int i = 0; i < n; i++) { trT[i] = 1.95 + 0.02 * gaussian(r); trP[i] = trT[i] + 0.002 * gaussian(r); }
        for (int i = 0; i < n / 4; i++) { teT[i] = 1.95 + 0.02 * gaussian(r); teP[i] = teT[i] + 0.002 * gaussian(r); }
        Figure f = Plots.parity("mean bond length (\u00c5)", trT, trP, teT, teP);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> renders(f, dir),
                "parity plot of a narrow range did not render within 60 s (XChart tick search loop)");
        for (Figure.Panel p : f.panels())
            assertTrue(((XYChart) p.chart()).getSeriesMap().containsKey(PaperTheme.TICK_HELPER), "tick helper in every panel");
    }

    @Test
    void cleanTicksBreaksEqualSpacingOfStaircasesAndCounts() {
        // a histogram staircase repeats every edge: the old rule looked at x[1] - x[0] = 0 and gave up
        XYChart c = Plots.xy(null, null, null);
        c.addSeries("stairs", new double[] {0, 0, 1, 1, 2, 2, 3, 3}, new double[] {0, 1, 1, 2, 2, 1, 1, 0});
        PaperTheme.cleanTicks(c);
        PaperTheme.cleanTicks(c); // idempotent
        assertEquals(2, c.getSeriesMap().size());
        assertArrayEquals(new double[] {0.25}, c.getSeriesMap().get(PaperTheme.TICK_HELPER).getXData());
        // one distinct x value: nothing to break, nothing added
        XYChart one = Plots.xy(null, null, null);
        one.addSeries("one", new double[] {2, 2}, new double[] {1, 3});
        PaperTheme.cleanTicks(one);
        assertEquals(1, one.getSeriesMap().size());
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void parityGridPlacesThreePanelsPerProperty(@TempDir Path dir) throws Exception {
        double[][] trT = {{1, 10}, {2, 20}, {3, 30}}, trP = {{1.1, 11}, {2, 19}, {3.2, 30}}, teT = {{1.5, 15}, {2.5, 25}}, teP = {{1.4, 16}, {2.6, 24}};
        Figure f = Plots.parityGrid(List.of("a", "b"), trT, trP, teT, teP, 3);
        assertEquals(6, f.panels().size());
        XYChart mainB = (XYChart) f.panels().get(4).chart();
        assertArrayEquals(new double[] {16, 24}, mainB.getSeriesMap().get("test").getYData());
        assertArrayEquals(new double[] {15, 25}, (double[]) f.data("testTrue:b"));
        for (Figure.Panel p : f.panels()) assertTrue(p.x() + p.width() <= 1 + 1e-9 && p.y() + p.height() <= 1 + 1e-9);
        assertTrue(f.panels().get(3).x() >= 0.5 - 1e-9, "second property in the second column");
        renders(f, dir);
    }

    @Test
    void histogramOutlineIntegratesToOne() {
        XYChart c = Plots.xy(null, null, null);
        Plots.histogram(c, "h", new double[] {0.1, 0.2, 0.25, 0.9}, 0, 1, 4, PaperTheme.BLUE, false, true);
        double[] x = c.getSeriesMap().get("h").getXData(), y = c.getSeriesMap().get("h").getYData();
        double area = 0;
        for (int i = 1; i < x.length; i++) area += (x[i] - x[i - 1]) * y[i];
        assertEquals(1.0, area, 1e-12);
    }

    @Test
    void maeBarsSpectraAndLoss(@TempDir Path dir) throws Exception {
        Figure mae = Plots.maeBars(List.of("bond length", "angle", "charge", "excitation energy"),
                new double[] {0.01, 2.0, 0.02, 0.3}, new double[] {0.007, 1.5, 0.014, 0.2}, "w/o", "w/");
        assertEquals(4, mae.panels().size());
        CategoryChart c0 = (CategoryChart) mae.panels().get(0).chart();
        assertEquals(0.007, c0.getSeriesMap().get("w/").getYData().iterator().next().doubleValue(), 0);
        renders(mae, dir);

        double[] e = {0, 1, 2, 3}, ref = {0, 1, 0.5, 0}, pred = {0, 0.9, 0.6, 0};
        Figure ov = Plots.spectrumOverlay("test 7", e, ref, pred);
        XYChart d = (XYChart) ov.panels().get(1).chart();
        assertArrayEquals(new double[] {0, -0.1, 0.1, 0}, d.getSeriesMap().get("predicted - reference").getYData(), 1e-12);
        renders(ov, dir);

        Figure nn = Plots.nearestSpectra("A", e, ref, new double[][] {pred, ref}, List.of("1st", "2nd"));
        assertEquals(0.6, (double) nn.data("offset"), 1e-12);
        XYChart n0 = (XYChart) nn.panels().get(0).chart();
        assertEquals(1.0 + 2 * 0.6, n0.getSeriesMap().get("2nd").getYData()[1], 1e-12);
        renders(nn, dir);

        Map<String, double[]> loss = new LinkedHashMap<>();
        loss.put("train", new double[] {1, 0.5, 0.2});
        loss.put("validation", new double[] {1.2, 0.6, 0.3});
        Figure lc = Plots.lossCurves(loss, "MAE");
        assertTrue(((XYChart) lc.panels().get(0).chart()).getStyler().isYAxisLogarithmic());
        renders(lc, dir);
    }

    @Test
    void seriesDropsNaNAndUsesLogOnlyForPositive(@TempDir Path dir) throws Exception {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("DNN", new double[] {1e-2, 1e-3, Double.NaN});
        m.put("LCNN", new double[] {5e-3, 2e-3, 1e-3});
        Figure f = Plots.series("depth", "layers", "MSE", new double[] {1, 2, 3}, m, true);
        XYChart c = (XYChart) f.panels().get(0).chart();
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertEquals(2, c.getSeriesMap().get("DNN").getXData().length);
        assertEquals(3, c.getSeriesMap().get("LCNN").getXData().length);
        renders(f, dir);
        m.put("bad", new double[] {0, 1, 2});
        assertFalse(((XYChart) Plots.series("t", "x", "y", new double[] {1, 2, 3}, m, true).panels().get(0).chart()).getStyler().isYAxisLogarithmic());
        assertThrows(IllegalArgumentException.class, () -> Plots.series("t", "x", "y", new double[] {1, 2}, m, true));
        // less than a decade: linear (XChart's log axis labels decades only, so two labels would overlap)
        Map<String, double[]> narrow = Map.of("AL", new double[] {1.4e-2, 1.2e-2, 1.0e-2});
        assertFalse(((XYChart) Plots.series("t", "x", "y", new double[] {1, 2, 3}, narrow, true).panels().get(0).chart()).getStyler().isYAxisLogarithmic());
    }

    @Test
    void seed003Figures(@TempDir Path dir) throws Exception {
        Map<String, SeIntervals> iv = new LinkedHashMap<>();
        iv.put("Ni2+", evA.intervals());
        iv.put("Fe2+", evB.intervals());
        Figure f4 = Plots.seIntervals(iv);
        CategoryChart c4 = (CategoryChart) f4.panels().get(0).chart();
        double sum = 0;
        for (String k : SeIntervals.LABELS) sum += c4.getSeriesMap().get(k).getYData().iterator().next().doubleValue();
        assertEquals(100.0, sum, 1e-9);
        renders(f4, dir);

        Figure f5 = Plots.misfitScatter(evA, 6);
        assertEquals(evA.mepd().countL3(), ((double[]) f5.data("energiesL3")).length);
        assertFalse(((List<?>) f5.data("contours")).isEmpty(), "KDE contours drawn");
        assertArrayEquals(evA.mean(), (double[]) f5.data("mean"));
        renders(f5, dir);

        Map<String, MepdAnalysis> m = new LinkedHashMap<>();
        m.put("Ni2+", evA.mepd());
        m.put("Fe2+", evB.mepd());
        Figure f6 = Plots.mepdRatioBars(m);
        assertEquals(List.of(evA.mepd().ratio(), evB.mepd().ratio()), f6.data("ratios"));
        renders(f6, dir);
        Figure f7 = Plots.branchingRelation(m);
        assertTrue(((XYChart) f7.panels().get(0).chart()).getStyler().isYAxisLogarithmic());
        assertEquals(evB.mepd().branchingRatio(), ((double[]) f7.data("branchingRatio"))[1], 0);
        renders(f7, dir);

        Figure f8 = Plots.correlationBars(Map.of("Ni2+", evA.correlations()));
        assertEquals(3, f8.panels().size());
        CategoryChart c8 = (CategoryChart) f8.panels().get(0).chart();
        assertEquals(evA.correlations().seVsMean().r(), c8.getSeriesMap().get("vs \u03bc").getYData().iterator().next().doubleValue(), 1e-12);
        renders(f8, dir);

        renders(Plots.outlierOverview(iv), dir);
    }

    @Test
    void extrapolationFigures(@TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(4);
        int n = 150;
        double[] dq = new double[n], se = new double[n];
        for (int j = 0; j < n; j++) { dq[j] = -0.2 * r.nextDouble(); se[j] = 0.02 + 2 * dq[j] * dq[j] * 10 * r.nextDouble(); }
        ExtrapolationAnalysis ex = ExtrapolationAnalysis.of(dq, se, ExtrapolationAnalysis.Options.of(0.05, 0, 1));
        Figure f9 = Plots.extrapolation("Co5+ C4v", "Dq (eV)", ex);
        XYChart c = (XYChart) f9.panels().get(0).chart();
        int pts = c.getSeriesMap().containsKey("match") ? c.getSeriesMap().get("match").getXData().length : 0;
        pts += c.getSeriesMap().containsKey("outlier") ? c.getSeriesMap().get("outlier").getXData().length : 0;
        assertEquals(n, pts);
        assertEquals(ex.marker(), (double) f9.data("marker"), 0);
        renders(f9, dir);
        renders(Plots.gpCurves("Dq (eV)", Map.of("Co5+", ex)), dir);
    }
}
