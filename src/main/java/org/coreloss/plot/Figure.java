package org.coreloss.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A figure: one or more XChart charts placed on a page of a given {@link PaperSize}, plus the data
 * that went into it (for tests and for re-use). Panels are placed in fractions of the page
 * ({@code x, y} from the top left, {@code width, height}). Render with {@link Figures}.
 */
public final class Figure {
    /**
     * One chart and its place on the page, in fractions of the page size (0..1).
     */
    public record Panel(Chart<?, ?> chart, double x, double y, double width, double height) {
        public Panel {
            if (chart == null) throw new IllegalArgumentException("chart must not be null");
            if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > 1 + 1e-9 || y + height > 1 + 1e-9)
                throw new IllegalArgumentException("panel rectangle (" + x + ", " + y + ", " + width + ", " + height + ") must lie inside the unit square");
        }
    }

    private final String kind;
    private final PaperSize size;
    private final List<Panel> panels;
    private final Map<String, Object> data;

    public Figure(String kind, PaperSize size, List<Panel> panels, Map<String, Object> data) {
        if (panels.isEmpty()) throw new IllegalArgumentException("figure '" + kind + "': expected at least one panel");
        this.kind = kind;
        this.size = size;
        this.panels = List.copyOf(panels);
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A figure with a single chart filling the page. */
    public static Figure single(String kind, PaperSize size, Chart<?, ?> chart, Map<String, Object> data) {
        return new Figure(kind, size, List.of(new Panel(chart, 0, 0, 1, 1)), data);
    }

    /** Charts laid out in a grid of {@code columns} columns, row by row. */
    public static Figure grid(String kind, PaperSize size, List<? extends Chart<?, ?>> charts, int columns, Map<String, Object> data) {
        if (columns < 1) throw new IllegalArgumentException("columns = " + columns + ", expected >= 1");
        int rows = (charts.size() + columns - 1) / columns;
        List<Panel> p = new ArrayList<>();
        for (int i = 0; i < charts.size(); i++) {
            p.add(new Panel(charts.get(i), (double) (i % columns) / columns, (double) (i / columns) / rows, 1.0 / columns, 1.0 / rows));
        }
        return new Figure(kind, size, p, data);
    }

    /** The figure type, e.g. "parity", "mepd". */
    public String kind() { return kind; }
    public PaperSize size() { return size; }
    public List<Panel> panels() { return panels; }

    /** The charts, in panel order. */
    public List<Chart<?, ?>> charts() {
        List<Chart<?, ?>> c = new ArrayList<>();
        for (Panel p : panels) c.add(p.chart());
        return c;
    }

    /** The data that went in, by name (arrays are the caller's copies; do not modify). */
    public Map<String, Object> data() { return data; }

    /** One data entry, or throws naming the known keys. */
    public Object data(String key) {
        if (!data.containsKey(key)) throw new IllegalArgumentException("figure '" + kind + "' has no data '" + key + "'; known: " + data.keySet());
        return data.get(key);
    }

    /** The same figure on another page size. */
    public Figure withSize(PaperSize newSize) { return new Figure(kind, newSize, panels, data); }

    @Override public String toString() {
        return "Figure[" + kind + ", " + panels.size() + " panel(s), " + size.widthIn() + " x " + size.heightIn() + " in]";
    }
}
