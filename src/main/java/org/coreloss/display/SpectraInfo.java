package org.coreloss.display;

import org.coreloss.data.SpectraDataset;

import java.util.Objects;

/**
 * What {@code %spectra info} shows: the dataset's {@code describe()} table and an overlay plot of
 * up to {@code maxSpectra} spectra. Rendered (see {@link DataRenderers}) as text/html with the table
 * and the figure, plus text/plain.
 */
public record SpectraInfo(SpectraDataset dataset, int maxSpectra) {
    public SpectraInfo {
        Objects.requireNonNull(dataset, "dataset");
        if (maxSpectra < 1) throw new IllegalArgumentException("maxSpectra = " + maxSpectra + ", expected >= 1");
    }

    public static SpectraInfo of(SpectraDataset d) { return new SpectraInfo(d, 8); }

    /**
     * text/html (summary, {@code describe()} table and the overlay, embedded by the rule of
     * {@link InlineImages}: inline SVG or an {@code <img>} with a PNG) and text/plain. The image is not
     * repeated as a separate image/* entry, so it is stored once in the notebook.
     */
    public MimeBundle toBundle() {
        MimeBundle img = InlineImages.chart(SpectraPlots.overlay(dataset, maxSpectra));
        String picture = InlineImages.html(img);
        String html = "<div><p><b>" + DataRenderers.esc(dataset.name()) + "</b>: " + dataset.size() + " spectra x "
                + dataset.channels() + " channels" + (dataset.source().isEmpty() ? "" : ", from " + DataRenderers.esc(dataset.source()))
                + (dataset.history().isEmpty() ? "" : "; steps: " + DataRenderers.esc(dataset.history().toString())) + "</p>"
                + DataRenderers.tableHtml(dataset.describe(), 50)
                + "<div>" + picture + "</div></div>";
        return new MimeBundle().put(MimeBundle.TEXT_HTML, html)
                .put(MimeBundle.TEXT_PLAIN, dataset + "\n" + dataset.describe().print());
    }
}
