package org.coreloss.studies;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.coreloss.data.SpectraDataset;
import org.coreloss.eval.Ranks;
import org.coreloss.eval.SpectrumError;
import org.coreloss.eval.UncertainPrediction;
import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.Rebroadening;
import org.coreloss.nn.ComputeThreads;
import org.coreloss.nn.DatasetTraining;
import org.coreloss.nn.GeneratorSpec;
import org.coreloss.nn.ModelFiles;
import org.coreloss.nn.SurrogateEnsemble;
import org.coreloss.nn.TrainedModel;
import org.coreloss.nn.TrainingOptions;
import org.coreloss.nn.TrainingResult;
import org.coreloss.nn.Trainer;
import org.coreloss.preprocess.PrincipalBasis;
import org.coreloss.progress.ProgressListener;
import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.DatabaseSpec;
import org.coreloss.simulate.Parameter;
import org.coreloss.simulate.ParameterSpace;
import org.coreloss.simulate.Preset;
import org.coreloss.simulate.Sampler;
import org.coreloss.simulate.ShardedDatabase;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 003's surrogate for one ion, built and measured on this machine (issue 16): simulate a Latin-hypercube
 * training database (Table 1 ranges, D4h) and a test database from another seed, train an ensemble of DNN
 * generators within one wall-time budget for data plus training, and evaluate on the test set: SE shares (with
 * and without the factor 1/2 of docs/eval.md), MSE against the paper's Table 3 and the mean spectrum, the
 * Spearman correlation of predicted and actual SE, and the out-of-domain flag on a C4v set (Dq in [-0.2, 0] eV,
 * outside the D4h training range Dq in [0, 0.2] eV where Dq < 0).
 *
 * <p>Resumable: databases complete themselves ({@link DatabaseGenerator}), each member trains with checkpoints
 * and is saved when done, and the stage timings are kept in {@code progress.json} in the work folder; run the
 * same options again after an interruption. The test set is never used for model selection (early stopping and
 * the ensemble's calibration use a validation split of the training database).
 */
public final class Paper003Surrogates {
    private Paper003Surrogates() {}

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

    /** Variance share kept by the principal-component representation. */
    public static final double PCA_SHARE = 0.9999;

    /** Seed 003, Table 3: validation MSE of sLCNN-7 after 80 epochs (2+ row: Ti..Ni; 3+ row: Ti..Co). */
    public static final Map<String, Double> PAPER_MSE = Map.ofEntries(
            Map.entry("Ti2+", 1.12e-4), Map.entry("V2+", 1.02e-4), Map.entry("Cr2+", 9.13e-5), Map.entry("Mn2+", 3.24e-5),
            Map.entry("Fe2+", 5.90e-5), Map.entry("Co2+", 4.62e-5), Map.entry("Ni2+", 1.76e-5),
            Map.entry("Ti3+", 1.40e-4), Map.entry("V3+", 1.10e-4), Map.entry("Cr3+", 9.42e-5), Map.entry("Mn3+", 8.98e-5),
            Map.entry("Fe3+", 6.05e-5), Map.entry("Co3+", 4.69e-5));

    /**
     * Options of one run.
     *
     * @param ion            e.g. Ni2+
     * @param trainCount     spectra of the training database (a validation share is split off)
     * @param testCount      spectra of the test database (>= 2000 for the per-ion results)
     * @param oodCount       spectra of the C4v out-of-domain set (0: none)
     * @param members        ensemble members (1: a single network, no uncertainty)
     * @param layers         DNN characteristic layers
     * @param units          neurons per characteristic layer
     * @param batch          batch size
     * @param learningRate   initial RMSProp learning rate
     * @param lrDecay        per-epoch decay
     * @param maxEpochs      epochs per member at most
     * @param patience       early-stopping patience (epochs)
     * @param validation     validation share of the training database
     * @param budgetMinutes  wall minutes for data plus training (all members); training gets what data left, split evenly;
     *                       with {@code cpuBudget} instead process CPU minutes for training alone, split evenly
     * @param simThreads     engine threads
     * @param nnThreads      ND4J threads
     * @param seed           seed of the training database and of member 0 (member k: seed + k); test set seed + 1, C4v set seed + 2
     * @param work           work folder (databases, checkpoints, members, progress.json)
     * @param representation "centred" (the network outputs the 501 channels, centred and scaled by the trainer) or
     *                       "pca" (it outputs the coefficients of the training spectra's principal components that
     *                       keep >= 99.99 % of the variance; single member only) or "broadening" (the network learns the
     *                       narrow spectrum of {@link Rebroadening} from the six parameters that shape the sticks, and the
     *                       three broadening parameters are applied exactly; single member only)
     * @param cpuBudget      read {@code budgetMinutes} as process CPU minutes for training alone
     * @param parallelMembers members trained at the same time, each on its own thread (1: one after another).
     *                       With {@code nnThreads = 1} and two cores, two members at once use both cores without
     *                       the synchronisation of two-thread matrix products; the wall budget per member is then
     *                       (budget - data) / ceil(members / parallelMembers). Results do not depend on it (tested).
     */
    public record Options(String ion, int trainCount, int testCount, int oodCount, int members, int layers, int units,
                          int batch, double learningRate, double lrDecay, int maxEpochs, int patience, double validation,
                          double budgetMinutes, int simThreads, int nnThreads, long seed, Path work,
                          String representation, boolean cpuBudget, int parallelMembers) {
        public Options {
            if (parallelMembers < 1) throw new IllegalArgumentException("parallelMembers = " + parallelMembers + ", expected >= 1");
            if (cpuBudget && parallelMembers > 1) throw new IllegalArgumentException("parallelMembers = " + parallelMembers + " with a CPU budget: process CPU time cannot be split between members trained at once; use 1 or a wall budget");
            if (!List.of("centred", "pca", "broadening").contains(representation)) throw new IllegalArgumentException("representation '" + representation + "', expected centred, pca or broadening");
            if (!representation.equals("centred") && members != 1) throw new IllegalArgumentException("representation " + representation + ": single member only (members = " + members + ")");
            if (trainCount < 100) throw new IllegalArgumentException("trainCount = " + trainCount + ", expected >= 100");
            if (testCount < 1) throw new IllegalArgumentException("testCount = " + testCount + ", expected >= 1");
            if (members < 1) throw new IllegalArgumentException("members = " + members + ", expected >= 1");
            if (!(budgetMinutes > 0)) throw new IllegalArgumentException("budgetMinutes = " + budgetMinutes + ", expected > 0");
            if (!(validation > 0 && validation < 0.5)) throw new IllegalArgumentException("validation = " + validation + ", expected in (0, 0.5)");
        }
    }

    /** A tiny run for notebooks in quick mode (seconds): 400 Ni2+ spectra, two one-layer members of width 32. */
    public static Options quick(Path work) {
        return new Options("Ni2+", 400, 100, 40, 2, 1, 32, 32, 1e-3, 0.97, 5, 5, 0.1, 2, 2, 1, 1, work, "centred", false, 1);
    }

    /** The results files {@code dir/<ion>.json} that exist, in the order of {@code ions}. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> readResults(Path dir, List<String> ions) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String ion : ions) {
            Path f = dir.resolve(ion + ".json");
            if (Files.isRegularFile(f)) out.add(GSON.fromJson(Files.readString(f), Map.class));
        }
        return out;
    }

    /** One row per results map: the issue-16 numbers (SE with and without the 1/2, MSE against the paper, Spearman). */
    public static tech.tablesaw.api.Table resultsTable(String title, List<Map<String, Object>> results) {
        tech.tablesaw.api.StringColumn ion = tech.tablesaw.api.StringColumn.create("ion");
        String[] num = {"engine_spectra", "wall_seconds", "se_below_3pct_share", "se_below_7pct_share", "se_below_3pct_share_without_half",
                "median_se", "test_mse", "paper_mse", "spearman_predicted_vs_actual_se"};
        String[] head = {"engine spectra", "wall s", "share SE < 3 %", "share SE < 7 %", "share SE' < 3 % (no 1/2)", "median SE",
                "test MSE", "paper MSE (Table 3)", "Spearman(predicted SE, SE)"};
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create(title, ion);
        for (String h : head) t.addColumns(tech.tablesaw.api.DoubleColumn.create(h));
        for (Map<String, Object> r : results) {
            ion.append(String.valueOf(r.get("ion")));
            for (int k = 0; k < num.length; k++) {
                Object v = r.get(num[k]);
                t.doubleColumn(k + 1).append(v instanceof Number n ? n.doubleValue() : Double.NaN);
            }
        }
        return t;
    }

    /** Stage timings kept across resumed runs. */
    static final class Progress {
        Map<String, Double> wallSeconds = new LinkedHashMap<>();
        Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        Map<String, Integer> epochs = new LinkedHashMap<>();
        Map<String, Double> bestValidationMse = new LinkedHashMap<>();
        Double memberBudgetSeconds;
        List<Double> loadAverages = new ArrayList<>();
        int runs;
    }

    /**
     * Trains the members not yet saved, {@code o.parallelMembers()} at a time; member k always uses seed + k and its
     * own checkpoint folder, so the members do not depend on how many train at once. Member 0 (or the first one
     * still to train) drives the progress bar; every member stops when the listener is cancelled.
     */
    private static void trainMembers(Options o, GeneratorSpec spec, SpectraDataset[] tv, List<String> params, PrincipalBasis basis,
                                     Progress pr, Path pf, ProgressListener listener) throws IOException {
        List<Integer> todo = new ArrayList<>();
        for (int k = 0; k < o.members(); k++) if (!Files.isRegularFile(o.work().resolve("member-" + k + ".json"))) todo.add(k);
        if (todo.isEmpty()) return;
        // PCA: inputs and coefficients once, shared read-only by the members
        float[][] xTrain = basis == null ? null : DatasetTraining.expand(DatasetTraining.columns(tv[0], params), 3);
        float[][] xVal = basis == null ? null : DatasetTraining.expand(DatasetTraining.columns(tv[1], params), 3);
        float[][] yTrain = basis == null ? null : basis.project(tv[0].spectra().toArray());
        float[][] yVal = basis == null ? null : basis.project(tv[1].spectra().toArray());
        int first = todo.get(0);
        java.util.function.IntFunction<Void> one = k -> {
            ProgressListener l = k == first ? listener : ProgressListener.cancelledWith(listener);
            TrainingOptions to = new TrainingOptions(o.maxEpochs(), o.batch(), o.learningRate(), o.lrDecay(), o.patience(), o.seed() + k,
                    o.work().resolve("cp-" + k), 1, o.cpuBudget() ? Double.POSITIVE_INFINITY : pr.memberBudgetSeconds,
                    o.cpuBudget() ? pr.memberBudgetSeconds : Double.POSITIVE_INFINITY);
            TrainingResult r = basis != null ? Trainer.fit(spec, xTrain, yTrain, xVal, yVal, to, l)
                    : DatasetTraining.generator(tv[0], tv[1], params, 3, spec, to, l);
            if (r.interrupted()) throw new java.util.concurrent.CancellationException("interrupted while training member " + k + "; run again to resume");
            try {
                ModelFiles.save(r.model(), o.work().resolve("member-" + k));
                synchronized (pr) {
                    pr.wallSeconds.put("member_" + k, r.wallSeconds());
                    pr.cpuSeconds.put("member_" + k, r.cpuSeconds());
                    pr.epochs.put("member_" + k, r.epochsRun());
                    pr.bestValidationMse.put("member_" + k, r.bestValidationLoss());
                    save(pf, pr);
                }
            } catch (IOException e) { throw new java.io.UncheckedIOException(e); }
            return null;
        };
        int p = Math.min(o.parallelMembers(), todo.size());
        if (p == 1) { for (int k : todo) one.apply(k); return; }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(p, r -> {
            Thread t = new Thread(r, "surrogate-member"); t.setDaemon(true); return t; });
        try {
            List<java.util.concurrent.Future<Void>> fs = new ArrayList<>();
            for (int k : todo) fs.add(pool.submit(() -> one.apply(k)));
            RuntimeException failure = null;
            for (java.util.concurrent.Future<Void> f : fs) {
                try { f.get(); }
                catch (InterruptedException e) { pool.shutdownNow(); Thread.currentThread().interrupt(); throw new java.util.concurrent.CancellationException("interrupted; run again to resume"); }
                catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    RuntimeException re = c instanceof RuntimeException rt ? rt : new IllegalStateException(c);
                    if (failure == null) failure = re; else failure.addSuppressed(re);
                }
            }
            if (failure != null) {
                if (failure instanceof java.io.UncheckedIOException u) throw u.getCause();
                throw failure;
            }
        } finally { pool.shutdownNow(); }
    }

    /** Runs (or resumes) everything and returns the results map (also written to {@code out}). */
    public static Map<String, Object> run(Options o, Path out, ProgressListener listener) throws IOException {
        if (listener == null) listener = ProgressListener.NONE;
        Files.createDirectories(o.work());
        Path pf = o.work().resolve("progress.json");
        Progress pr = Files.isRegularFile(pf) ? GSON.fromJson(Files.readString(pf), Progress.class) : new Progress();
        pr.runs++;
        pr.loadAverages.add(load());
        save(pf, pr);
        ComputeThreads.set(o.nnThreads());

        // data
        DatabaseSpec trainSpec = new DatabaseSpec(o.ion(), o.trainCount(), Preset.D4H, Sampler.LHS, o.seed(), 1000);
        DatabaseSpec testSpec = new DatabaseSpec(o.ion(), o.testCount(), Preset.D4H, Sampler.LHS, o.seed() + 1, 1000);
        Path trainDb = o.work().resolve("train"), testDb = o.work().resolve("test"), oodDb = o.work().resolve("c4v");
        generate(trainSpec, trainDb, "data_train", o, pr, pf, listener);
        double dataWall = pr.wallSeconds.getOrDefault("data_train", 0.0);
        SpectraDataset all = ShardedDatabase.load(trainDb);
        SpectraDataset[] tv = DatasetTraining.split(all, o.validation(), o.seed());
        List<String> params = ParameterSpace.NAMES;
        ParameterSpace space = trainSpec.space();
        double[][] ranges = new double[params.size()][];
        for (int k = 0; k < ranges.length; k++) { Parameter p = space.parameters().get(k); ranges[k] = new double[]{p.min(), p.max()}; }

        boolean pca = o.representation().equals("pca");
        boolean broad = o.representation().equals("broadening");
        Rebroadening rb = broad ? Rebroadening.seed003(Ions.get(o.ion())) : null;
        SpectraDataset[] ntv = null;
        if (broad) {
            ntv = new SpectraDataset[]{narrow(tv[0], rb, "narrow-train", o, pr, pf, listener), narrow(tv[1], rb, "narrow-validation", o, pr, pf, listener)};
            dataWall += pr.wallSeconds.get("data_narrow-train") + pr.wallSeconds.get("data_narrow-validation");
        }
        PrincipalBasis basis = null;
        if (pca) {
            Path bf = o.work().resolve("pca.json");
            if (Files.isRegularFile(bf)) basis = GSON.fromJson(Files.readString(bf), PrincipalBasis.class);
            else { basis = PrincipalBasis.fit(tv[0].spectra().toArray(), PCA_SHARE); Files.writeString(bf, GSON.toJson(basis)); }
        }
        // members
        if (pr.memberBudgetSeconds == null) {
            int rounds = (o.members() + o.parallelMembers() - 1) / o.parallelMembers();
            pr.memberBudgetSeconds = o.cpuBudget() ? o.budgetMinutes() * 60 / o.members() : Math.max(60, (o.budgetMinutes() * 60 - dataWall) / rounds);
            save(pf, pr);
        }
        GeneratorSpec spec = new GeneratorSpec(DatasetTraining.inputSize(broad ? SHAPE_PARAMETERS.size() : params.size(), 3), GeneratorSpec.Arch.DNN, 260, 160,
                o.layers(), o.units(), 1, pca ? basis.size() : broad ? rb.narrowChannels() : all.channels(), 0);
        if (broad) trainMembers(o, spec, ntv, SHAPE_PARAMETERS, null, pr, pf, listener);
        else trainMembers(o, spec, tv, params, basis, pr, pf, listener);
        List<TrainedModel> ms = new ArrayList<>();
        for (int k = 0; k < o.members(); k++) ms.add(ModelFiles.load(o.work().resolve("member-" + k)));

        // test data (not counted in the budget: evaluation only)
        generate(testSpec, testDb, "data_test", o, pr, pf, listener);
        SpectraDataset test = ShardedDatabase.load(testDb);
        float[][] xt = DatasetTraining.columns(test, params), yt = test.spectra().toArray();
        float[][] xv = DatasetTraining.columns(tv[1], params), yv = tv[1].spectra().toArray();

        Map<String, Object> res = new LinkedHashMap<>();
        res.put("ion", o.ion());
        res.put("test_count", test.size());
        float[][] pred;
        double[] predictedSe = null;
        SurrogateEnsemble ens = null;
        if (o.members() >= 2) {
            ens = new SurrogateEnsemble(ms, ranges, 1.0).calibrated(xv, yv);
            UncertainPrediction[] up = ens.predictWithUncertainty(xt);
            pred = new float[up.length][];
            predictedSe = new double[up.length];
            for (int i = 0; i < up.length; i++) { pred[i] = up[i].spectrum(); predictedSe[i] = up[i].predictedSe(); }
        } else if (broad) {
            float[][] narrowPred = ms.get(0).predict(DatasetTraining.columns(test, SHAPE_PARAMETERS));
            pred = rebroaden(rb, narrowPred, test);
            // the operator's own error: the engine's narrow spectra of the test set, broadened exactly
            SpectraDataset nt = narrow(test, rb, "narrow-test", o, pr, pf, listener);
            float[][] exact = rebroaden(rb, nt.spectra().toArray(), test);
            double[] seExact = new double[exact.length];
            for (int i = 0; i < exact.length; i++) seExact[i] = SpectrumError.se(exact[i], yt[i]);
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("method", "Rebroadening: Lorentzian FWHM (gamma - " + rb.baseFwhmEv() + " eV) on the Catmull-Rom interpolant of the narrow spectrum, "
                    + "switch at " + rb.switchEv() + " eV, then the Gaussian, then box normalisation");
            op.put("narrow_channels", rb.narrowChannels());
            op.put("exact_narrow_test_se_median", median(seExact));
            op.put("exact_narrow_test_se_max", Arrays.stream(seExact).max().orElse(Double.NaN));
            op.put("exact_narrow_test_mse", mse(exact, yt));
            res.put("rebroadening_operator", op);
        } else {
            pred = pca ? basis.reconstruct(ms.get(0).predict(DatasetTraining.expand(xt, 3))) : ms.get(0).predict(xt);
        }
        double[] se = new double[pred.length];
        for (int i = 0; i < se.length; i++) se[i] = SpectrumError.se(pred[i], yt[i]);
        res.put("se_below_3pct_share", share(se, 0.03));
        res.put("se_below_7pct_share", share(se, 0.07));
        res.put("se_below_3pct_share_without_half", share(se, 0.015)); // SE without the 1/2 is twice ours
        res.put("se_below_7pct_share_without_half", share(se, 0.035));
        res.put("median_se", median(se));
        res.put("se_by_parameter_tercile", byTercile(test, se));
        res.put("median_se_without_half", 2 * median(se));
        res.put("test_mse", mse(pred, yt));
        res.put("paper_mse", PAPER_MSE.getOrDefault(o.ion(), Double.NaN));
        res.put("mean_spectrum_mse", mse(meanRows(tv[0].spectra().toArray(), yt.length), yt));
        res.put("mse_over_mean_spectrum_mse", (Double) res.get("test_mse") / (Double) res.get("mean_spectrum_mse"));
        res.put("engine_spectra", o.trainCount());
        // members trained at once (parallelMembers) share the wall clock and the process: each member's wall and
        // process-CPU seconds cover the whole round, so a round of P members counts its longest member once
        double trainWall = 0, trainCpu = 0, roundWall = 0, roundCpu = 0;
        for (int k = 0; k < o.members(); k++) {
            roundWall = Math.max(roundWall, pr.wallSeconds.getOrDefault("member_" + k, 0.0));
            roundCpu = Math.max(roundCpu, pr.cpuSeconds.getOrDefault("member_" + k, 0.0));
            if ((k + 1) % o.parallelMembers() == 0 || k == o.members() - 1) { trainWall += roundWall; trainCpu += roundCpu; roundWall = 0; roundCpu = 0; }
        }
        res.put("wall_seconds", dataWall + trainWall);
        res.put("data_wall_seconds", dataWall);
        res.put("training_wall_seconds", trainWall);
        res.put("training_cpu_seconds", trainCpu);
        res.put("budget_minutes", o.budgetMinutes());
        res.put("budget_kind", o.cpuBudget() ? "training CPU minutes (all members)" : "wall minutes, data plus training");
        res.put("seed", o.seed());
        res.put("test_seed", o.seed() + 1);
        if (predictedSe != null) {
            res.put("uncertainty_method", "deep ensemble of " + o.members() + " (seeds " + o.seed() + ".." + (o.seed() + o.members() - 1)
                    + "), disagreement = mean SE(member, mean), calibrated on the validation split");
            res.put("uncertainty_se_scale", ens.seScale());
            res.put("spearman_predicted_vs_actual_se", Ranks.spearman(predictedSe, se));
        }
        if (o.oodCount() > 0) {
            DatabaseSpec oodSpec = new DatabaseSpec(o.ion(), o.oodCount(), Preset.C4V, Sampler.LHS, o.seed() + 2, 1000);
            generate(oodSpec, oodDb, "data_c4v", o, pr, pf, listener);
            SpectraDataset ood = ShardedDatabase.load(oodDb);
            float[][] xo = DatasetTraining.columns(ood, params), yo = ood.spectra().toArray();
            org.coreloss.eval.Predictor p = ens != null ? ens : pca || broad ? null : new SurrogateEnsemble(List.of(ms.get(0), ms.get(0)), ranges, 1.0);
            if (p != null) {
            int outside = 0, flaggedOutside = 0, inside = 0, flaggedInside = 0;
            float[][] po = p.predict(xo);
            List<Double> seOut = new ArrayList<>(), seIn = new ArrayList<>();
            for (int i = 0; i < xo.length; i++) {
                boolean out2 = false;
                for (int k = 0; k < ranges.length; k++) out2 |= !(xo[i][k] >= ranges[k][0] && xo[i][k] <= ranges[k][1]);
                boolean flag = p.outOfDomain(xo[i]);
                if (out2) { outside++; if (flag) flaggedOutside++; seOut.add(SpectrumError.se(po[i], yo[i])); }
                else { inside++; if (flag) flaggedInside++; seIn.add(SpectrumError.se(po[i], yo[i])); }
            }
            int testFlagged = 0;
            for (float[] x : xt) if (p.outOfDomain(x)) testFlagged++;
            Map<String, Object> od = new LinkedHashMap<>();
            od.put("c4v_count", xo.length);
            od.put("c4v_outside", outside);
            od.put("c4v_outside_flagged", flaggedOutside);
            od.put("c4v_inside", inside);
            od.put("c4v_inside_flagged", flaggedInside);
            od.put("d4h_test_flagged", testFlagged);
            od.put("c4v_outside_median_se", seOut.isEmpty() ? Double.NaN : median(seOut.stream().mapToDouble(d -> d).toArray()));
            od.put("c4v_outside_se_below_3pct_share", seOut.isEmpty() ? Double.NaN : share(seOut.stream().mapToDouble(d -> d).toArray(), 0.03));
            res.put("out_of_domain", od);
            }
        }
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("network", spec.toString());
        setup.put("parameters", spec.parameterCount());
        setup.put("features", broad ? "6 Table 1 parameters (" + String.join(", ", SHAPE_PARAMETERS) + ") -> monomials of degree <= 3 (84); "
                + "the 3 broadening parameters are applied exactly (Rebroadening)" : "9 Table 1 parameters -> monomials of degree <= 3 (220)");
        setup.put("targets", broad ? "narrow spectra (Lorentzian FWHM " + rb.baseFwhmEv() + " eV, no Gaussian, " + rb.narrowChannels()
                + " channels on the window widened by " + rb.margin() + " channels per side, maximum 1), centred per channel, one common scale; "
                + "early stopping on the narrow spectra's validation MSE" : pca ? "coefficients of " + basis.size() + " principal components of the training spectra (variance share "
                + basis.keptShare() + "), centred, one common scale" : "spectra centred per channel, one common scale (Trainer)");
        setup.put("representation", o.representation());
        setup.put("sampler", "lhs (per shard), d4h preset, Table 1 ranges");
        setup.put("train_rows", tv[0].size());
        setup.put("validation_rows", tv[1].size());
        setup.put("batch", o.batch());
        setup.put("learning_rate", o.learningRate());
        setup.put("lr_decay_per_epoch", o.lrDecay());
        setup.put("max_epochs", o.maxEpochs());
        setup.put("patience", o.patience());
        setup.put("members", o.members());
        setup.put("member_budget_seconds", pr.memberBudgetSeconds);
        setup.put("epochs_per_member", pr.epochs);
        setup.put("best_validation_mse_per_member", pr.bestValidationMse);
        setup.put("sim_threads", o.simThreads());
        setup.put("nn_threads", o.nnThreads());
        setup.put("parallel_members", o.parallelMembers());
        res.put("setup", setup);
        Map<String, Object> machine = new LinkedHashMap<>();
        pr.loadAverages.add(load());
        save(pf, pr);
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("load_average_1min_at_run_starts_and_end", pr.loadAverages);
        machine.put("runs", pr.runs);
        machine.put("note", "2-core VM shared with other engineers' jobs; wall times include waiting for the CPU");
        res.put("machine", machine);
        res.put("stage_wall_seconds", pr.wallSeconds);
        res.put("created_utc", Instant.now().toString());
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Path tmp = org.coreloss.data.io.AtomicFiles.createTempFile(out.toAbsolutePath().getParent(), "." + out.getFileName(), ".tmp");
            Files.writeString(tmp, GSON.toJson(res) + "\n");
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return res;
    }

    /** Dq, Ds, Dt, S1, S2, T: the parameters that shape the sticks (the broadening representation's inputs). */
    public static final List<String> SHAPE_PARAMETERS = ParameterSpace.NAMES.subList(0, 6);

    /** Engine-exact narrow spectra of a dataset's parameter rows, cached as a dataset folder in the work folder. */
    private static SpectraDataset narrow(SpectraDataset ds, Rebroadening rb, String name, Options o, Progress pr, Path pf, ProgressListener l) throws IOException {
        Path f = o.work().resolve(name);
        String key = "data_" + name;
        if (Files.isRegularFile(f.resolve(org.coreloss.data.io.DatasetFolderFormat.MANIFEST)) && pr.wallSeconds.containsKey(key)) {
            SpectraDataset cached = new org.coreloss.data.io.DatasetFolderFormat().read(f);
            if (cached.size() == ds.size()) return cached;
        }
        long t0 = System.nanoTime();
        double[][] v = ds.labels(ParameterSpace.NAMES.toArray(new String[0]));
        List<org.coreloss.multiplet.MultipletParameters> ps = new ArrayList<>();
        for (double[] row : v) ps.add(ParameterSpace.toMultipletParameters(row));
        org.coreloss.spectrum.SpectrumMatrix m = DatabaseGenerator.newEngine().narrowSpectra(Ions.get(o.ion()), ps, rb, o.simThreads(), l);
        SpectraDataset out = SpectraDataset.wrap(name, m, ds.table());
        new org.coreloss.data.io.DatasetFolderFormat().write(out, f);
        pr.wallSeconds.put(key, (System.nanoTime() - t0) / 1e9);
        save(pf, pr);
        return out;
    }

    /** Exact broadening of narrow spectra with each test row's Gaussian and Lorentzian FWHMs, box-normalised. */
    static float[][] rebroaden(Rebroadening rb, float[][] narrow, SpectraDataset rows) {
        double[][] w = rows.labels(ParameterSpace.NAMES.subList(6, 9).toArray(new String[0]));
        float[][] out = new float[narrow.length][];
        java.util.stream.IntStream.range(0, narrow.length).parallel().forEach(i -> {
            double[] y = rb.broaden(narrow[i], w[i][0], w[i][1], w[i][2], true);
            float[] f = new float[y.length];
            for (int j = 0; j < y.length; j++) f[j] = (float) y[j];
            out[i] = f;
        });
        return out;
    }

    /**
     * Where the errors are: for each of the nine parameters, the test rows split into thirds by that parameter's value
     * (low, middle, high), with each third's value range and its shares below SE 3 % and 7 % and median SE.
     */
    static Map<String, Object> byTercile(SpectraDataset test, double[] se) {
        Map<String, Object> out = new LinkedHashMap<>();
        double[][] v = test.labels(ParameterSpace.NAMES.toArray(new String[0]));
        int n = se.length;
        for (int k = 0; k < ParameterSpace.NAMES.size(); k++) {
            final int kk = k;
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            Arrays.sort(idx, (a, b) -> Double.compare(v[a][kk], v[b][kk]));
            List<Map<String, Object>> thirds = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int lo = n * t / 3, hi = n * (t + 1) / 3;
                double[] part = new double[hi - lo];
                for (int i = lo; i < hi; i++) part[i - lo] = se[idx[i]];
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("min", v[idx[lo]][kk]);
                m.put("max", v[idx[hi - 1]][kk]);
                m.put("count", hi - lo);
                m.put("se_below_3pct_share", share(part, 0.03));
                m.put("se_below_7pct_share", share(part, 0.07));
                m.put("median_se", median(part));
                thirds.add(m);
            }
            out.put(ParameterSpace.NAMES.get(k), thirds);
        }
        return out;
    }

    private static void generate(DatabaseSpec spec, Path db, String key, Options o, Progress pr, Path pf, ProgressListener l) throws IOException {
        if (Files.isRegularFile(db.resolve(DatabaseGenerator.DATABASE)) && pr.wallSeconds.containsKey(key)) return;
        DatabaseGenerator.Result r = DatabaseGenerator.generate(spec, db, o.simThreads(), l);
        pr.wallSeconds.merge(key, r.seconds(), Double::sum);
        save(pf, pr);
    }

    private static void save(Path pf, Progress pr) throws IOException {
        Path tmp = org.coreloss.data.io.AtomicFiles.createTempFile(pf.toAbsolutePath().getParent(), ".progress", ".tmp");
        Files.writeString(tmp, GSON.toJson(pr));
        Files.move(tmp, pf, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static double load() { return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(); }

    static double share(double[] v, double below) {
        int n = 0;
        for (double x : v) if (x < below) n++;
        return (double) n / v.length;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    static double mse(float[][] p, float[][] y) {
        double s = 0;
        long n = 0;
        for (int i = 0; i < p.length; i++) for (int j = 0; j < p[i].length; j++) { double d = p[i][j] - y[i][j]; s += d * d; n++; }
        return s / n;
    }

    static float[][] meanRows(float[][] train, int rows) {
        int c = train[0].length;
        double[] m = new double[c];
        for (float[] r : train) for (int j = 0; j < c; j++) m[j] += r[j];
        float[] f = new float[c];
        for (int j = 0; j < c; j++) f[j] = (float) (m[j] / train.length);
        float[][] out = new float[rows][];
        Arrays.fill(out, f);
        return out;
    }
}
