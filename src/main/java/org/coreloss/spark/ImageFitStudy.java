package org.coreloss.spark;

import com.google.gson.GsonBuilder;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.AtomicFiles;
import org.coreloss.data.io.Npy;
import org.coreloss.data.io.NpyArray;
import org.coreloss.fit.FitSetup;
import org.coreloss.nn.DatasetTraining;
import org.coreloss.nn.ModelFiles;
import org.coreloss.nn.NetworkSpec;
import org.coreloss.nn.RegressorSpec;
import org.coreloss.nn.TrainingOptions;
import org.coreloss.nn.TrainingResult;
import org.coreloss.progress.ProgressListener;
import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.SpectrumImage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spectrum-image study of the scale-out notebook: the synthetic image ({@link SpectrumImage}), a regressor
 * (spectrum -> Dq, Ds, Dt) trained on {@link SpectrumImage#trainingSet}, batch prediction on Spark, then every pixel
 * fitted on Spark ({@link SparkImageFit}, LOCAL mode started from the predictions), with the true, predicted and
 * fitted maps and a summary ({@code image-fit.json}: errors, 68 % interval coverage, seconds per pixel).
 * {@code main} runs it from the command line: {@code ImageFitStudy OUT [step] [trainingSpectra] [epochs]} (embedded
 * {@code local[2]}, or the master spark-submit set).
 */
public final class ImageFitStudy {
    /** The crystal-field parameters the regressor predicts and the maps compare. */
    public static final List<String> TARGETS = List.of("dq_eV", "ds_eV", "dt_eV");

    private ImageFitStudy() {}

    /**
     * Every {@code step}-th pixel in x and y (starting at step / 2): a {@code width/step x height/step} image with the
     * same spectra (same noise) as the full one; step 1 keeps the image.
     */
    public static SpectraDataset subsample(SpectraDataset image, int width, int height, int step) {
        if (step < 1 || width % step != 0 || height % step != 0) {
            throw new IllegalArgumentException("step = " + step + ": expected >= 1 and dividing " + width + " and " + height);
        }
        if (step == 1) return image;
        int w = width / step, h = height / step;
        int[] rows = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) rows[y * w + x] = (y * step + step / 2) * width + x * step + step / 2;
        return image.subset(rows);
    }

    /** The fit setup of a synthetic image: S1, S2, T and the three widths fixed at the image's values; Dq, Ds, Dt, shift, scale and a constant offset free. */
    public static FitSetup imageSetup(SpectraDataset image, String ion) {
        FitSetup s = FitSetup.simulated(ion, image.label("temperature_K")[0]);
        for (String n : List.of("s1", "s2", "gaussian_fwhm_eV", "gamma1_fwhm_eV", "gamma2_fwhm_eV")) s = s.fix(n, image.label(n)[0]);
        // box normalisation subtracts the spectrum's minimum: a constant offset
        return s.free("baseline_offset", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Fits the (predicted) image on Spark and writes, beside the fit's maps in {@code out}, {@code true_<p>.npy} and
     * {@code predicted_<p>.npy} for the three targets and {@code image-fit.json}; returns the summary.
     *
     * @param predicted the image with {@code pred_<target>} columns ({@link SparkPredictJob#predict})
     */
    public static Map<String, Object> fitPredicted(SparkRunner spark, SpectraDataset predicted, String ion, int width, int height, long seed,
                                                   int partitions, Path out) throws IOException {
        Map<String, double[]> starts = new LinkedHashMap<>();
        for (String t : TARGETS) starts.put(t, predicted.label("pred_" + t));
        double load0 = load();
        SparkImageFit.Result r = SparkImageFit.fit(spark, predicted, width, height, SparkImageFit.seed003Offset(ion), imageSetup(predicted, ion),
                starts, SparkImageFit.pixelOptions(seed), SparkImageFit.Mode.LOCAL, partitions, out);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("ion", ion);
        s.put("width", width);
        s.put("height", height);
        s.put("master", spark.master());
        s.put("partitions", r.parts());
        s.put("seed", seed);
        s.put("mode", "LOCAL (Levenberg-Marquardt from the regressor's prediction, Laplace 68 % interval)");
        s.put("mean_seconds_per_pixel", r.meanSecondsPerPixel());
        s.put("wall_seconds", r.seconds());
        s.put("partitions_written", r.written());
        s.put("load_average_1min_start", load0);
        s.put("load_average_1min_end", load());
        double[] status = Npy.read(out.resolve("status.npy")).asDoubles();
        int ok = 0, failed = 0;
        for (double v : status) { if (v == SparkImageFit.OK) ok++; if (v == SparkImageFit.FAILED) failed++; }
        s.put("pixels_ok", ok);
        s.put("pixels_failed", failed);
        Map<String, Object> per = new LinkedHashMap<>();
        for (String t : TARGETS) {
            double[] truth = predicted.label(t), pred = predicted.label("pred_" + t);
            double[] fit = Npy.read(out.resolve(t + "_best.npy")).asDoubles();
            double[] q16 = Npy.read(out.resolve(t + "_q16.npy")).asDoubles(), q84 = Npy.read(out.resolve(t + "_q84.npy")).asDoubles();
            double[] hw = Npy.read(out.resolve(t + "_halfwidth68.npy")).asDoubles();
            write(out.resolve("true_" + t + ".npy"), truth, width, height);
            write(out.resolve("predicted_" + t + ".npy"), pred, width, height);
            double maeP = 0, maeF = 0, cover = 0;
            int n = 0;
            List<Double> hws = new ArrayList<>();
            for (int i = 0; i < truth.length; i++) {
                if (!Double.isFinite(fit[i])) continue;
                n++;
                maeP += Math.abs(pred[i] - truth[i]);
                maeF += Math.abs(fit[i] - truth[i]);
                if (truth[i] >= q16[i] && truth[i] <= q84[i]) cover++;
                hws.add(hw[i]);
            }
            hws.sort(null);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mae_predicted", maeP / n);
            m.put("mae_fitted", maeF / n);
            m.put("coverage68", cover / n);
            m.put("median_halfwidth68", hws.isEmpty() ? Double.NaN : hws.get(hws.size() / 2));
            m.put("true_range", List.of(min(truth), max(truth)));
            per.put(t, m);
        }
        s.put("parameters", per);
        AtomicFiles.writeString(out.resolve("image-fit.json"),
                new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(s) + "\n");
        return s;
    }

    /** Reads map {@code name} ({@code .npy} in {@code dir}) as a flat array in raster order. */
    public static double[] map(Path dir, String name) throws IOException {
        return Npy.read(dir.resolve(name + ".npy")).asDoubles();
    }

    /** The notebook's regressor: 501 channels -> Dq, Ds, Dt, trained on {@code n} spectra for {@code epochs}; saved under {@code dir}. */
    public static Path trainRegressor(SpectrumImage.Spec spec, int n, int epochs, long seed, Path dir, ProgressListener progress) throws IOException {
        SpectraDataset all = SpectrumImage.trainingSet(spec, n, seed + 100, DatabaseGenerator.newEngine(), 2, progress);
        SpectraDataset[] tv = DatasetTraining.split(all, 0.1, seed);
        RegressorSpec rs = RegressorSpec.seed001(all.channels(), List.of(128, 64), 0, TARGETS.size()).withDropoutRate(0).withLoss(NetworkSpec.Loss.MSE);
        TrainingOptions opts = TrainingOptions.defaults(seed).withEpochs(epochs).withBatchSize(64).withLearningRate(1e-3, 0.97).withPatience(30);
        TrainingResult reg = DatasetTraining.regressor(tv[0], tv[1], TARGETS, List.of(), rs, opts, progress);
        return ModelFiles.save(reg.model(), dir.resolve("dq-ds-dt"));
    }

    /** {@code ImageFitStudy OUT [step] [trainingSpectra] [epochs]}: the 64 x 64 Ni2+ image (10,000 counts at the peak, seed 7). */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) throw new IllegalArgumentException("usage: ImageFitStudy OUT [step] [trainingSpectra] [epochs]");
        Path out = Path.of(args[0]);
        int step = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        long seed = 7;
        SpectrumImage.Spec spec = new SpectrumImage.Spec("Ni2+", 64, 64, 10000, seed);
        Files.createDirectories(out);
        // under spark-submit (system property spark.master set) keep its master, else embedded local[2]
        try (SparkRunner spark = SparkRunner.open(System.getProperty("spark.master") != null ? null : "local[2]")) {
            SpectraDataset image = SpectrumImage.make(spec, DatabaseGenerator.newEngine(), 2, ProgressListener.NONE);
            Path model = trainRegressor(spec, n, epochs, seed, Files.createTempDirectory("coreloss-image-fit-"), ProgressListener.NONE);
            SpectraDataset predicted = subsample(SparkPredictJob.predict(spark, model, image, 8), 64, 64, step);
            Map<String, Object> s = fitPredicted(spark, predicted, "Ni2+", 64 / step, 64 / step, seed, 16, out);
            System.out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(s));
        }
    }

    static void write(Path file, double[] v, int width, int height) throws IOException {
        NpyArray a = NpyArray.ofDoubles(v, height, width);
        AtomicFiles.write(file, os -> Npy.write(os, a));
    }

    static double load() { return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(); }

    private static double min(double[] v) { double m = Double.POSITIVE_INFINITY; for (double x : v) m = Math.min(m, x); return m; }
    private static double max(double[] v) { double m = Double.NEGATIVE_INFINITY; for (double x : v) m = Math.max(m, x); return m; }
}
