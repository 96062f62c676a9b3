package org.coreloss.display;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coreloss.data.SpectraDataset;
import org.coreloss.nn.NetworkSpec;
import org.coreloss.nn.TrainedModel;
import org.coreloss.nn.TrainingResult;
import org.coreloss.plot.Plots;
import org.coreloss.spectrum.Spectrum;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Notebook renderers for the project's own objects, so that a cell's value shows itself:
 * <ul>
 *   <li>{@link Spectrum}: a line chart (energy in eV against intensity) plus a text summary;</li>
 *   <li>{@link SpectraDataset}: summary, {@code describe()} table and an overlay of up to 8 spectra
 *       (as {@code %spectra info});</li>
 *   <li>{@link TrainedModel}: architecture table (kind, layer sizes, parameters, MACs per sample, inputs,
 *       outputs with units, metadata);</li>
 *   <li>{@link TrainingResult}: the model's table, the training summary (epochs, best epoch, early stop,
 *       interrupt) and the learning curve (training and validation loss per epoch).</li>
 * </ul>
 * Figures follow {@link InlineImages}; every bundle has {@code text/plain}. Listed in
 * {@code META-INF/services/org.coreloss.display.RendererProvider}.
 */
public final class ScienceRenderers implements RendererProvider {
    @Override
    public void register(DisplayRegistry registry) {
        registry.register(Spectrum.class, ScienceRenderers::spectrum);
        registry.register(SpectraDataset.class, d -> SpectraInfo.of(d).toBundle());
        registry.register(TrainedModel.class, m -> new MimeBundle().put(MimeBundle.TEXT_HTML, modelHtml(m)).put(MimeBundle.TEXT_PLAIN, modelText(m)));
        registry.register(TrainingResult.class, ScienceRenderers::training);
    }

    static MimeBundle spectrum(Spectrum s) {
        double[] e = s.energiesEv(), y = s.intensities();
        XYChart c = new XYChartBuilder().width(640).height(360).title(s.id())
                .xAxisTitle("Energy (eV)").yAxisTitle("Intensity (arb. units)").build();
        c.getStyler().setMarkerSize(0);
        c.addSeries(s.id().isEmpty() ? "spectrum" : s.id(), e, y).setMarker(SeriesMarkers.NONE);
        MimeBundle img = InlineImages.chart(c);
        double max = Double.NEGATIVE_INFINITY;
        int at = 0;
        for (int i = 0; i < y.length; i++) if (y[i] > max) { max = y[i]; at = i; }
        String text = "Spectrum[" + s.id() + "]: " + s.size() + " channels, " + g(e[0]) + " .. " + g(e[e.length - 1])
                + " eV, maximum " + g(max) + " at " + g(e[at]) + " eV";
        img.put(MimeBundle.TEXT_PLAIN, text);
        return img;
    }

    /** 4 significant digits without trailing zeros. */
    static String g(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    static String modelText(TrainedModel m) {
        NetworkSpec spec = m.spec();
        return m + "\n  architecture: " + spec + "\n  MACs per sample: " + spec.macsPerSample()
                + "\n  inputs: " + m.inputSize() + ", outputs: " + m.outputNames() + " " + m.outputUnits();
    }

    static String modelHtml(TrainedModel m) {
        NetworkSpec spec = m.spec();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("kind", m.info().kind());
        rows.put("architecture", spec.toString());
        rows.put("parameters", String.format(Locale.ROOT, "%,d", spec.parameterCount()));
        rows.put("MACs per sample", String.format(Locale.ROOT, "%,d", spec.macsPerSample()));
        rows.put("loss", String.valueOf(spec.loss()));
        rows.put("inputs", String.valueOf(m.inputSize()));
        List<String> names = m.outputNames(), units = m.outputUnits();
        StringBuilder outs = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) outs.append(", ");
            if (i == 12) { outs.append("... ").append(names.size() - 12).append(" more"); break; }
            outs.append(names.get(i));
            if (units != null && i < units.size() && !units.get(i).isEmpty()) outs.append(" (").append(units.get(i)).append(')');
        }
        rows.put("outputs (" + m.outputSize() + ")", outs.toString());
        m.metadata().forEach((k, v) -> rows.putIfAbsent(k, v.length() > 200 ? v.substring(0, 197) + "..." : v));
        StringBuilder h = new StringBuilder("<table class=\"coreloss-model\"><caption>trained model</caption><tbody>");
        rows.forEach((k, v) -> h.append("<tr><th style=\"text-align:left\">").append(StandardRenderers.escape(k))
                .append("</th><td style=\"text-align:left\">").append(StandardRenderers.escape(v)).append("</td></tr>"));
        return h.append("</tbody></table>").toString();
    }

    static MimeBundle training(TrainingResult r) {
        StringBuilder h = new StringBuilder("<div>");
        h.append(String.format(Locale.ROOT, "<p><b>Training</b>: %d epochs, best epoch %d (validation loss %.4g, scaled units)%s%s</p>",
                r.epochsRun(), r.bestEpoch() + 1, r.bestValidationLoss(),
                r.earlyStopped() ? ", stopped early" : "", r.interrupted() ? ", <b>interrupted</b>" : ""));
        Map<String, double[]> curves = new LinkedHashMap<>();
        if (!r.trainLoss().isEmpty()) curves.put("training", r.trainLoss().stream().mapToDouble(Double::doubleValue).toArray());
        if (!r.validationLoss().isEmpty()) curves.put("validation", r.validationLoss().stream().mapToDouble(Double::doubleValue).toArray());
        if (!curves.isEmpty()) {
            h.append(InlineImages.html(InlineImages.figure(Plots.lossCurves(curves, "loss (" + r.model().spec().loss() + ", scaled)"))));
        }
        h.append(modelHtml(r.model())).append("</div>");
        String text = String.format(Locale.ROOT, "TrainingResult[%d epochs, best epoch %d, best validation loss %.4g%s%s]%n%s",
                r.epochsRun(), r.bestEpoch() + 1, r.bestValidationLoss(), r.earlyStopped() ? ", stopped early" : "",
                r.interrupted() ? ", interrupted" : "", modelText(r.model()));
        return new MimeBundle().put(MimeBundle.TEXT_HTML, h.toString()).put(MimeBundle.TEXT_PLAIN, text);
    }
}
