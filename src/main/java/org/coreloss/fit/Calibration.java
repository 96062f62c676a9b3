package org.coreloss.fit;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.coreloss.data.io.ColumnSpectrum;
import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.SpectrumWindow;
import org.coreloss.progress.ProgressListener;
import org.coreloss.simulate.Parameter;
import org.coreloss.simulate.ParameterSpace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Calibration of the fit's credible intervals on simulated spectra: {@code cases} random parameter sets
 * from seed 003's Table 1 ranges (uniform; T too), shift uniform in [-0.5, 0.5] eV, scale such that the
 * spectrum's maximum is 1, engine spectra on the ion's seed-003 window (501 points, 0.06 eV, absolute
 * energies), Gaussian noise of sigma = 1 / SNR (SNR = peak / noise sigma), fitted with
 * {@link FitSetup#simulated} (Dq, Ds, Dt, S1, S2, the three widths, shift and scale free; T fixed at
 * its true value; no background) and default {@link FitOptions} (residual noise). Case i uses seed
 * {@code seed * 100003 + i} for both the truth and the fit. Each finished case is appended to a JSON-lines
 * file beside the summary, so an interrupted run resumes where it stopped.
 */
public final class Calibration {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private Calibration() {}

    /** The truth of case {@code seed}: the full parameter vector (scale still 1). */
    public static double[] drawTruth(String ionName, long seed) {
        Ion ion = Ions.get(ionName);
        ParameterSpace s = FitSetup.table1(ion);
        SplittableRandom r = new SplittableRandom(seed);
        double[] th = FitSetup.simulated(ionName, 300).startVector();
        String[] names = {"dq_eV", "ds_eV", "dt_eV", "s1", "s2", "temperature_K", "gaussian_fwhm_eV", "gamma1_fwhm_eV", "gamma2_fwhm_eV"};
        for (String n : names) {
            Parameter p = s.parameter(n);
            th[SpectrumModel.NAMES.indexOf(n)] = p.min() + r.nextDouble() * (p.max() - p.min());
        }
        th[SpectrumModel.SHIFT] = -0.5 + r.nextDouble();
        th[SpectrumModel.SCALE] = 1;
        return th;
    }

    /** Absolute energies of the ion's seed-003 window (relative window + E_L3 + zeta2p/2). */
    public static double[] seed003Energies(Ion ion) {
        SpectrumWindow w = SpectrumWindow.seed003(ion);
        double off = ion.l3EdgeEv() + 0.5 * ion.zeta2pEv();
        double[] e = new double[w.channels()];
        for (int i = 0; i < e.length; i++) e[i] = w.energyEv(i) + off;
        return e;
    }

    /** An engine spectrum at {@code truth} (its scale is set so the maximum is 1, in place) with noise sigma 1/snr (snr &lt;= 0: none). */
    public static ColumnSpectrum simulate(String ionName, double[] truth, double snr, long seed) {
        Ion ion = Ions.get(ionName);
        double[] e = seed003Energies(ion);
        SpectrumModel m = new SpectrumModel(new EngineForwardModel(ion), e);
        truth[SpectrumModel.SCALE] = 1;
        double[] y = m.evaluate(truth);
        double peak = Arrays.stream(y).max().orElse(1);
        truth[SpectrumModel.SCALE] = 1 / peak;
        for (int i = 0; i < y.length; i++) y[i] /= peak;
        if (snr > 0) {
            double[] z = Fitter.gaussian(new SplittableRandom(seed ^ 0xABCDEF12345L), y.length, 1.0 / snr);
            for (int i = 0; i < y.length; i++) y[i] += z[i];
        }
        return ColumnSpectrum.of(ionName + "-simulated-" + seed, e, y);
    }

    /** The results file of a run: {@code dir/calibration-<ion>-snr<N>.json}. */
    public static Path resultFile(Path dir, String ion, double snr) {
        return dir.resolve("calibration-" + ion + "-snr" + formatSnr(snr) + ".json");
    }

    static String formatSnr(double snr) {
        return snr == Math.rint(snr) ? String.valueOf((long) snr) : String.valueOf(snr);
    }

    /** Runs (or resumes) a calibration on one thread and writes the summary JSON; returns the summary. */
    public static Map<String, Object> run(String ionName, int cases, double snr, long seed, Path dir, FitOptions base,
                                          ProgressListener progress) throws IOException {
        return run(ionName, cases, snr, seed, dir, base, progress, 1);
    }

