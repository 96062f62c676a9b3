package org.coreloss.fit;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.coreloss.data.io.ColumnSpectrum;
import org.hipparchus.distribution.continuous.NormalDistribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The information limit of a calibration run: for each case of {@link Calibration} (same truth, same
 * energies, same noise sigma = 1 / SNR, same free parameters) the Cramér–Rao bound on 10Dq, the standard
 * deviation sqrt([F^-1]_Dq,Dq) x 10 with the Fisher information F = J^T J / sigma^2 of the noise-free model at the
 * truth (J by central differences). No unbiased estimator of 10Dq has a smaller standard deviation, so the
 * median |error| that an efficient estimator reaches over the cases is the m that solves
 * mean_i [2 Phi(m / s_i) - 1] = 1/2 (a mixture of zero-mean normals, one per case). When that number is above a
 * target, the target asks for more than the spectra hold (an estimator that uses the prior box can only beat it
 * where the truth is near a bound).
 *
 * <p>When the calibration's cases file exists, each case's posterior 90 % width of 10Dq is compared with the
 * bound's (2 x 1.645 x s_i): a ratio near 1 says the fit extracts what the spectrum holds.
 */
public final class CramerRao {
    private CramerRao() {}

    /** Relative central-difference step (of each parameter's range) for the Fisher Jacobian. */
    static final double STEP_OF_RANGE = 1e-4;

    /** The bound of one case: per free parameter, its Cramér–Rao standard deviation (parameter units). */
    public static Map<String, Double> caseBound(String ionName, double snr, long caseSeed) {
        double[] truth = Calibration.drawTruth(ionName, caseSeed);
        ColumnSpectrum data = Calibration.simulate(ionName, truth, 0, caseSeed); // sets truth's scale; noise-free
        FitSetup setup = FitSetup.simulated(ionName, truth[SpectrumModel.T]);
        SpectrumModel model = new SpectrumModel(new EngineForwardModel(setup.ion()), data.energiesEv());
        List<FitParameter> params = setup.parameters();
        int[] free = setup.freeIndices();
        int k = free.length;
        double[] centre = new double[k], scales = new double[k];
        for (int i = 0; i < k; i++) {
            FitParameter p = params.get(free[i]);
            centre[i] = truth[free[i]];
            double range = p.max() - p.min();
            scales[i] = (Double.isFinite(range) && range > 0 ? range : Math.max(1e-3, Math.abs(centre[i]))) * STEP_OF_RANGE / Fitter.CENTRAL_STEP;
        }
        double[][] jac = Fitter.centralJacobian(model, params, free, truth, centre, scales, new double[k]);
        double[][] cov = Fitter.covariance(jac, scales, 1.0 / snr);
        Map<String, Double> sd = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) sd.put(params.get(free[i]).name(), Math.sqrt(cov[i][i]));
        return sd;
    }

    /** The m with mean_i [2 Phi(m / s_i) - 1] = 1/2: the median |error| of an estimator whose error in case i is N(0, s_i^2). */
    public static double mixtureMedianAbs(double[] sds) {
        if (sds.length == 0) throw new FitException("no standard deviations given");
        NormalDistribution n = new NormalDistribution(0, 1);
        double lo = 0, hi = 0;
        for (double s : sds) {
            if (!(s > 0) || !Double.isFinite(s)) throw new FitException("standard deviation " + s + ", expected finite and > 0");
            hi = Math.max(hi, 10 * s);
        }
        for (int it = 0; it < 200; it++) {
            double m = 0.5 * (lo + hi), f = 0;
            for (double s : sds) f += 2 * n.cumulativeProbability(m / s) - 1;
            if (f / sds.length < 0.5) lo = m; else hi = m;
        }
        return 0.5 * (lo + hi);
    }

    /** The results file: {@code dir/cramer-rao-<ion>-snr<N>.json}. */
    public static Path resultFile(Path dir, String ion, double snr) {
        return dir.resolve("cramer-rao-" + ion + "-snr" + Calibration.formatSnr(snr) + ".json");
    }

    /** Computes the bound for cases 0..cases-1 of the calibration (ion, snr, seed), compares with its cases file when present, writes the JSON. */
    public static Map<String, Object> run(String ionName, int cases, double snr, long seed, Path dir) throws IOException {
        if (cases < 1) throw new FitException("cases = " + cases + ", expected >= 1");
        if (!(snr > 0)) throw new FitException("snr = " + snr + ", expected > 0");
        Map<Integer, JsonObject> fitted = new LinkedHashMap<>();
        Path lines = Calibration.casesFile(dir, ionName, snr);
        if (Files.exists(lines)) {
            for (String l : Files.readAllLines(lines, StandardCharsets.UTF_8)) {
                if (l.isBlank()) continue;
                JsonObject o = JsonParser.parseString(l).getAsJsonObject();
                if (o.get("seed").getAsLong() == seed) fitted.put(o.get("case").getAsInt(), o);
            }
        }
        double[] sd10 = new double[cases];
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Double> widthRatio = new ArrayList<>(), errs = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            long cs = seed * 100003L + i;
            Map<String, Double> b = caseBound(ionName, snr, cs);
            sd10[i] = 10 * b.get("dq_eV");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("case", i);
            r.put("tendq_truth_ev", 10 * Calibration.drawTruth(ionName, cs)[SpectrumModel.DQ]);
            r.put("tendq_bound_sd_ev", sd10[i]);
            r.put("bound_sd", b);
            JsonObject f = fitted.get(i);
            if (f != null) {
                JsonObject p = f.getAsJsonObject("parameters").getAsJsonObject("dq_eV");
                double w = 10 * (p.get("q95").getAsDouble() - p.get("q05").getAsDouble());
                double ratio = w / (2 * 1.6448536269514722 * sd10[i]);
                r.put("tendq_posterior_width90_ev", w);
                r.put("width90_over_bound", ratio);
                r.put("tendq_abs_error_ev", f.get("tendq_abs_error_ev").getAsDouble());
                widthRatio.add(ratio);
                errs.add(f.get("tendq_abs_error_ev").getAsDouble());
            }
            rows.add(r);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("ion", ionName);
        s.put("snr", snr);
        s.put("seed", seed);
        s.put("cases", cases);
        s.put("tendq_bound_median_abs_error_ev", mixtureMedianAbs(sd10));
        s.put("tendq_bound_sd_median_ev", Calibration.median(java.util.Arrays.stream(sd10).boxed().toList()));
        s.put("calibration_cases_compared", widthRatio.size());
        s.put("tendq_median_abs_error_ev_fit", Calibration.median(errs));
        s.put("width90_over_bound_median", Calibration.median(widthRatio));
        s.put("method", "Fisher information J^T J / sigma^2 of the noise-free engine model at each calibration case's truth "
                + "(central differences, step 1e-4 of each range), free parameters as in the calibration; "
                + "bound median |error| solves mean_i [2 Phi(m/s_i) - 1] = 1/2");
        s.put("command", String.format(Locale.ROOT, "coreloss fit cramer-rao --ion %s --cases %d --snr %s --seed %d",
                ionName, cases, Calibration.formatSnr(snr), seed));
        s.put("per_case", rows);
        Files.createDirectories(dir);
        Path out = resultFile(dir, ionName, snr);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(s) + "\n",
                StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return s;
    }
}
