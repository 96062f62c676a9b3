package org.coreloss.cli;

import com.google.gson.GsonBuilder;
import org.coreloss.data.bundled.LEdgeMeasured;
import org.coreloss.data.io.ColumnSpectrum;
import org.coreloss.data.io.ColumnSpectrumReader;
import org.coreloss.data.io.DataFormatException;
import org.coreloss.fit.Calibration;
import org.coreloss.fit.CramerRao;
import org.coreloss.fit.FitException;
import org.coreloss.fit.FitOptions;
import org.coreloss.fit.FitResult;
import org.coreloss.fit.FitSetup;
import org.coreloss.fit.Fitter;
import org.coreloss.fit.IonRanking;
import org.coreloss.fit.EngineForwardModel;
import org.coreloss.progress.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

/**
 * {@code coreloss fit}: fits the multiplet model to a measured spectrum (a column file or a bundled
 * {@code l-edge-measured} id) for one or several candidate ions; writes PREFIX.json (parameters,
 * intervals, correlations, ranking) and PREFIX.csv (data, model, multiplet, background, residual of the
 * best ion). {@code coreloss fit calibrate} runs the interval calibration on simulated spectra.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, subcommands = {FitCommand.Calibrate.class, FitCommand.CramerRaoBound.class, FitCommand.Measured.class},
        description = "Fit 2p XAS multiplet parameters (with credible intervals) to a measured L-edge spectrum; rank candidate ions.")
public final class FitCommand implements CliCommand, Callable<Integer> {
    @Option(names = "--ion", split = ",", description = "Candidate ion(s), e.g. Mn2+,Mn3+,Mn4+.")
    List<String> ions = new ArrayList<>();

    @Option(names = "--file", description = "Column file (two-column, CSV, with or without header, # comments).")
    Path file;

    @Option(names = "--dataset", description = "Id of a bundled measured spectrum (l-edge-measured manifest), e.g. mno-data2.")
    String dataset;

    @Option(names = "--column", description = "Intensity column: header name (TEY, TFY, PFY, ...) or 0-based index. Default: 1.")
    String column;

    @Option(names = "--crop", description = "Energy range MIN:MAX in eV to keep.")
    String crop;

    @Option(names = "--preset", defaultValue = "measured", description = "measured (edge steps + baseline) or simulated (no background). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--set", description = "Parameter setting, repeatable: name=value (fix), name=min:max (free), name~mean:sd (prior), name@value (start).")
    List<String> settings = new ArrayList<>();

    @Option(names = "--noise", defaultValue = "residual", description = "residual, difference, or a sigma in data units. Default: ${DEFAULT-VALUE}.")
    String noise;

    @Option(names = "--sampler", defaultValue = "auto", description = "auto, engine, emulator or none. Default: ${DEFAULT-VALUE}.")
    String sampler;

    @Option(names = "--steps", defaultValue = "300", description = "Kept sampler steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--burn", defaultValue = "200", description = "Burn-in sampler steps. Default: ${DEFAULT-VALUE}.")
    int burn;

    @Option(names = "--no-global-retry",
            description = "Do not repeat the global search when the best fit's reduced chi2 against the difference noise exceeds 1.2 (faster for spectra with model error).")
    boolean noGlobalRetry;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", description = "Output prefix: writes PREFIX.json and PREFIX.csv.")
    Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    static FitOptions options(long seed, String noise, String sampler, int burn, int steps) {
        FitOptions o = FitOptions.defaults(seed).withSteps(burn, steps);
        switch (noise.toLowerCase(Locale.ROOT)) {
            case "residual" -> o = o.withNoise(FitOptions.Noise.RESIDUAL, Double.NaN);
            case "difference" -> o = o.withNoise(FitOptions.Noise.DIFFERENCE, Double.NaN);
            default -> {
                try {
                    o = o.withNoise(FitOptions.Noise.GIVEN, Double.parseDouble(noise));
                } catch (NumberFormatException e) {
                    throw new FitException("--noise " + noise + ": expected residual, difference or a sigma > 0");
                }
            }
        }
        try {
            return o.withSampler(FitOptions.Sampling.valueOf(sampler.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new FitException("--sampler " + sampler + ": expected auto, engine, emulator or none");
        }
    }

    @Override
    public Integer call() throws Exception {
        try {
            if (ions == null || ions.isEmpty()) throw new FitException("--ion is required (one or more candidate ions, e.g. --ion Mn2+,Mn3+)");
            if (out == null) throw new FitException("--out PREFIX is required (writes PREFIX.json and PREFIX.csv)");
            if ((file == null) == (dataset == null)) throw new FitException("give exactly one of --file or --dataset");
            ColumnSpectrum s = file != null ? ColumnSpectrumReader.read(file, column) : LEdgeMeasured.read(dataset);
            if (crop != null) {
                String[] b = crop.split(":");
                if (b.length != 2) throw new FitException("--crop " + crop + ": expected MIN:MAX in eV");
                s = s.crop(Double.parseDouble(b[0]), Double.parseDouble(b[1]));
            }
            for (String w : s.warnings()) System.err.println("coreloss fit: warning: " + s.file() + ": " + w);
            FitSetup setup = switch (preset) {
                case "measured" -> FitSetup.measured(ions.get(0));
                case "simulated" -> FitSetup.simulated(ions.get(0), 300);
                default -> throw new FitException("--preset " + preset + ": expected measured or simulated");
            };
            setup = setup.apply(settings);
            FitOptions o = options(seed, noise, sampler, burn, steps).withGlobalRetry(!noGlobalRetry);
            ProgressListener bar = quiet ? ProgressListener.NONE : new TextProgressBar(System.err);
            Map<String, Object> json;
            FitResult best;
            if (ions.size() == 1) {
                best = Fitter.fit(s, setup, new EngineForwardModel(setup.ion()), o, bar);
                json = best.toMap();
                System.out.print(best);
            } else {
                IonRanking r = IonRanking.rank(s, ions, setup, o, bar);
                json = r.toMap();
                best = r.best().fit();
                System.out.print(r);
                if (best == null) {
                    writeJson(json);
                    System.err.println("coreloss fit: no candidate ion could be fitted");
                    return 1;
                }
            }
            writeJson(json);
            Path csv = Path.of(out + ".csv");
            if (csv.getParent() != null) Files.createDirectories(csv.getParent());
            Files.writeString(csv, best.toCsv(), StandardCharsets.UTF_8);
            System.out.println("wrote " + out + ".json and " + csv);
            return 0;
        } catch (DataFormatException | IllegalArgumentException e) {
            System.err.println("coreloss fit: " + e.getMessage());
            return 2;
        } catch (CancellationException e) {
            System.err.println("coreloss fit: cancelled");
            return 130;
        }
    }

    private void writeJson(Map<String, Object> json) throws java.io.IOException {
        Path p = Path.of(out + ".json");
        if (p.getParent() != null) Files.createDirectories(p.getParent());
        Files.writeString(p, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(json) + "\n",
                StandardCharsets.UTF_8);
    }

    /** {@code coreloss fit calibrate}: coverage of the credible intervals on simulated spectra (resumable). */
    @Command(name = "calibrate", mixinStandardHelpOptions = true,
            description = "Calibrate credible intervals on simulated engine spectra with noise; writes results/fit/calibration-<ion>-snr<N>.json (resumable).")
    static final class Calibrate implements Callable<Integer> {
        @Option(names = "--ion", required = true, description = "Ion, e.g. Ni2+.")
        String ion;
        @Option(names = "--cases", defaultValue = "50", description = "Random parameter sets. Default: ${DEFAULT-VALUE}.")
        int cases;
        @Option(names = "--snr", defaultValue = "100", description = "Peak / noise sigma. Default: ${DEFAULT-VALUE}.")
        double snr;
        @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;
        @Option(names = "--out-dir", defaultValue = "results/fit", description = "Folder. Default: ${DEFAULT-VALUE}.")
        Path dir;
        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;
        @Option(names = "--threads", defaultValue = "1",
                description = "Cases fitted at once, one thread each (the numbers do not depend on it). Default: ${DEFAULT-VALUE}.")
        int threads;

        @Override public Integer call() throws Exception {
            try {
                ProgressListener bar = quiet ? ProgressListener.NONE : new TextProgressBar(System.err);
                Map<String, Object> s = Calibration.run(ion, cases, snr, seed, dir, null, bar, threads);
                System.out.printf(Locale.ROOT, "%s SNR %s: %s cases, coverage90 %s, min %s (%s), 10Dq median abs error %s eV, median %s s (cpu %s s)%n",
                        ion, s.get("snr"), s.get("cases"), s.get("coverage90"), s.get("coverage90_min_parameter"),
                        s.get("coverage90_min_parameter_name"), s.get("tendq_median_abs_error_ev"), s.get("seconds_median"), s.get("cpu_seconds_median"));
                System.out.println("wrote " + Calibration.resultFile(dir, ion, snr));
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("coreloss fit calibrate: " + e.getMessage());
                return 2;
            } catch (CancellationException e) {
                System.err.println("coreloss fit calibrate: cancelled; run the same command again to resume");
                return 130;
            }
        }
    }

    /** {@code coreloss fit cramer-rao}: the information limit on 10Dq of a calibration's cases. */
    @Command(name = "cramer-rao", mixinStandardHelpOptions = true,
            description = "Cramér-Rao bound on 10Dq for the cases of a calibration (same truths, noise and free parameters); "
                    + "compares with the calibration's cases file when present; writes results/fit/cramer-rao-<ion>-snr<N>.json.")
    static final class CramerRaoBound implements Callable<Integer> {
        @Option(names = "--ion", required = true, description = "Ion, e.g. Ni2+.")
        String ion;
        @Option(names = "--cases", defaultValue = "50", description = "Cases (as in the calibration). Default: ${DEFAULT-VALUE}.")
        int cases;
        @Option(names = "--snr", defaultValue = "100", description = "Peak / noise sigma. Default: ${DEFAULT-VALUE}.")
        double snr;
        @Option(names = "--seed", defaultValue = "1", description = "Seed (as in the calibration). Default: ${DEFAULT-VALUE}.")
        long seed;
        @Option(names = "--out-dir", defaultValue = "results/fit", description = "Folder. Default: ${DEFAULT-VALUE}.")
        Path dir;

        @Override public Integer call() throws Exception {
            try {
                Map<String, Object> s = CramerRao.run(ion, cases, snr, seed, dir);
                System.out.printf(Locale.ROOT, "%s SNR %s: %s cases, 10Dq bound median |error| %.4f eV (fit: %s eV over %s cases), "
                                + "posterior 90%% width / bound median %s%n", ion, s.get("snr"), s.get("cases"),
                        (Double) s.get("tendq_bound_median_abs_error_ev"), s.get("tendq_median_abs_error_ev_fit"),
                        s.get("calibration_cases_compared"), s.get("width90_over_bound_median"));
                System.out.println("wrote " + CramerRao.resultFile(dir, ion, snr));
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("coreloss fit cramer-rao: " + e.getMessage());
                return 2;
            }
        }
    }

    /** {@code coreloss fit measured-set}: fits every bundled measured L-edge spectrum against its candidate ions (resumable). */
    @Command(name = "measured-set", mixinStandardHelpOptions = true,
            description = "Fit the bundled measured L-edge spectra (l-edge-measured) against candidate ions; writes results/fit/measured/<id>.json|csv and measured-summary.json.")
    static final class Measured implements Callable<Integer> {
        @Option(names = "--ids", split = ",", description = "Manifest ids (default: all).")
        List<String> ids;
        @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;
        @Option(names = "--out-dir", defaultValue = "results/fit", description = "Folder. Default: ${DEFAULT-VALUE}.")
        Path dir;
        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;
        @Option(names = "--global-evals", defaultValue = "0", description = "CMA-ES evaluations per run (0: automatic). Default: ${DEFAULT-VALUE}.")
        int globalEvals;
        @Option(names = "--global-runs", defaultValue = "0", description = "CMA-ES runs (0: automatic). Default: ${DEFAULT-VALUE}.")
        int globalRuns;

        /** Candidate ions per element: the oxidation states the bundled compounds are discussed with. */
        static List<String> candidates(String element) {
            return switch (element) {
                case "Mn" -> List.of("Mn2+", "Mn3+", "Mn4+");
                case "Ni" -> List.of("Ni2+", "Ni3+");
                case "Cu" -> List.of("Cu2+");
                default -> throw new IllegalArgumentException("no candidate ions for element " + element);
            };
        }

        @Override public Integer call() throws Exception {
            Path sub = dir.resolve("measured");
            Files.createDirectories(sub);
            List<LEdgeMeasured.Entry> entries = new ArrayList<>();
            for (LEdgeMeasured.Entry e : LEdgeMeasured.entries()) if (ids == null || ids.contains(e.id())) entries.add(e);
            ProgressListener bar = quiet ? ProgressListener.NONE : new TextProgressBar(System.err);
            java.util.Map<String, Object> summary = new java.util.LinkedHashMap<>();
            for (LEdgeMeasured.Entry e : entries) {
                Path json = sub.resolve(e.id() + ".json");
                if (!Files.exists(json)) {
                    ColumnSpectrum s = LEdgeMeasured.read(e.id());
                    List<String> ions = candidates(e.element());
                    // one candidate: full posterior; several: Laplace intervals (the ranking needs only the best fits)
                    FitOptions o = FitOptions.defaults(seed).withSampler(ions.size() == 1 ? FitOptions.Sampling.AUTO : FitOptions.Sampling.NONE)
                            .withGlobal(globalEvals, globalRuns);
                    IonRanking r = IonRanking.rank(s, ions, FitSetup.measured(ions.get(0)), o, bar);
                    java.util.Map<String, Object> m = r.toMap();
                    m.put("compound", e.compound());
                    m.put("formal_ion", e.formalIon());
                    m.put("mode", e.mode());
                    m.put("warnings_reading", s.warnings());
                    Path tmp = sub.resolve(e.id() + ".json.tmp");
                    Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(m) + "\n");
                    if (r.best().fit() != null) Files.writeString(sub.resolve(e.id() + ".csv"), r.best().fit().toCsv());
                    Files.move(tmp, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    System.out.print(r);
                }
                com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(Files.readString(json)).getAsJsonObject();
                java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put("compound", e.compound());
                row.put("formal_ion", e.formalIon());
                List<Object> ranking = new ArrayList<>();
                for (com.google.gson.JsonElement x : o.getAsJsonArray("ranking")) {
                    com.google.gson.JsonObject xo = x.getAsJsonObject();
                    java.util.Map<String, Object> rr = new java.util.LinkedHashMap<>();
                    rr.put("ion", xo.get("ion").getAsString());
                    if (xo.has("delta_bic")) {
                        rr.put("delta_bic", xo.get("delta_bic").getAsDouble());
                        rr.put("se_exp", xo.get("se_exp").getAsDouble());
                        rr.put("poor_fit", xo.get("poor_fit").getAsBoolean());
                        rr.put("seconds", xo.getAsJsonObject("fit").getAsJsonObject("seconds").get("total").getAsDouble());
                    } else rr.put("error", xo.get("error").getAsString());
                    ranking.add(rr);
                }
                row.put("ranking", ranking);
                String best = o.getAsJsonArray("ranking").get(0).getAsJsonObject().get("ion").getAsString();
                row.put("best_ion", best);
                row.put("best_se_exp", o.getAsJsonArray("ranking").get(0).getAsJsonObject().get("se_exp").getAsDouble());
                row.put("best_is_formal_ion", best.equals(e.formalIon()));
                summary.put(e.id(), row);
            }
            Path sf = dir.resolve("measured-summary.json");
            java.util.Map<String, Object> all = new java.util.LinkedHashMap<>();
            all.put("command", "coreloss fit measured-set --seed " + seed + (globalEvals > 0 ? " --global-evals " + globalEvals : "")
                    + (globalRuns > 0 ? " --global-runs " + globalRuns : ""));
            all.put("seed", seed);
            all.put("spectra", summary);
            Files.writeString(sf, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(all) + "\n");
            System.out.println("wrote " + sf);
            return 0;
        }
    }
}
