package org.coreloss.display;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.coreloss.eval.ExtrapolationAnalysis;
import org.coreloss.eval.MepdAnalysis;
import org.coreloss.eval.SeIntervals;
import org.coreloss.eval.SpectrumEvaluation;
import org.coreloss.plot.Figure;
import org.coreloss.plot.Figures;
import org.coreloss.plot.Histograms;
import org.coreloss.plot.PaperSize;
import org.coreloss.plot.Plots;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Every figure type as a notebook shows it (through {@link InlineImages}): at least 600 px wide, every
 * visible text at least 11 px high at that size (font size in points times the display scale, read from
 * the charts themselves), SVG without XML declaration, a spectrum's SVG under 100 kB. The PNG of each, at
 * the display size, goes to {@code build/figures-visual/} to be looked at.
 */
class InlineFiguresVisualTest {
    static final Path OUT = Path.of("build/figures-visual");

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

    static List<Figure> everyFigureType() {
        SplittableRandom r = new SplittableRandom(7);
        List<Figure> out = new ArrayList<>();
        int n = 200;
        double[] trT = new double[n], trP = new double[n], teT = new double[n / 4], teP = new double[n / 4];
        for (int i = 0; i < n; i++) { trT[i] = 1.5 + r.nextDouble(); trP[i] = trT[i] + 0.05 * r.nextGaussian(); }
        for (int i = 0; i < n / 4; i++) { teT[i] = 1.5 + r.nextDouble(); teP[i] = teT[i] + 0.08 * r.nextGaussian(); }
        out.add(Plots.parity("bond length (\u00c5)", trT, trP, teT, teP));
        out.add(Plots.maeBars(List.of("bond length", "angle", "charge", "excitation energy"),
                new double[] {0.01, 2.0, 0.02, 0.3}, new double[] {0.007, 1.5, 0.014, 0.2}, "w/o", "w/"));
        int m = 1000;
        double[] e = new double[m], ref = new double[m], pred = new double[m];
        for (int i = 0; i < m; i++) {
            e[i] = 280 + 0.05 * i;
            ref[i] = 0.5 + Math.atan((e[i] - 290) / 0.8) / Math.PI + 1.6 * gauss(e[i], 285.3, 0.35) + 0.02 * r.nextGaussian();
            pred[i] = ref[i] + 0.03 * r.nextGaussian();
        }
        out.add(Plots.spectrumOverlay("C K edge, test spectrum 7", e, ref, pred));
        out.add(Plots.nearestSpectra("O K edge", e, ref, new double[][] {pred, ref}, List.of("1st", "2nd")));
        Map<String, double[]> loss = new LinkedHashMap<>();
        double[] tr = new double[100], va = new double[100];
        for (int i = 0; i < 100; i++) { tr[i] = Math.exp(-i / 20.0) + 0.01; va[i] = 1.2 * Math.exp(-i / 25.0) + 0.02; }
        loss.put("train", tr);
        loss.put("validation", va);
        out.add(Plots.lossCurves(loss, "MAE"));
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String k : List.of("DNN", "CNN", "TCNN", "LCNN")) {
            double[] y = new double[5];
            for (int i = 0; i < 5; i++) y[i] = 1e-2 / (i + 1) * (1 + 0.2 * r.nextDouble());
            series.put(k, y);
        }
        out.add(Plots.series("Depth scan", "hidden layers", "MSE", new double[] {1, 2, 3, 4, 5}, series, true));
        SpectrumEvaluation a = lEdge("Ni2+", 0.4, 1), b = lEdge("Fe2+", 0.6, 2);
        Map<String, SeIntervals> iv = new LinkedHashMap<>();
        iv.put("Ni2+", a.intervals());
        iv.put("Fe2+", b.intervals());
        out.add(Plots.seIntervals(iv));
        out.add(Plots.misfitScatter(a, 6));
        Map<String, MepdAnalysis> mepd = new LinkedHashMap<>();
        mepd.put("Ni2+", a.mepd());
        mepd.put("Fe2+", b.mepd());
        out.add(Plots.mepdRatioBars(mepd));
        out.add(Plots.branchingRelation(mepd));
        out.add(Plots.correlationBars(Map.of("Ni2+", a.correlations())));
        out.add(Plots.outlierOverview(iv));
        double[] dq = new double[150], se = new double[150];
        for (int j = 0; j < 150; j++) { dq[j] = -0.2 * r.nextDouble(); se[j] = 0.02 + 2 * dq[j] * dq[j] * 10 * r.nextDouble(); }
        ExtrapolationAnalysis ex = ExtrapolationAnalysis.of(dq, se, ExtrapolationAnalysis.Options.of(0.05, 0, 1));
        out.add(Plots.extrapolation("Co5+ C4v", "Dq (eV)", ex));
        out.add(Plots.gpCurves("Dq (eV)", Map.of("Co5+", ex)));
        Map<String, double[]> errs = new LinkedHashMap<>();
        double[] e1 = new double[500], e2 = new double[500];
        for (int i = 0; i < 500; i++) { e1[i] = Math.abs(0.1 * r.nextGaussian()); e2[i] = Math.abs(0.15 * r.nextGaussian()); }
        errs.put("train", e1);
        errs.put("test", e2);
        out.add(Histograms.errors("Absolute errors", "|error| (eV)", errs, 30, false));
        out.add(Plots.spectrumOverlay("double column", e, ref, pred).withSize(PaperSize.DOUBLE_COLUMN));
        return out;
    }

    static List<Font> visibleFonts(Chart<?, ?> c) {
        Styler s = c.getStyler();
        List<Font> f = new ArrayList<>();
        if (s.isChartTitleVisible() && c.getTitle() != null && !c.getTitle().isEmpty()) f.add(s.getChartTitleFont());
        if (s.isLegendVisible()) f.add(s.getLegendFont());
        if (s instanceof AxesChartStyler a) {
            if (a.isXAxisTicksVisible() || a.isYAxisTicksVisible()) f.add(a.getAxisTickLabelsFont());
            if (a.isXAxisTitleVisible() || a.isYAxisTitleVisible()) f.add(a.getAxisTitleFont());
        }
        return f;
    }

    private static final Pattern WIDTH = Pattern.compile("<svg[^>]* width=\"([0-9.]+)px\"");

    static double displayWidthPx(MimeBundle b) throws Exception {
        if (b.has(MimeBundle.IMAGE_SVG)) {
            Matcher m = WIDTH.matcher(b.get(MimeBundle.IMAGE_SVG));
            assertTrue(m.find(), "svg root has a width in px");
            return Double.parseDouble(m.group(1));
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b.get(MimeBundle.IMAGE_PNG))));
        return img.getWidth();
    }

    @Test
    void everyFigureIsWideEnoughWithReadableTextAndCompact() throws Exception {
        Files.createDirectories(OUT);
        for (Figure f : everyFigureType()) {
            MimeBundle b = InlineImages.figure(f);
            assertTrue(b.has(MimeBundle.IMAGE_SVG) != b.has(MimeBundle.IMAGE_PNG), f + ": exactly one image");
            double k = InlineImages.figureScale(f);
            double width = displayWidthPx(b);
            assertTrue(width >= 600, f + " shown " + width + " px wide");
            for (Figure.Panel p : f.panels()) {
                for (Font font : visibleFonts(p.chart())) {
                    assertTrue(font.getSize2D() * k >= 11 - 1e-9, f + ": text " + font + " is " + font.getSize2D() * k + " px");
                }
            }
            assertTrue(b.has(MimeBundle.IMAGE_PNG), f + ": PNG by default");
            MimeBundle asked = InlineImages.preferringSvg(() -> InlineImages.figure(f));
            if (asked.has(MimeBundle.IMAGE_SVG)) { // when SVG is asked for (and small enough)
                String svg = asked.get(MimeBundle.IMAGE_SVG);
                assertTrue(svg.startsWith("<svg"), f + ": no XML declaration or DOCTYPE");
                assertFalse(svg.contains("<line "), f + ": polylines are paths");
                assertTrue(displayWidthPx(asked) >= 600, f + ": SVG display width");
            }
            if (f.kind().equals("spectrum-overlay")) { // 1000-channel spectrum, prediction and residual
                int len = Figures.svg(f).length();
                System.out.println(f + ": SVG " + len + " characters");
                assertTrue(len < (f.size().widthIn() <= 3.5 ? 100_000 : InlineImages.MAX_INLINE_SVG_CHARS), f + ": spectrum SVG is " + len + " characters");
            }
            Figures.save(f.withSize(f.size().withDpi((int) Math.ceil(72 * k - 1e-9))), OUT.resolve(f.kind() + "-" + f.size().widthIn() + "in.png"));
        }
    }

    @Test
    void notebookChartsGetTheScreenThemeAndLegendRule() throws Exception {
        Files.createDirectories(OUT);
        SplittableRandom r = new SplittableRandom(3);
        XYChart few = new XYChartBuilder().width(640).height(360).title("Two series").xAxisTitle("Energy (eV)").yAxisTitle("Intensity").build();
        XYChart many = new XYChartBuilder().width(640).height(360).title("Twelve series").xAxisTitle("Energy (eV)").yAxisTitle("Intensity").build();
        double[] x = new double[300];
        for (int i = 0; i < x.length; i++) x[i] = -20 + 0.27 * i;
        XYChart seven = new XYChartBuilder().width(640).height(360).title("Seven long labels").xAxisTitle("Energy (eV)").yAxisTitle("Intensity").build();
        for (int s = 0; s < 12; s++) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = s * 0.1 + 1 / (1 + Math.exp(-x[i] / 2)) + 0.01 * r.nextGaussian();
            if (s < 2) few.addSeries("series " + s, x, y);
            many.addSeries("spectrum " + s, x, y);
            if (s < 7) seven.addSeries("Au_Foil_L1_rt_2016Foils #" + s, x, y);
        }
        seven.getStyler().setMarkerSize(0);
        few.getStyler().setMarkerSize(0);
        many.getStyler().setMarkerSize(0);
        for (XYChart c : List.of(few, many, seven)) {
            MimeBundle b = InlineImages.chart(c);
            assertTrue(displayWidthPx(b) >= 600);
            assertTrue(java.awt.Color.WHITE.equals(c.getStyler().getChartBackgroundColor()), "white background, no grey frame");
            for (Font font : visibleFonts(c)) assertTrue(font.getSize2D() >= 11, c.getTitle() + ": " + font);
            assertTrue(b.has(MimeBundle.IMAGE_PNG));
            assertTrue(InlineImages.preferringSvg(() -> InlineImages.chart(c)).get(MimeBundle.IMAGE_SVG).startsWith("<svg"));
            Files.write(OUT.resolve("chart-" + c.getTitle().split(" ")[0].toLowerCase() + "-series.png"), InlineImages.png(c, 1));
        }
        assertTrue(few.getStyler().isLegendVisible());
        assertFalse(many.getStyler().isLegendVisible());
        assertTrue(many.getTitle().contains("12 series, legend hidden"), many.getTitle());
        assertTrue(few.getStyler().getMarkerSize() == 0, "the chart's own marker size is kept");
        assertTrue(seven.getHeight() > 360, "a legend of one entry per line below the plot adds to the chart's height");
    }
}
