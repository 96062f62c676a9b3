package org.coreloss.display;

import java.util.Base64;
import java.util.Locale;
import org.coreloss.eval.ExtrapolationAnalysis;
import org.coreloss.eval.MispredictionAnalysis;
import org.coreloss.eval.RegressionReport;
import org.coreloss.eval.SeIntervals;
import org.coreloss.eval.SpectrumEvaluation;
import org.coreloss.plot.Figure;
import org.coreloss.plot.Figures;
import tech.tablesaw.api.Table;

/**
 * Renderers for the evaluation and plot types: {@link Figure} by the rule of {@link InlineImages}
 * (one image, SVG or PNG, plus text/plain); reports
 * ({@link RegressionReport}, {@link SeIntervals}, {@link SpectrumEvaluation},
 * {@link MispredictionAnalysis.NeighbourTable}, {@link ExtrapolationAnalysis}) as text/html tables
 * plus text/plain. Listed in {@code META-INF/services/org.coreloss.display.RendererProvider}.
 */
public final class EvaluationRenderers implements RendererProvider {
    /** Resolution of inline PNGs (figures keep their own dpi for files). */
    public static final int DISPLAY_DPI = 144;

    @Override public void register(DisplayRegistry registry) {
        registry.register(Figure.class, EvaluationRenderers::figure);
        registry.register(RegressionReport.class, r -> new MimeBundle().put(MimeBundle.TEXT_PLAIN, r.toString()).put(MimeBundle.TEXT_HTML, html(r.table())));
        registry.register(org.coreloss.eval.RegressionEvaluation.class, EvaluationRenderers::regressionEvaluation);
        registry.register(SeIntervals.class, EvaluationRenderers::intervals);
        registry.register(SpectrumEvaluation.class, EvaluationRenderers::evaluation);
        registry.register(MispredictionAnalysis.NeighbourTable.class, t -> new MimeBundle().put(MimeBundle.TEXT_PLAIN, t.table().print()).put(MimeBundle.TEXT_HTML, html(t.table())));
        registry.register(ExtrapolationAnalysis.class, EvaluationRenderers::extrapolation);
    }

    /** The inline bundle of a figure: see {@link InlineImages} for the size and format rule. */
    public static MimeBundle figure(Figure f) {
        return InlineImages.figure(f);
    }

    /** The metrics table (model and mean-predictor baseline) followed by the parity figure as PNG. */
    static MimeBundle regressionEvaluation(org.coreloss.eval.RegressionEvaluation ev) {
        Figure f = org.coreloss.plot.Plots.parity(ev);
        Figure screen = f.size().dpi() > DISPLAY_DPI ? f.withSize(f.size().withDpi(DISPLAY_DPI)) : f;
        String png = Base64.getEncoder().encodeToString(Figures.png(screen));
        String h = html(ev.table()) + "<div><img alt=\"parity\" src=\"data:image/png;base64," + png + "\"/></div>";
        return new MimeBundle().put(MimeBundle.TEXT_PLAIN, ev.toString()).put(MimeBundle.TEXT_HTML, h);
    }

    static MimeBundle intervals(SeIntervals iv) {
        StringBuilder h = new StringBuilder("<table><thead><tr><th></th>");
        for (String l : SeIntervals.LABELS) h.append("<th>").append(l).append("</th>");
        h.append("<th>matches</th><th>outliers</th><th>SE<sub>max</sub></th></tr></thead><tbody><tr><th>count</th>");
        for (long c : iv.counts()) h.append("<td>").append(c).append("</td>");
        h.append("<td>").append(iv.matches()).append("</td><td>").append(iv.outliers()).append("</td><td>").append(fmt(iv.maxSe())).append("</td></tr><tr><th>%</th>");
        for (double f : iv.fractions()) h.append("<td>").append(String.format(Locale.ROOT, "%.2f", 100 * f)).append("</td>");
        h.append("<td colspan=\"3\"></td></tr></tbody></table>");
        return new MimeBundle().put(MimeBundle.TEXT_PLAIN, iv.toString()).put(MimeBundle.TEXT_HTML, h.toString());
    }

    static MimeBundle evaluation(SpectrumEvaluation ev) {
        StringBuilder h = new StringBuilder("<div><b>").append(esc(ev.label())).append("</b>: ").append(ev.se().length)
                .append(" test spectra, mean SE ").append(fmt(ev.meanSe())).append(", misfit mode ").append(ev.mode()).append("</div>");
        h.append(intervals(ev.intervals()).get(MimeBundle.TEXT_HTML));
        h.append("<table><tbody>")
                .append(row("L3 / L2 misfits", ev.mepd().countL3() + " / " + ev.mepd().countL2()))
                .append(row("r<sub>MEPD</sub> = N(L3)/N(L2)", fmt(ev.mepd().ratio())))
                .append(row("I(L3)/I(L2) of &mu;", fmt(ev.mepd().branchingRatio())))
                .append(row("cluster centres (eV)", fmt(ev.mepd().centreL3Ev()) + ", " + fmt(ev.mepd().centreL2Ev())));
        double[] r = ev.correlations().values();
        for (int i = 0; i < r.length; i++) h.append(row("&rho; " + esc(org.coreloss.eval.ChannelCorrelations.LABELS.get(i)), fmt(r[i])));
        h.append("</tbody></table>");
        return new MimeBundle().put(MimeBundle.TEXT_PLAIN, ev.toString()).put(MimeBundle.TEXT_HTML, h.toString());
    }

    static MimeBundle extrapolation(ExtrapolationAnalysis ex) {
        String text = String.format(Locale.ROOT, "ExtrapolationAnalysis[%d spectra, %d outliers, marker %.4g, reliable fraction %.3f, GP l=%.3g]",
                ex.se().length, ex.outliers(), ex.marker(), ex.reliableFraction(), ex.gp().lengthScale());
        StringBuilder h = new StringBuilder("<table><thead><tr><th>bin centre</th><th>spectra</th><th>r<sub>f</sub></th></tr></thead><tbody>");
        for (int b = 0; b < ex.binCentres().length; b++) {
            h.append("<tr><td>").append(fmt(ex.binCentres()[b])).append("</td><td>").append(ex.binCounts()[b]).append("</td><td>").append(fmt(ex.matchRatio()[b])).append("</td></tr>");
        }
        h.append("</tbody></table><div>95 % marker at ").append(fmt(ex.marker())).append(", reliable fraction r<sub>a</sub> = ").append(fmt(ex.reliableFraction())).append("</div>");
        return new MimeBundle().put(MimeBundle.TEXT_PLAIN, text).put(MimeBundle.TEXT_HTML, h.toString());
    }

    /** A Tablesaw table as an HTML table (values escaped). */
    public static String html(Table t) {
        StringBuilder h = new StringBuilder("<table><caption>").append(esc(t.name())).append("</caption><thead><tr>");
        for (String c : t.columnNames()) h.append("<th>").append(esc(c)).append("</th>");
        h.append("</tr></thead><tbody>");
        for (int r = 0; r < t.rowCount(); r++) {
            h.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) {
                Object v = t.column(c).get(r);
                h.append("<td>").append(v instanceof Double d ? fmt(d) : esc(String.valueOf(v))).append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    private static String row(String k, String v) { return "<tr><th style=\"text-align:left\">" + k + "</th><td>" + v + "</td></tr>"; }
    private static String fmt(double v) { return String.format(Locale.ROOT, "%.5g", v); }
    static String esc(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"); }
}
