package org.coreloss.display;

import java.util.Locale;
import java.util.Map;
import org.coreloss.structure.SiteGeometry;
import org.coreloss.structure.Structure;
import org.coreloss.structure.VoronoiCell;

/**
 * Notebook renderers for {@code org.coreloss.structure}: {@link Structure} (formula, cell lengths in
 * Angstrom, angles in degrees, volume in Angstrom^3), {@link SiteGeometry} (one-row HTML table of the
 * site labels) and {@link VoronoiCell}.
 */
public final class StructureRenderers implements RendererProvider {
    @Override public void register(DisplayRegistry registry) {
        registry.register(Structure.class, s -> new MimeBundle().put(MimeBundle.TEXT_HTML, structureHtml(s)).put(MimeBundle.TEXT_PLAIN, s.toString()));
        registry.register(SiteGeometry.class, g -> new MimeBundle().put(MimeBundle.TEXT_HTML, siteHtml(g)).put(MimeBundle.TEXT_PLAIN, g.toString()));
        registry.register(VoronoiCell.class, c -> MimeBundle.text(String.format(Locale.ROOT,
                "Voronoi cell of site %d: %.6f A^3, %d faces, max vertex radius %.4f A", c.site(), c.volumeA3(), c.faceCount(), c.maxRadiusA())));
    }

    static String structureHtml(Structure s) {
        StringBuilder sb = new StringBuilder("<table><caption>").append(DataRenderers.esc(s.name())).append("</caption><tbody>");
        StringBuilder formula = new StringBuilder();
        for (Map.Entry<String, Integer> e : s.speciesCounts().entrySet()) formula.append(e.getKey()).append("<sub>").append(e.getValue()).append("</sub>");
        row(sb, "formula (file order)", formula.toString());
        row(sb, "atoms", Integer.toString(s.size()));
        if (s.isPeriodic()) {
            double[][] l = s.latticeA();
            double a = norm(l[0]), b = norm(l[1]), c = norm(l[2]);
            row(sb, "a, b, c (A)", String.format(Locale.ROOT, "%.4f, %.4f, %.4f", a, b, c));
            row(sb, "alpha, beta, gamma (deg)", String.format(Locale.ROOT, "%.3f, %.3f, %.3f", angle(l[1], l[2]), angle(l[0], l[2]), angle(l[0], l[1])));
            row(sb, "volume (A^3)", String.format(Locale.ROOT, "%.4f", s.volumeA3()));
        } else {
            row(sb, "periodic", "no");
        }
        return sb.append("</tbody></table>").toString();
    }

    static String siteHtml(SiteGeometry g) {
        String[] h = {"site", "species", "CN", "mean bond (A)", "mean angle (deg)", "Voronoi (A^3)", "neighbours"};
        StringBuilder nb = new StringBuilder();
        g.neighbourCounts().forEach((k, v) -> nb.append(nb.length() == 0 ? "" : " ").append(k).append(v));
        String[] v = {Integer.toString(g.site()), g.species() + (g.speciesOrdinal() + 1), Integer.toString(g.coordinationNumber()),
                String.format(Locale.ROOT, "%.4f", g.meanBondLengthA()), String.format(Locale.ROOT, "%.2f", g.meanBondAngleDeg()),
                String.format(Locale.ROOT, "%.4f", g.voronoiVolumeA3()), nb.toString()};
        StringBuilder sb = new StringBuilder("<table><thead><tr>");
        for (String x : h) sb.append("<th>").append(DataRenderers.esc(x)).append("</th>");
        sb.append("</tr></thead><tbody><tr>");
        for (String x : v) sb.append("<td>").append(DataRenderers.esc(x)).append("</td>");
        return sb.append("</tr></tbody></table>").toString();
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("<tr><th>").append(DataRenderers.esc(k)).append("</th><td>").append(v).append("</td></tr>");
    }

    private static double norm(double[] v) { return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]); }

    private static double angle(double[] u, double[] v) {
        return Math.toDegrees(Math.acos((u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / (norm(u) * norm(v))));
    }
}
