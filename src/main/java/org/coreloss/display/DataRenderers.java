package org.coreloss.display;

import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.RunRecord;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Notebook renderers for the data layer: {@link RunRecord} (small HTML table) and {@link SpectraInfo}
 * (summary and overlay plot; a {@link SpectraDataset} value is shown the same way, see
 * {@link ScienceRenderers}). Plain
 * Tablesaw tables are rendered by {@link StandardRenderers}.
 */
public final class DataRenderers implements RendererProvider {
    /** Rows of a table shown before eliding. */
    public static final int MAX_ROWS = 20;

    @Override public void register(DisplayRegistry registry) {
        registry.register(RunRecord.class, r -> new MimeBundle().put(MimeBundle.TEXT_HTML, r.toHtml()).put(MimeBundle.TEXT_PLAIN, r.toJson()));
        registry.register(SpectraInfo.class, SpectraInfo::toBundle);
    }

    /** An HTML table of the first {@code maxRows} rows (numbers to 6 significant digits). */
    public static String tableHtml(Table t, int maxRows) {
        StringBuilder sb = new StringBuilder("<table><caption>").append(esc(t.name())).append(" (")
                .append(t.rowCount()).append(" rows)</caption><thead><tr>");
        for (String c : t.columnNames()) sb.append("<th>").append(esc(c)).append("</th>");
        sb.append("</tr></thead><tbody>");
        int n = Math.min(maxRows, t.rowCount());
        for (int i = 0; i < n; i++) {
            sb.append("<tr>");
            for (Column<?> c : t.columns()) {
                String v;
                if (c.isMissing(i)) v = "";
                else if (c.get(i) instanceof Double x) v = String.format(java.util.Locale.ROOT, "%.6g", x);
                else v = c.getString(i);
                sb.append("<td>").append(esc(v)).append("</td>");
            }
            sb.append("</tr>");
        }
        if (n < t.rowCount()) sb.append("<tr><td colspan=\"").append(t.columnCount()).append("\">... ")
                .append(t.rowCount() - n).append(" more rows</td></tr>");
        return sb.append("</tbody></table>").toString();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
