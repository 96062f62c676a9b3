package org.coreloss.fit;

import org.coreloss.data.io.ColumnSpectrum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of {@link Fitter#fit}: best parameters (least squares), posterior summaries of the free
 * parameters (median, 68 % and 95 % central intervals, plus the 90 % one used for calibration),
 * correlations, the model's parts at the data energies, goodness of fit (reduced chi2 against the
 * model-independent noise estimate, seed 003's SE), BIC, timings, and flags. Renders inline in
 * notebooks ({@code display.FitRenderers}).
 */
public final class FitResult {
    /** Posterior summary of one free parameter (values in the parameter's units). */
    public record Summary(String name, double best, double median, double q025, double q05, double q16, double q84,
                          double q95, double q975, double mean, double sd) {
        /** Whether the central 90 % interval [q05, q95] contains v. */
        public boolean covers90(double v) { return v >= q05 && v <= q95; }
        public boolean covers68(double v) { return v >= q16 && v <= q84; }
        public boolean covers95(double v) { return v >= q025 && v <= q975; }
    }

    final String ion;
    final String forwardKind;
    final ColumnSpectrum data;
    final FitSetup setup;
    final List<String> freeNames;
    final double[] best;
    final SpectrumModel.Components components;
    final double rss;
    final double sigma;
    final FitOptions.Noise noiseMode;
    final double sigmaDifference;
    final double seExp;
    final double seTotal;
    final List<Summary> summaries;
    final double[][] correlation;
    final double[][] samples;
    final String samplerMode;
    final double acceptance;
    final double emulatorRmsOverSigma;
    final Map<String, Double> seconds;
    final long simulatorCalls;
    final List<String> warnings;
    final Map<String, Object> surrogateCheck;
    final long seed;

    FitResult(String ion, String forwardKind, ColumnSpectrum data, FitSetup setup, List<String> freeNames, double[] best,
              SpectrumModel.Components components, double rss, double sigma, FitOptions.Noise noiseMode, double sigmaDifference,
              double seExp, double seTotal, List<Summary> summaries, double[][] correlation, double[][] samples, String samplerMode,
              double acceptance, double emulatorRmsOverSigma, Map<String, Double> seconds, long simulatorCalls,
              List<String> warnings, Map<String, Object> surrogateCheck, long seed) {
        this.ion = ion; this.forwardKind = forwardKind; this.data = data; this.setup = setup; this.freeNames = List.copyOf(freeNames);
        this.best = best; this.components = components; this.rss = rss; this.sigma = sigma; this.noiseMode = noiseMode;
        this.sigmaDifference = sigmaDifference; this.seExp = seExp; this.seTotal = seTotal; this.summaries = List.copyOf(summaries);
        this.correlation = correlation; this.samples = samples; this.samplerMode = samplerMode; this.acceptance = acceptance;
        this.emulatorRmsOverSigma = emulatorRmsOverSigma; this.seconds = seconds; this.simulatorCalls = simulatorCalls;
        this.warnings = List.copyOf(warnings); this.surrogateCheck = surrogateCheck; this.seed = seed;
    }

    /** Share of the seed-003 SE above which a fit is flagged poor (the seed calls 9 % good, 25 % a mismatch). */
    public static final double POOR_SE = 0.15;

    public String ion() { return ion; }
    public String forwardKind() { return forwardKind; }
    public ColumnSpectrum data() { return data; }
    public FitSetup setup() { return setup; }
    public List<String> freeNames() { return freeNames; }
    /** Best (least-squares) full parameter vector in {@link SpectrumModel#NAMES} order. */
    public double[] bestVector() { return best.clone(); }
    public double best(String name) { return best[SpectrumModel.NAMES.indexOf(checkName(name))]; }
    public double[] energiesEv() { return data.energiesEv(); }
    public double[] model() { return components.total().clone(); }
    public double[] multiplet() { return components.multiplet().clone(); }
    public double[] background() { return components.background().clone(); }
    public double[] residual() {
        double[] y = data.intensities(), m = components.total(), r = new double[y.length];
        for (int i = 0; i < r.length; i++) r[i] = y[i] - m[i];
        return r;
    }
    public int points() { return data.size(); }
    public int freeParameters() { return freeNames.size(); }
    public double rss() { return rss; }
    /** The noise sigma used in the likelihood (data units). */
    public double sigma() { return sigma; }
    public FitOptions.Noise noiseMode() { return noiseMode; }
    /** Model-independent noise estimate from second differences of the data. */
    public double sigmaDifference() { return sigmaDifference; }
    /** RSS / (N - k) / sigma^2 with the sigma of the likelihood (1 by construction for RESIDUAL noise). */
    public double reducedChi2() { return rss / Math.max(1, points() - freeParameters()) / (sigma * sigma); }
    /** RSS / (N - k) / sigmaDifference^2: misfit against the model-independent noise estimate. */
    public double reducedChi2Difference() { return rss / Math.max(1, points() - freeParameters()) / (sigmaDifference * sigmaDifference); }
    /** Seed 003's SE between the box-normalised background-subtracted data and the box-normalised fitted multiplet. */
    public double seExp() { return seExp; }
    /** SE between the box-normalised data and the box-normalised total model. */
    public double seTotal() { return seTotal; }
    /** BIC = N ln(RSS / N) + k ln N (Gaussian noise of unknown sigma profiled out). */
    public double bic() { return points() * Math.log(rss / points()) + freeParameters() * Math.log(points()); }
    public List<Summary> summaries() { return summaries; }
    public Summary summary(String name) {
        for (Summary s : summaries) if (s.name().equals(name)) return s;
        throw new FitException("'" + name + "' is not a free parameter of this fit; free: " + freeNames);
    }
    /** Posterior correlation matrix of the free parameters (freeNames order). */
    public double[][] correlation() { return correlation; }
    /** Pooled posterior samples [sample][free parameter] (a reference; do not modify). */
    public double[][] samples() { return samples; }
    public String samplerMode() { return samplerMode; }
    public double acceptanceFraction() { return acceptance; }
    /** RMS error of the emulator on held-out engine points divided by sigma (NaN when no emulator). */
    public double emulatorRmsOverSigma() { return emulatorRmsOverSigma; }
    /** Seconds per stage (global, local, sampler, total). */
    public Map<String, Double> seconds() { return seconds; }
    public double totalSeconds() { return seconds.getOrDefault("total", Double.NaN); }
    /** CPU seconds of the fitting thread (the fit is single-threaded: its time on an idle core). */
    public double cpuSeconds() { return seconds.getOrDefault("cpu_total", Double.NaN); }
    public long simulatorCalls() { return simulatorCalls; }
    public List<String> warnings() { return warnings; }
    /** Engine misfit at a surrogate's answer (null for engine fits). */
    public Map<String, Object> surrogateCheck() { return surrogateCheck; }
    public long seed() { return seed; }

    /** Flagged poor: SE_exp above {@link #POOR_SE}, or (for an engine answer) a surrogate's answer that the engine does not reproduce. */
    public boolean poorFit() {
        if (seExp > POOR_SE || !Double.isFinite(seExp)) return true;
        if (surrogateCheck != null && surrogateCheck.get("engine_se_exp") instanceof Double d && d > POOR_SE) return true;
        return false;
    }

    private String checkName(String name) {
        if (!SpectrumModel.NAMES.contains(name)) throw new FitException("no fit parameter '" + name + "', expected one of " + SpectrumModel.NAMES);
        return name;
    }

    /** Everything except samples and the curves, as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ion", ion);
        m.put("forward_model", forwardKind);
        m.put("data", data.name());
        m.put("file", data.file() == null ? null : data.file().toString());
        m.put("points", points());
        m.put("energy_range_ev", List.of(data.minEnergyEv(), data.maxEnergyEv()));
        m.put("seed", seed);
        m.put("free_parameters", freeNames);
        Map<String, Object> bestMap = new LinkedHashMap<>();
        for (int i = 0; i < best.length; i++) bestMap.put(SpectrumModel.NAMES.get(i), best[i]);
        m.put("best", bestMap);
        List<Map<String, Object>> ps = new ArrayList<>();
        for (Summary s : summaries) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", s.name()); p.put("best", s.best()); p.put("median", s.median());
            p.put("ci68", List.of(s.q16(), s.q84())); p.put("ci90", List.of(s.q05(), s.q95())); p.put("ci95", List.of(s.q025(), s.q975()));
            p.put("mean", s.mean()); p.put("sd", s.sd());
            ps.add(p);
        }
        m.put("posterior", ps);
        List<List<Double>> corr = new ArrayList<>();
        for (double[] r : correlation) { List<Double> l = new ArrayList<>(); for (double v : r) l.add(v); corr.add(l); }
        m.put("correlation", corr);
        m.put("rss", rss);
        m.put("noise_mode", noiseMode.name());
        m.put("sigma", sigma);
        m.put("sigma_difference", sigmaDifference);
        m.put("reduced_chi2", reducedChi2());
        m.put("reduced_chi2_difference", reducedChi2Difference());
        m.put("se_exp", seExp);
        m.put("se_total", seTotal);
        m.put("bic", bic());
        m.put("poor_fit", poorFit());
        m.put("sampler", samplerMode);
        m.put("acceptance_fraction", acceptance);
        m.put("posterior_samples", samples == null ? 0 : samples.length);
        m.put("emulator_rms_over_sigma", Double.isNaN(emulatorRmsOverSigma) ? null : emulatorRmsOverSigma);
        m.put("simulator_calls", simulatorCalls);
        m.put("seconds", seconds);
        m.put("warnings", warnings);
        if (surrogateCheck != null) m.put("surrogate_check", surrogateCheck);
        return m;
    }

    /** Curves as CSV: energy_eV,data,model,multiplet,background,residual. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("energy_eV,data,model,multiplet,background,residual\n");
        double[] e = data.energiesEv(), y = data.intensities(), r = residual();
        for (int i = 0; i < e.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.6f,%.8g,%.8g,%.8g,%.8g,%.8g%n", e[i], y[i], components.total()[i],
                    components.multiplet()[i], components.background()[i], r[i]));
        }
        return sb.toString();
    }

    /** Plain-text parameter table. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-22s %11s %11s %23s %23s%n", "parameter", "best", "median", "68% interval", "95% interval"));
        for (Summary s : summaries) {
            sb.append(String.format(Locale.ROOT, "%-22s %11.4g %11.4g [%10.4g, %10.4g] [%10.4g, %10.4g]%n", s.name(), s.best(), s.median(),
                    s.q16(), s.q84(), s.q025(), s.q975()));
        }
        return sb.toString();
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "FitResult[%s on %s (%d points), %s, SE_exp %.3f, reduced chi2 (difference noise) %.3g, BIC %.1f, %.2f s%s]%n%s",
                ion, data.name(), points(), forwardKind, seExp, reducedChi2Difference(), bic(), totalSeconds(),
                poorFit() ? ", POOR FIT" : "", table());
    }
}
