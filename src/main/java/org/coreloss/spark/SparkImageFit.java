package org.coreloss.spark;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.AtomicFiles;
import org.coreloss.data.io.ColumnSpectrum;
import org.coreloss.data.io.Npy;
import org.coreloss.data.io.NpyArray;
import org.coreloss.fit.EngineForwardModel;
import org.coreloss.fit.FitOptions;
import org.coreloss.fit.FitParameter;
import org.coreloss.fit.FitResult;
import org.coreloss.fit.FitSetup;
import org.coreloss.fit.Fitter;
import org.coreloss.fit.SpectrumModel;
import org.coreloss.multiplet.Ions;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Spectrum-image fitting: every pixel of a spectrum image fitted with {@link Fitter}, partition by partition, on Spark
 * ({@link #fit}) or in one JVM ({@link #fitLocally}; same code per pixel, same numbers).
 *
 * <p>Per pixel ({@link Mode}): {@code LOCAL} (default for images) is {@link Fitter#fitLocal}: Levenberg-Marquardt from a
 * start (per-pixel start values, e.g. a regressor's predictions, else the setup's start), then the Laplace covariance;
 * with {@link FitOptions.Sampling#NONE} the intervals are those of the Laplace Gaussian (clamped to the bounds), with a
 * sampler the posterior is sampled around the optimum. {@code FULL} is {@link Fitter#fit} (global search, e_g mirror
 * start, sampler): seconds per pixel instead of a fraction of one. Pixel {@code r} uses seed
 * {@code options.seed() * 1,000,003 + r}.
 *
 * <p>Output folder: {@code job.json} (the settings; a re-run with other settings into the same folder is refused),
 * {@code parts/part-NNNNN.json} (one per partition, written atomically by its task; finished parts are skipped, so a
 * killed job resumes), then the maps as {@code height x width} float64 {@code .npy}: for each free parameter
 * {@code <name>_best}, {@code <name>_median}, {@code <name>_q16}, {@code <name>_q84}, {@code <name>_halfwidth68}
 * ((q84 - q16) / 2); {@code status} (0 ok, 1 fitted with warnings (a second mode mixed in, a parameter at a bound, a poor fit), 2 failed: NaN
 * parameters), {@code chi2_red} (RSS / (N - k) over the noise variance estimated from the data's second differences,
 * independent of the fit), {@code sigma} (the likelihood's noise sigma), {@code seconds} (wall seconds per pixel, not
 * reproducible), and {@code fit.json} (summary: seconds per pixel, counts by status).
 */
public final class SparkImageFit {
    /** Per-pixel fit. */
    public enum Mode { LOCAL, FULL }

    /** What one image fit did. */
    public record Result(Path out, int width, int height, int parts, int written, int skipped, double seconds,
                         double meanSecondsPerPixel, List<String> maps) {}

    /** Status codes of the {@code status} map. */
    public static final int OK = 0, WARNING = 1, FAILED = 2;

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();
    private static final ThreadLocal<Map<String, EngineForwardModel>> FORWARD = ThreadLocal.withInitial(HashMap::new);

    private SparkImageFit() {}

    /** The settings every pixel shares (serialisable; the fit package's types are rebuilt on the executor). */
    private static final class Job implements Serializable {
        String ion, mode;
        String[] names;
        double[][] parameters;      // value, min, max, fixed (0/1), prior mean, prior sd
        long seed;
        String noise, sampler;
        double noiseSigma, energyOffsetEv;
        int globalEvaluations, globalRuns, walkers, burn, steps;
        double[] energiesEv;        // absolute
        String[] startNames;
        String image;               // name, size and checksums of the spectra and the starts: a resume must see the same input
        int width, height, partitions;

        FitSetup setup() {
            FitSetup s = FitSetup.simulated(ion, 300);
            for (int i = 0; i < names.length; i++) {
                double[] p = parameters[i];
                if (p[3] != 0) s = s.fix(names[i], p[0]);
                else {
                    s = s.free(names[i], p[1], p[2]).start(names[i], p[0]);
                    if (!Double.isNaN(p[5])) s = s.prior(names[i], p[4], p[5]);
                }
            }
            return s;
        }

        FitOptions options() {
            return new FitOptions(seed, FitOptions.Noise.valueOf(noise), noiseSigma, globalEvaluations, globalRuns,
                    FitOptions.Sampling.valueOf(sampler), walkers, burn, steps);
        }

        String describe() {
            JsonObject o = new JsonObject();
            o.addProperty("ion", ion);
            o.addProperty("mode", mode);
            JsonObject ps = new JsonObject();
            for (int i = 0; i < names.length; i++) ps.add(names[i], GSON.toJsonTree(parameters[i]));
            o.add("parameters (value, min, max, fixed, prior mean, prior sd)", ps);
            o.addProperty("seed", seed);
            o.addProperty("noise", noise);
            o.addProperty("noise_sigma", noiseSigma);
            o.addProperty("sampler", sampler);
            o.addProperty("global_evaluations", globalEvaluations);
            o.addProperty("global_runs", globalRuns);
            o.addProperty("walkers", walkers);
            o.addProperty("burn_steps", burn);
            o.addProperty("steps", steps);
            o.addProperty("energy_offset_eV", energyOffsetEv);
            o.add("start_from", GSON.toJsonTree(startNames));
            o.addProperty("image", image);
            o.addProperty("width", width);
            o.addProperty("height", height);
            o.addProperty("partitions", partitions);
            return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(o);
        }
    }

    /** One partition's pixels. */
    private record Part(int index, int from, float[][] spectra, double[][] starts) implements Serializable {}

    /**
     * Fits every pixel of {@code image} (rows in raster order: row {@code r} is pixel (r mod width, r / width)) on
     * Spark in {@code partitions} contiguous row blocks, writing the maps to {@code out}.
     *
     * @param energyOffsetEv added to the image's energy axis to give absolute energies (seed-003 spectra such as
     *        {@link org.coreloss.simulate.SpectrumImage}'s are relative to E_L3 + zeta_2p / 2: pass
     *        {@link #seed003Offset}; 0 for an absolute axis)
     * @param starts per-pixel start values by parameter name (each {@code image.size()} long; clamped into the
     *        bounds), e.g. a regressor's predictions; empty: the setup's start everywhere
     */
    public static Result fit(SparkRunner spark, SpectraDataset image, int width, int height, double energyOffsetEv, FitSetup setup,
                             Map<String, double[]> starts, FitOptions options, Mode mode, int partitions, Path out) throws IOException {
        Objects.requireNonNull(spark, "spark");
        return run(spark, image, width, height, energyOffsetEv, setup, starts, options, mode, partitions, out);
    }

    /** The same fit in this JVM, partition after partition (the reference for {@link #fit}: same files, same numbers). */
    public static Result fitLocally(SpectraDataset image, int width, int height, double energyOffsetEv, FitSetup setup,
                                    Map<String, double[]> starts, FitOptions options, Mode mode, int partitions, Path out) throws IOException {
        return run(null, image, width, height, energyOffsetEv, setup, starts, options, mode, partitions, out);
    }

    /** E_L3 + zeta_2p / 2 of the ion: the origin of seed-003 energy axes. */
    public static double seed003Offset(String ion) {
        var i = Ions.get(ion);
        return i.l3EdgeEv() + 0.5 * i.zeta2pEv();
    }

    /** The default per-pixel options: residual noise, Laplace intervals (no sampler). */
    public static FitOptions pixelOptions(long seed) {
        return FitOptions.defaults(seed).withSampler(FitOptions.Sampling.NONE);
    }

    private static Result run(SparkRunner spark, SpectraDataset image, int width, int height, double energyOffsetEv, FitSetup setup,
                              Map<String, double[]> starts, FitOptions options, Mode mode, int partitions, Path out) throws IOException {
        long t0 = System.nanoTime();
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(mode, "mode");
        if (starts == null) starts = Map.of();
        int n = image.size();
        if (width < 1 || height < 1 || (long) width * height != n) {
            throw new IllegalArgumentException("image " + width + " x " + height + " = " + (long) width * height + " pixels, but the dataset has " + n + " rows");
        }
        if (partitions < 1) throw new IllegalArgumentException("partitions = " + partitions + ", expected >= 1");
        if (!Double.isFinite(energyOffsetEv)) throw new IllegalArgumentException("energyOffsetEv = " + energyOffsetEv + ", expected a finite value");
        for (var e : starts.entrySet()) {
            setup.parameter(e.getKey());
            if (e.getValue().length != n) throw new IllegalArgumentException("starts '" + e.getKey() + "': " + e.getValue().length + " values, expected " + n);
        }
        Job job = new Job();
        job.ion = setup.ion().name();
        job.mode = mode.name();
        List<FitParameter> ps = setup.parameters();
        job.names = new String[ps.size()];
        job.parameters = new double[ps.size()][];
        for (int i = 0; i < ps.size(); i++) {
            FitParameter p = ps.get(i);
            job.names[i] = p.name();
            job.parameters[i] = new double[]{p.value(), p.min(), p.max(), p.fixed() ? 1 : 0, p.priorMean(), p.priorSd()};
        }
        job.seed = options.seed();
        job.noise = options.noise().name();
        job.noiseSigma = options.noiseSigma();
        job.sampler = options.sampler().name();
        job.globalEvaluations = options.globalEvaluations();
        job.globalRuns = options.globalRuns();
        job.walkers = options.walkers();
        job.burn = options.burnSteps();
        job.steps = options.steps();
        job.energyOffsetEv = energyOffsetEv;
        double[] e = image.grid().energiesEv();
        for (int i = 0; i < e.length; i++) e[i] += energyOffsetEv;
        job.energiesEv = e;
        job.startNames = starts.keySet().stream().sorted().toArray(String[]::new);
        StringBuilder startsHash = new StringBuilder();
        for (String name : job.startNames) startsHash.append(Integer.toHexString(java.util.Arrays.hashCode(starts.get(name)))).append(' ');
        job.image = image.name() + "; " + n + " spectra, sha256 " + image.sha256() + "; starts hash " + startsHash.toString().strip();
        job.width = width;
        job.height = height;
        job.partitions = Math.min(partitions, n);
        List<String> free = setup.freeNames();

        Files.createDirectories(out.resolve("parts"));
        String describe = job.describe();
        Path jobFile = out.resolve("job.json");
        if (Files.isRegularFile(jobFile)) {
            String old = Files.readString(jobFile, StandardCharsets.UTF_8);
            if (!old.equals(describe)) {
                throw new IOException(jobFile + ": this folder holds a fit with other settings; use another output folder or delete it");
            }
        } else AtomicFiles.writeString(jobFile, describe);

        int b = Math.min(partitions, n);
        List<Part> todo = new ArrayList<>();
        int skipped = 0;
        for (int k = 0; k < b; k++) {
            int from = (int) ((long) n * k / b), to = (int) ((long) n * (k + 1) / b);
            if (Files.isRegularFile(partFile(out, k))) { skipped++; continue; }
            float[][] spectra = new float[to - from][];
            double[][] st = new double[to - from][job.startNames.length];
            for (int r = from; r < to; r++) {
                spectra[r - from] = image.spectra().row(r);
                for (int j = 0; j < job.startNames.length; j++) st[r - from][j] = starts.get(job.startNames[j])[r];
            }
            todo.add(new Part(k, from, spectra, st));
        }
        String outDir = out.toAbsolutePath().toString();
        if (!todo.isEmpty()) {
            if (spark != null) {
                spark.context().parallelize(todo, todo.size()).foreach(p -> writePart(job, p, Path.of(outDir)));
            } else {
                for (Part p : todo) writePart(job, p, out);
            }
        }

        // assemble the maps
        List<String> columns = columns(free);
        double[][] maps = new double[columns.size()][n];
        for (int k = 0; k < b; k++) {
            JsonObject o = JsonParser.parseString(Files.readString(partFile(out, k), StandardCharsets.UTF_8)).getAsJsonObject();
            int from = o.get("from").getAsInt();
            JsonArray rows = o.getAsJsonArray("rows");
            for (int r = 0; r < rows.size(); r++) {
                double[] v = GSON.fromJson(rows.get(r), double[].class);
                for (int c = 0; c < columns.size(); c++) maps[c][from + r] = v[c];
            }
        }
        List<String> written = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            NpyArray a = NpyArray.ofDoubles(maps[c], height, width);
            AtomicFiles.write(out.resolve(columns.get(c) + ".npy"), os -> Npy.write(os, a));
            written.add(columns.get(c) + ".npy");
        }
        double[] sec = maps[columns.indexOf("seconds")], status = maps[columns.indexOf("status")];
        double sum = 0;
        int[] counts = new int[3];
        for (int i = 0; i < n; i++) { sum += sec[i]; counts[(int) status[i]]++; }
        double wall = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("ion", job.ion);
        summary.put("width", width);
        summary.put("height", height);
        summary.put("pixels", n);
        summary.put("mode", job.mode);
        summary.put("sampler", job.sampler);
        summary.put("free", free);
        summary.put("partitions", b);
        summary.put("partitions_written", todo.size());
        summary.put("partitions_skipped", skipped);
        summary.put("master", spark == null ? "one JVM" : spark.master());
        summary.put("mean_seconds_per_pixel", sum / n);
        summary.put("wall_seconds_this_run", wall);
        summary.put("status_ok", counts[OK]);
        summary.put("status_warning", counts[WARNING]);
        summary.put("status_failed", counts[FAILED]);
        AtomicFiles.writeString(out.resolve("fit.json"), new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(summary));
        return new Result(out, width, height, b, todo.size(), skipped, wall, sum / n, List.copyOf(written));
    }

    static Path partFile(Path out, int k) {
        return out.resolve("parts").resolve(String.format(Locale.ROOT, "part-%05d.json", k));
    }

    /** Map names in part-row order. */
    static List<String> columns(List<String> free) {
        List<String> c = new ArrayList<>();
        for (String f : free) for (String s : List.of("best", "median", "q16", "q84", "halfwidth68")) c.add(f + "_" + s);
        c.addAll(List.of("status", "chi2_red", "sigma", "seconds"));
        return c;
    }

    private static void writePart(Job job, Part part, Path out) throws IOException {
        FitSetup base = job.setup();
        FitOptions options = job.options();
        EngineForwardModel forward = FORWARD.get().computeIfAbsent(job.ion, k -> new EngineForwardModel(Ions.get(k)));
        List<String> free = base.freeNames();
        JsonArray rows = new JsonArray();
        for (int i = 0; i < part.spectra().length; i++) {
            int r = part.from() + i;
            rows.add(GSON.toJsonTree(fitPixel(job, base, options, forward, free, part.spectra()[i], part.starts()[i], r)));
        }
        JsonObject o = new JsonObject();
        o.addProperty("part", part.index());
        o.addProperty("from", part.from());
        o.addProperty("to", part.from() + part.spectra().length);
        o.add("columns", GSON.toJsonTree(columns(free)));
        o.add("rows", rows);
        AtomicFiles.writeString(partFile(out, part.index()), GSON.toJson(o));
    }

    private static double[] fitPixel(Job job, FitSetup base, FitOptions options, EngineForwardModel forward, List<String> free,
                                     float[] spectrum, double[] start, int r) {
        long t0 = System.nanoTime();
        double[] row = new double[free.size() * 5 + 4];
        FitSetup setup = base;
        for (int j = 0; j < job.startNames.length; j++) {
            FitParameter p = setup.parameter(job.startNames[j]);
            double v = start[j];
            if (Double.isFinite(v)) setup = setup.start(p.name(), Math.max(p.min(), Math.min(p.max(), v)));
        }
        double[] y = new double[spectrum.length];
        for (int i = 0; i < y.length; i++) y[i] = spectrum[i];
        ColumnSpectrum data = ColumnSpectrum.of(String.format(Locale.ROOT, "pixel %d", r), job.energiesEv, y);
        FitOptions o = options.withSeed(options.seed() * 1_000_003L + r);
        try {
            FitResult f = job.mode.equals("LOCAL") ? Fitter.fitLocal(data, setup, forward, o)
                    : Fitter.fit(data, setup, forward, o, org.coreloss.progress.ProgressListener.NONE);
            for (int j = 0; j < free.size(); j++) {
                FitResult.Summary s = f.summary(free.get(j));
                row[5 * j] = s.best();
                row[5 * j + 1] = s.median();
                row[5 * j + 2] = s.q16();
                row[5 * j + 3] = s.q84();
                row[5 * j + 4] = 0.5 * (s.q84() - s.q16());
            }
            row[5 * free.size()] = f.warnings().isEmpty() && !f.poorFit() ? OK : WARNING;
            row[5 * free.size() + 1] = f.reducedChi2Difference();
            row[5 * free.size() + 2] = f.sigma();
        } catch (IllegalArgumentException | ArithmeticException | IllegalStateException ex) {
            java.util.Arrays.fill(row, Double.NaN);
            row[5 * free.size()] = FAILED;
        }
        row[5 * free.size() + 3] = (System.nanoTime() - t0) / 1e9;
        return row;
    }
}
