package org.coreloss.eval.bench;

import java.util.SplittableRandom;
import org.coreloss.eval.ExtrapolationAnalysis;
import org.coreloss.eval.SpectrumError;
import org.coreloss.eval.SpectrumEvaluation;
import org.coreloss.plot.Figure;
import org.coreloss.plot.Figures;
import org.coreloss.plot.Plots;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;

/**
 * Benchmark of the seed-003 evaluation at the paper's scale (10 000 test spectra x 501 channels):
 * SE throughput, the full evaluation (SE, intervals, misfits, k-means, correlations), the GP
 * extrapolation fit, and figure rendering. Prints {@code BENCH name value unit} lines.
 */
public final class EvalBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000, c = 501;
        EnergyGrid g = EnergyGrid.uniform(635, 665, c);
        SplittableRandom r = new SplittableRandom(1);
        float[] ref = new float[n * c], pred = new float[n * c];
        for (int j = 0; j < n; j++) {
            double s = 0.3 * (r.nextDouble() - 0.5), e3 = 0.05 * (r.nextDouble() - 0.5), e2 = 0.1 * (r.nextDouble() - 0.5);
            for (int i = 0; i < c; i++) {
                double e = g.energyEv(i);
                double l3 = Math.exp(-0.5 * Math.pow((e - 640 - s) / 0.8, 2)), l2 = 0.4 * Math.exp(-0.5 * Math.pow((e - 652 - s) / 1.0, 2));
                ref[j * c + i] = (float) (l3 + l2);
                pred[j * c + i] = (float) ((1 + e3) * l3 + (1 + e2) * l2);
            }
        }
        SpectrumMatrix p = new SpectrumMatrix(g, n, pred), a = new SpectrumMatrix(g, n, ref);
        for (int w = 0; w < 3; w++) SpectrumError.se(p, a); // warm-up
        long t0 = System.nanoTime();
        int reps = 5;
        for (int k = 0; k < reps; k++) SpectrumError.se(p, a);
        double seS = (System.nanoTime() - t0) / 1e9 / reps;
        System.out.printf("BENCH eval.se_spectra_per_s %.0f spectra/s%n", n / seS);
        t0 = System.nanoTime();
        SpectrumEvaluation ev = SpectrumEvaluation.of("bench", p, a, SpectrumEvaluation.Options.defaults(1));
        System.out.printf("BENCH eval.full_evaluation_%d_spectra %.3f s%n", n, (System.nanoTime() - t0) / 1e9);
        double[] dq = new double[n], se = new double[n];
        for (int j = 0; j < n; j++) { dq[j] = -0.2 * r.nextDouble(); se[j] = 0.02 + 3 * dq[j] * dq[j] * r.nextDouble(); }
        t0 = System.nanoTime();
        ExtrapolationAnalysis ex = ExtrapolationAnalysis.of(dq, se, ExtrapolationAnalysis.Options.of(0.05, 0, 1));
        System.out.printf("BENCH eval.extrapolation_gp_300_points %.3f s%n", (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        Figure f = Plots.misfitScatter(ev, 6);
        System.out.printf("BENCH plot.mepd_figure_build %.3f s%n", (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        byte[] png = Figures.png(f);
        System.out.printf("BENCH plot.mepd_png_300dpi %.3f s%n", (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        String svg = Figures.svg(Plots.extrapolation("bench", "Dq (eV)", ex));
        System.out.printf("BENCH plot.extrapolation_svg %.3f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.printf("BENCH plot.mepd_png_size %d bytes%n", png.length);
        if (svg.isEmpty() || ev.intervals().total() != n) throw new IllegalStateException("benchmark sanity check failed");
    }
}
