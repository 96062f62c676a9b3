import java.util.*;
import org.coreloss.spectrum.*;
import org.coreloss.multiplet.*;
import org.coreloss.simulate.CrystalFieldDos;
import org.coreloss.data.*;
import org.coreloss.preprocess.*;
import org.coreloss.nn.*;
import org.coreloss.eval.*;
import org.coreloss.progress.ProgressListener;

/**
 * Seed robustness of the paper-002 notebook's full mode (docs/paper-002.md): rebuilds the notebook's data and
 * split (seed 2) and trains the without/with-scalar generators with other training seeds, printing one RESULT
 * line per model (epochs, best validation MSE, test MSE mean/median, SE mean/median, seconds).
 *
 * <p>Usage (from the repository root, after environment/setup):
 * {@code javac -d build/p002 -cp target/coreloss-0.1.0-SNAPSHOT.jar tools/P002Seeds.java &&
 * java -cp build/p002:target/coreloss-0.1.0-SNAPSHOT.jar P002Seeds a 3,4 [1]} where the first argument is the
 * part (a: Ni2+ DOS -> L edge, 8,000 multiplet spectra; b: S XES -> XANES), the second the training seeds,
 * and an optional 1 sets one ND4J thread.
 */
public class P002Seeds {
    static float[][] rows(float[][] a, int[] idx) { float[][] o = new float[idx.length][]; for (int i = 0; i < idx.length; i++) o[i] = a[idx[i]]; return o; }
    static double[] mse(float[][] p, float[][] y) {
        double[] m = new double[p.length];
        for (int i = 0; i < p.length; i++) { double s = 0; for (int j = 0; j < p[i].length; j++) { double d = p[i][j] - y[i][j]; s += d * d; } m[i] = s / p[i].length; }
        return m;
    }
    static double median(double[] a) { double[] s = a.clone(); Arrays.sort(s); return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]); }
    static double mean(double[] a) { return Arrays.stream(a).average().orElse(Double.NaN); }
    static float[] maxNormalised(float[] a) { float m = 0; for (float v : a) m = Math.max(m, v); float[] o = a.clone(); for (int i = 0; i < o.length; i++) o[i] /= m; return o; }

    static void report(String name, long seed, TrainingResult r, double secs, float[][] xt, float[][] yt, EnergyGrid grid) {
        float[][] p = r.model().predict(xt);
        double[] m = mse(p, yt);
        double[] se = SpectrumError.se(SpectrumMatrix.of(grid, p), SpectrumMatrix.of(grid, yt));
        System.out.printf(Locale.ROOT, "RESULT %-22s seed %d epochs %3d best %3d val %.3e | test MSE mean %.3e median %.3e | SE mean %.4f median %.4f | %.1f s (%.2f s/epoch)%n",
            name, seed, r.epochsRun(), r.bestEpoch(), r.bestValidationLoss(), mean(m), median(m), mean(se), median(se), secs, secs / r.epochsRun());
        List<Double> v = r.validationLoss();
        StringBuilder sb = new StringBuilder("  val curve:");
        for (int e = 0; e < v.size(); e += Math.max(1, v.size() / 12)) sb.append(String.format(Locale.ROOT, " %d:%.2e", e + 1, v.get(e)));
        System.out.println(sb);
    }

    public static void main(String[] args) {
        String part = args[0];
        long SEED = 2;
        if (args.length > 2 && args[2].equals("1")) ComputeThreads.set(1);
        long[] seeds = Arrays.stream(args[1].split(",")).mapToLong(Long::parseLong).toArray();
        if (part.equals("a")) {
            int N = 8000;
            Ion ION = Ions.get("Ni2+");
            SplittableRandom rnd = new SplittableRandom(SEED);
            List<MultipletParameters> PARAMS = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                double dq = 0.2 * rnd.nextDouble(), ds = -0.4 + 0.8 * rnd.nextDouble(), dt = -0.2 + 0.4 * rnd.nextDouble();
                double s1 = 0.6 + 0.4 * rnd.nextDouble(), s2 = 0.6 + 0.4 * rnd.nextDouble();
                PARAMS.add(MultipletParameters.of(dq, ds, dt, s1, s2, 300, 0.1, 0.4, 0.6));
            }
            MultipletEngine ENGINE = new MultipletEngine();
            SpectrumMatrix SP = ENGINE.spectra(ION, PARAMS, 2, ProgressListener.NONE);
            int[] EVERY2 = java.util.stream.IntStream.range(0, 251).map(j -> 2 * j).toArray();
            double[] eAll = SP.grid().energiesEv();
            float[][] Y = new float[N][251];
            for (int i = 0; i < N; i++) for (int j = 0; j < 251; j++) Y[i][j] = SP.get(i, EVERY2[j]);
            EnergyGrid GRID = EnergyGrid.of(Arrays.stream(EVERY2).mapToDouble(j -> eAll[j]).toArray());
            CrystalFieldDos DOS = CrystalFieldDos.uniform(-4, 4, 161, 0.2);
            float[][] X = new float[N][], XG = new float[N][];
            for (int i = 0; i < N; i++) {
                MultipletParameters p = PARAMS.get(i);
                X[i] = DOS.densityFloat(p.initialCrystalField());
                XG[i] = Arrays.copyOf(X[i], X[i].length + 1);
                XG[i][X[i].length] = (float) CrystalFieldDos.excitationGapEv(ENGINE.levels(ION, p).initialEv(), 0.01);
            }
            Splits.Split S = Splits.trainValidationTest(N, 0.1, SEED);
            for (long seed : seeds) {
                TrainingOptions opt = TrainingOptions.defaults(seed).withEpochs(120).withBatchSize(64).withLearningRate(1e-3, 0.985).withPatience(30);
                for (int k = 0; k < 2; k++) {
                    float[][] x = k == 0 ? X : XG;
                    GeneratorSpec spec = new GeneratorSpec(x[0].length, GeneratorSpec.Arch.DNN, 128, 128, 1, 256, 1, GRID.size(), 0);
                    long t0 = System.nanoTime();
                    TrainingResult r = Trainer.fit(spec, rows(x, S.train()), rows(Y, S.train()), rows(x, S.validation()), rows(Y, S.validation()), opt, ProgressListener.NONE);
                    report(k == 0 ? "(a) DOS only" : "(a) DOS + gap", seed, r, (System.nanoTime() - t0) / 1e9, rows(x, S.test()), rows(Y, S.test()), GRID);
                }
            }
        } else {
            SpectraDataset XANES = Datasets.load("s-k-seidler"), XES = Datasets.load("s-k-seidler-xes");
            SpectraDataset XES_R = Resample.uniform(2445, 2480, 200).apply(XES), XANES_R = Resample.uniform(2467, 2498, 250).apply(XANES);
            double[] ox = XANES.label("oxidation_state");
            List<float[]> xb = new ArrayList<>(), xbs = new ArrayList<>(), yb = new ArrayList<>();
            for (int i = 0; i < XANES.size(); i++) {
                int k = XES.indexOf(XANES.id(i));
                if (k < 0 || Double.isNaN(ox[i])) continue;
                float[] x = maxNormalised(XES_R.spectra().row(k));
                xb.add(x);
                float[] xs = Arrays.copyOf(x, x.length + 1); xs[x.length] = (float) ox[i];
                xbs.add(xs);
                yb.add(maxNormalised(XANES_R.spectra().row(i)));
            }
            float[][] X = xb.toArray(new float[0][]), XO = xbs.toArray(new float[0][]), Y = yb.toArray(new float[0][]);
            Splits.Split S = Splits.trainValidationTest(Y.length, 0.15, SEED);
            EnergyGrid GRID = XANES_R.grid();
            for (long seed : seeds) {
                TrainingOptions opt = TrainingOptions.defaults(seed).withEpochs(300).withBatchSize(32).withLearningRate(1e-3, 0.995).withPatience(60);
                for (int k = 0; k < 2; k++) {
                    float[][] x = k == 0 ? X : XO;
                    GeneratorSpec spec = new GeneratorSpec(x[0].length, GeneratorSpec.Arch.DNN, 128, 128, 1, 256, 1, Y[0].length, 0);
                    long t0 = System.nanoTime();
                    TrainingResult r = Trainer.fit(spec, rows(x, S.train()), rows(Y, S.train()), rows(x, S.validation()), rows(Y, S.validation()), opt, ProgressListener.NONE);
                    report(k == 0 ? "(b) XES only" : "(b) XES + ox. state", seed, r, (System.nanoTime() - t0) / 1e9, rows(x, S.test()), rows(Y, S.test()), GRID);
                }
            }
        }
    }
}
