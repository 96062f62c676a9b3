package org.coreloss.fit;

import org.coreloss.data.io.ColumnSpectrum;
import org.coreloss.progress.ProgressListener;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks candidate ions for one spectrum: each candidate is fitted with the same setup (same free
 * parameters, bounds and priors; only the ion changes) and ranked by the Bayesian information criterion
 * BIC = N ln(RSS / N) + k ln N (Gaussian noise of unknown sigma profiled out; Schwarz 1978). With equal k
 * the ranking is the ranking by RSS; the weights exp(-dBIC/2) / sum are approximate posterior model
 * probabilities under equal prior odds. They assume the noise is white and the model family can
 * describe the data: for spectra whose misfit is dominated by what the crystal-field model lacks
 * (charge transfer, digitising) they overstate the certainty, so dBIC and SE_exp are both reported.
 * A candidate that cannot be fitted (its edge outside the data) is listed with its error, last.
 */
public final class IonRanking {
    /** One candidate: its fit (null on error), BIC difference to the best, weight, error message. */
    public record Entry(String ion, FitResult fit, double deltaBic, double weight, String error) {}

    private final String data;
    private final List<Entry> entries;

    private IonRanking(String data, List<Entry> entries) {
        this.data = data;
        this.entries = List.copyOf(entries);
    }

    public String data() { return data; }
    /** Best first; failed candidates last. */
    public List<Entry> entries() { return entries; }
    public Entry best() { return entries.get(0); }

    /** Fits every candidate ion (engine forward model) with {@code setup} moved to that ion. */
    public static IonRanking rank(ColumnSpectrum spectrum, List<String> ions, FitSetup setup, FitOptions options, ProgressListener progress) {
        if (ions == null || ions.isEmpty()) throw new FitException("no candidate ions, expected at least one, e.g. [Mn2+, Mn3+, Mn4+]");
        List<FitResult> fits = new ArrayList<>();
        List<String> failedIons = new ArrayList<>(), errors = new ArrayList<>();
        for (String ion : ions) {
            FitSetup s = setup.forIon(ion);
            try {
                fits.add(Fitter.fit(spectrum, s, new EngineForwardModel(s.ion()), options, progress));
            } catch (FitException e) {
                failedIons.add(ion);
                errors.add(e.getMessage());
            }
        }
        fits.sort(Comparator.comparingDouble(FitResult::bic));
        List<Entry> out = new ArrayList<>();
        double bestBic = fits.isEmpty() ? Double.NaN : fits.get(0).bic();
        double z = 0;
        for (FitResult f : fits) z += Math.exp(-0.5 * (f.bic() - bestBic));
        for (FitResult f : fits) out.add(new Entry(f.ion(), f, f.bic() - bestBic, Math.exp(-0.5 * (f.bic() - bestBic)) / z, null));
        for (int i = 0; i < failedIons.size(); i++) out.add(new Entry(failedIons.get(i), null, Double.NaN, 0, errors.get(i)));
        return new IonRanking(spectrum.name(), out);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data);
        m.put("criterion", "BIC = N ln(RSS/N) + k ln N");
        List<Map<String, Object>> l = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("ion", e.ion());
            if (e.fit() != null) {
                x.put("bic", e.fit().bic());
                x.put("delta_bic", e.deltaBic());
                x.put("weight", e.weight());
                x.put("se_exp", e.fit().seExp());
                x.put("poor_fit", e.fit().poorFit());
                x.put("fit", e.fit().toMap());
            } else {
                x.put("error", e.error());
            }
            l.add(x);
        }
        m.put("ranking", l);
        return m;
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("Ion ranking for " + data + " (BIC, lower is better)\n");
        sb.append(String.format(Locale.ROOT, "%-6s %10s %10s %8s %8s%n", "ion", "BIC", "dBIC", "weight", "SE_exp"));
        for (Entry e : entries) {
            if (e.fit() != null) {
                sb.append(String.format(Locale.ROOT, "%-6s %10.1f %10.1f %8.3f %8.3f%s%n", e.ion(), e.fit().bic(), e.deltaBic(), e.weight(),
                        e.fit().seExp(), e.fit().poorFit() ? "  poor fit" : ""));
            } else {
                sb.append(String.format(Locale.ROOT, "%-6s  cannot fit: %s%n", e.ion(), e.error()));
            }
        }
        return sb.toString();
    }
}
