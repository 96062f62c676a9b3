package org.coreloss.display;

import org.coreloss.data.SpectraDataset;

import java.util.Objects;

/**
 * What {@code %spectra info} shows: the dataset's {@code describe()} table and an overlay plot of
 * up to {@code maxSpectra} spectra. Rendered (see {@link DataRenderers}) as text/html with the table
 * and the inline PNG, plus image/png and text/plain.
 */
public record SpectraInfo(SpectraDataset dataset, int maxSpectra) {
    public SpectraInfo {
        Objects.requireNonNull(dataset, "dataset");
        if (maxSpectra < 1) throw new IllegalArgumentException("maxSpectra = " + maxSpectra + ", expected >= 1");
    }

    public static SpectraInfo of(SpectraDataset d) { return new SpectraInfo(d, 8); }

    public MimeBundle toBundle() {
        String png = SpectraPlots.pngBase64(SpectraPlots.overlay(dataset, maxSpectra));
        String html = "<div><p><b>" + DataRenderers.esc(dataset.name()) + "</b>: " + dataset.size() + " spectra x "
                + dataset.channels() + " channels" + (dataset.source().isEmpty() ? "" : ", from " + DataRenderers.esc(dataset.source()))
                + (dataset.history().isEmpty() ? "" : "; steps: " + DataRenderers.esc(dataset.history().toString())) + "</p>"
                + DataRenderers.tableHtml(dataset.describe(), 50)
                + "<img src=\"data:image/png;base64," + png + "\"/></div>";
        return new MimeBundle().put(MimeBundle.TEXT_HTML, html).put(MimeBundle.IMAGE_PNG, png)
                .put(MimeBundle.TEXT_PLAIN, dataset + "\n" + dataset.describe().print());
    }
}
