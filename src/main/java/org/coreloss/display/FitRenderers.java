package org.coreloss.display;

import org.coreloss.fit.FitResult;
import org.coreloss.fit.IonRanking;
import org.coreloss.plot.FitPlots;
import org.coreloss.plot.Figures;

import java.util.Base64;
import java.util.Locale;

/**
 * Notebook renderers for fits: a {@link FitResult} as its data/fit/background/residual figure plus an
 * HTML table of the posterior (median, 68 % and 95 % intervals), goodness of fit and warnings; an
 * {@link IonRanking} as a table and a dBIC bar chart. Corner plots: {@code FitPlots.corner(result, names)}.
 */
public final class FitRenderers implements RendererProvider {
    @Override public void register(DisplayRegistry registry) {
        registry.register(FitResult.class, r -> new MimeBundle()
                .put(MimeBundle.IMAGE_PNG, Base64.getEncoder().encodeToString(Figures.png(FitPlots.fit(r))))
                .put(MimeBundle.TEXT_HTML, html(r))
                .put(MimeBundle.TEXT_PLAIN, r.toString()));
        registry.register(IonRanking.class, r -> new MimeBundle()
                .put(MimeBundle.IMAGE_PNG, Base64.getEncoder().encodeToString(Figures.png(FitPlots.ranking(r))))
                .put(MimeBundle.TEXT_HTML, html(r))
                .put(MimeBundle.TEXT_PLAIN, r.toString()));
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String html(FitResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<p><b>%s</b> on %s: %d points, %s; SE_exp %.3f, reduced &chi;&sup2; (difference noise) %.3g, BIC %.1f; %.2f s (CPU %.2f s)%s</p>",
                esc(r.ion()), esc(r.data().name()), r.points(), esc(r.samplerMode()), r.seExp(), r.reducedChi2Difference(), r.bic(),
                r.totalSeconds(), r.cpuSeconds(), r.poorFit() ? " <b>POOR FIT</b>" : ""));
        sb.append("<table><tr><th>parameter</th><th>best</th><th>median</th><th>68 % interval</th><th>95 % interval</th></tr>");
        for (FitResult.Summary s : r.summaries()) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.4g</td><td>%.4g</td><td>[%.4g, %.4g]</td><td>[%.4g, %.4g]</td></tr>",
                    esc(s.name()), s.best(), s.median(), s.q16(), s.q84(), s.q025(), s.q975()));
        }
        sb.append("</table>");
        if (!r.warnings().isEmpty()) {
            sb.append("<ul>");
            for (String w : r.warnings()) sb.append("<li>").append(esc(w)).append("</li>");
            sb.append("</ul>");
        }
        return sb.toString();
    }

    static String html(IonRanking r) {
        StringBuilder sb = new StringBuilder("<table><tr><th>ion</th><th>BIC</th><th>&Delta;BIC</th><th>weight</th><th>SE_exp</th><th></th></tr>");
        for (IonRanking.Entry e : r.entries()) {
            if (e.fit() != null) {
                sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.1f</td><td>%.1f</td><td>%.3f</td><td>%.3f</td><td>%s</td></tr>", esc(e.ion()),
                        e.fit().bic(), e.deltaBic(), e.weight(), e.fit().seExp(), e.fit().poorFit() ? "poor fit" : ""));
            } else {
                sb.append("<tr><td>").append(esc(e.ion())).append("</td><td colspan=5>cannot fit: ").append(esc(e.error())).append("</td></tr>");
            }
        }
        return sb.append("</table>").toString();
    }
}