    /**
     * Runs (or resumes) a calibration with {@code threads} cases fitted at once (each fit on one thread;
     * every case has its own seed, so the numbers do not depend on {@code threads}, only the order of the
     * lines in the cases file and the wall-clock seconds do) and writes the summary JSON; returns the summary.
     */
    public static Map<String, Object> run(String ionName, int cases, double snr, long seed, Path dir, FitOptions base,
                                          ProgressListener progress0, int threads) throws IOException {
        if (cases < 1) throw new FitException("cases = " + cases + ", expected >= 1");
        if (!(snr > 0)) throw new FitException("snr = " + snr + ", expected > 0");
        if (threads < 1) throw new FitException("threads = " + threads + ", expected >= 1");
        Ions.get(ionName);
        Files.createDirectories(dir);
        Path summary = resultFile(dir, ionName, snr);
        Path lines = casesFile(dir, ionName, snr);
        Map<Integer, JsonObject> done = new java.util.concurrent.ConcurrentHashMap<>();
        if (Files.exists(lines)) {
            for (String l : Files.readAllLines(lines, StandardCharsets.UTF_8)) {
                if (l.isBlank()) continue;
                JsonObject o = JsonParser.parseString(l).getAsJsonObject();
                if (o.get("seed").getAsLong() != seed) continue;
                done.put(o.get("case").getAsInt(), o);
            }
        }
        ProgressListener progress = progress0 == null ? ProgressListener.NONE : progress0;
        progress.start("calibration " + ionName + " SNR " + formatSnr(snr), cases);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < cases; i++) if (!done.containsKey(i)) todo.add(i);
        Object lock = new Object();
        java.util.concurrent.ExecutorService pool = threads == 1 ? null : java.util.concurrent.Executors.newFixedThreadPool(threads, rr -> {
            Thread t = new Thread(rr, "calibration");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int i : todo) {
                Runnable task = () -> {
                    if (Thread.currentThread().isInterrupted()) throw new java.util.concurrent.CancellationException("calibration interrupted");
                    Map<String, Object> c = runCase(ionName, snr, seed, i, base);
                    String json = new Gson().newBuilder().serializeSpecialFloatingPointValues().create().toJson(c);
                    synchronized (lock) {
                        try {
                            Files.writeString(lines, json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        done.put(i, JsonParser.parseString(json).getAsJsonObject());
                        progress.advance(done.size(), String.format(java.util.Locale.ROOT, "case %d: 10Dq error %.4f eV, %.1f s", i,
                                (Double) c.get("tendq_abs_error_ev"), (Double) c.get("seconds")));
                    }
                };
                if (pool == null) task.run();
                else futures.add(pool.submit(task));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("calibration interrupted");
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof java.io.UncheckedIOException u) throw u.getCause();
                    if (c instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        progress.finish();
        Map<String, Object> s = summarise(ionName, snr, seed, cases, new java.util.TreeMap<>(done));
        s.put("threads", threads);
        Path tmp = summary.resolveSibling(summary.getFileName() + ".tmp");
        Files.writeString(tmp, GSON.toJson(s) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, summary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return s;
    }

    /** The per-case JSON-lines file of a run: {@code dir/calibration-<ion>-snr<N>.cases.jsonl}. */
    public static Path casesFile(Path dir, String ion, double snr) {
        return dir.resolve("calibration-" + ion + "-snr" + formatSnr(snr) + ".cases.jsonl");
    }

    /** Fits case {@code i} of a run (truth, noisy spectrum and fit all seeded by {@code seed * 100003 + i}); the case's JSON record. */
    static Map<String, Object> runCase(String ionName, double snr, long seed, int i, FitOptions base) {
        long cs = seed * 100003L + i;
        double[] truth = drawTruth(ionName, cs);
        ColumnSpectrum data = simulate(ionName, truth, snr, cs);
        FitSetup setup = FitSetup.simulated(ionName, truth[SpectrumModel.T]);
        FitResult r = Fitter.fit(data, setup, new EngineForwardModel(setup.ion()), (base == null ? FitOptions.defaults(cs) : base.withSeed(cs)), ProgressListener.NONE);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("case", i);
        c.put("seed", seed);
        c.put("case_seed", cs);
        Map<String, Object> params = new LinkedHashMap<>();
        for (FitResult.Summary s : r.summaries()) {
            double t = truth[SpectrumModel.NAMES.indexOf(s.name())];
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("truth", t); p.put("best", s.best()); p.put("median", s.median());
            p.put("q05", s.q05()); p.put("q95", s.q95()); p.put("q16", s.q16()); p.put("q84", s.q84());
            p.put("covered90", s.covers90(t)); p.put("covered68", s.covers68(t));
            params.put(s.name(), p);
        }
        c.put("parameters", params);
        c.put("tendq_abs_error_ev", 10 * Math.abs(r.summary("dq_eV").median() - truth[SpectrumModel.DQ]));
        c.put("rss", r.rss());
        // the RSS at the true parameters on the same noisy data: rss well above it means the search missed the optimum
        double[] mTrue = new SpectrumModel(new EngineForwardModel(setup.ion()), data.energiesEv()).evaluate(truth);
        c.put("rss_truth", Fitter.rss(mTrue, data.intensities()));
        c.put("seconds", r.totalSeconds());
        c.put("cpu_seconds", r.cpuSeconds());
        c.put("sampler", r.samplerMode());
        c.put("acceptance", r.acceptanceFraction());
        c.put("emulator_rms_over_sigma", Double.isNaN(r.emulatorRmsOverSigma()) ? null : r.emulatorRmsOverSigma());
        c.put("reduced_chi2_difference", r.reducedChi2Difference());
        c.put("warnings", r.warnings());
        return c;
    }

    static Map<String, Object> summarise(String ion, double snr, long seed, int cases, Map<Integer, JsonObject> done) {
        Map<String, int[]> cover90 = new LinkedHashMap<>(), cover68 = new LinkedHashMap<>();
        List<Double> err = new ArrayList<>(), secs = new ArrayList<>(), cpus = new ArrayList<>();
        int used = 0;
        for (int i = 0; i < cases; i++) {
            JsonObject o = done.get(i);
            if (o == null) continue;
            used++;
            for (Map.Entry<String, com.google.gson.JsonElement> e : o.getAsJsonObject("parameters").entrySet()) {
                JsonObject p = e.getValue().getAsJsonObject();
                int[] c9 = cover90.computeIfAbsent(e.getKey(), x -> new int[2]), c6 = cover68.computeIfAbsent(e.getKey(), x -> new int[2]);
                c9[0] += p.get("covered90").getAsBoolean() ? 1 : 0; c9[1]++;
                c6[0] += p.get("covered68").getAsBoolean() ? 1 : 0; c6[1]++;
            }
            err.add(o.get("tendq_abs_error_ev").getAsDouble());
            secs.add(o.get("seconds").getAsDouble());
            if (o.has("cpu_seconds")) cpus.add(o.get("cpu_seconds").getAsDouble());
        }
        int hit = 0, tot = 0, hit68 = 0, tot68 = 0;
        double minCov = Double.POSITIVE_INFINITY;
        String minName = null;
        Map<String, Double> per90 = new LinkedHashMap<>(), per68 = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : cover90.entrySet()) {
            hit += e.getValue()[0]; tot += e.getValue()[1];
            double c = e.getValue()[0] / (double) e.getValue()[1];
            per90.put(e.getKey(), c);
            if (c < minCov) { minCov = c; minName = e.getKey(); }
        }
        for (Map.Entry<String, int[]> e : cover68.entrySet()) {
            hit68 += e.getValue()[0]; tot68 += e.getValue()[1];
            per68.put(e.getKey(), e.getValue()[0] / (double) e.getValue()[1]);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("ion", ion);
        s.put("snr", snr);
        s.put("seed", seed);
        s.put("cases", used);
        s.put("cases_requested", cases);
        s.put("coverage90", tot == 0 ? null : hit / (double) tot);
        s.put("coverage90_min_parameter", minName == null ? null : minCov);
        s.put("coverage90_min_parameter_name", minName);
        s.put("coverage68", tot68 == 0 ? null : hit68 / (double) tot68);
        s.put("coverage90_per_parameter", per90);
        s.put("coverage68_per_parameter", per68);
        s.put("tendq_median_abs_error_ev", median(err));
        s.put("seconds_median", median(secs));
        s.put("cpu_seconds_median", median(cpus));
        s.put("seconds_note", "seconds: wall clock of one fit on the shared machine (load varies); cpu_seconds: CPU time of the single fitting thread");
        s.put("seconds_max", secs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        s.put("setting", "Table 1 uniform truth (T fixed at truth), shift U[-0.5,0.5] eV, peak 1, noise sigma 1/SNR, "
                + "free: Dq Ds Dt S1 S2 Gaussian gamma1 gamma2 shift scale; FitOptions.defaults");
        s.put("command", "coreloss fit calibrate --ion " + ion + " --cases " + cases + " --snr " + formatSnr(snr) + " --seed " + seed);
        return s;
    }

    static Double median(List<Double> v) {
        if (v.isEmpty()) return null;
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
    }
}
