package org.coreloss.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/** Confusion matrices (rows: true class, columns: predicted) as annotated heat maps side by side. */
public final class ConfusionMatrices {
    private ConfusionMatrices() {
    }

    /**
     * One heat map per entry of {@code matrices} (title -> counts [true][predicted]), two per row, on a double-column
     * figure 3.2 in high.
     */
    public static Figure of(Map<String, double[][]> matrices, List<String> classes) {
        List<HeatMapChart> charts = new ArrayList<>();
        for (var e : matrices.entrySet()) {
            double[][] m = e.getValue();
            if (m.length != classes.size()) {
                throw new IllegalArgumentException("confusion matrix \"" + e.getKey() + "\" is " + m.length + " x " + m.length
                        + ", expected " + classes.size() + " classes " + classes);
            }
            HeatMapChart h = new HeatMapChartBuilder().width(400).height(360).title(e.getKey())
                    .xAxisTitle("predicted").yAxisTitle("true").build();
            List<Number[]> cells = new ArrayList<>();
            for (int i = 0; i < classes.size(); i++) for (int j = 0; j < classes.size(); j++) cells.add(new Number[] {j, i, m[i][j]});
            h.addSeries("count", classes, classes, cells);
            h.getStyler().setChartBackgroundColor(Color.WHITE);
            h.getStyler().setChartTitleFont(PaperTheme.TITLE_FONT);
            h.getStyler().setAxisTickLabelsFont(PaperTheme.TICK_FONT);
            h.getStyler().setAxisTitleFont(PaperTheme.AXIS_TITLE_FONT);
            h.getStyler().setAnnotationTextFont(PaperTheme.LEGEND_FONT);
            h.getStyler().setLegendVisible(false);
            h.getStyler().setShowValue(true);
            h.getStyler().setXAxisLabelRotation(45);
            h.getStyler().setMin(0);
            h.getStyler().setRangeColors(new Color[] {Color.WHITE, PaperTheme.BLUE});
            charts.add(h);
        }
        return Figure.grid("confusion", PaperSize.DOUBLE_COLUMN.withHeight(3.2), charts, 2, Map.of("classes", classes, "matrices", matrices));
    }
}
