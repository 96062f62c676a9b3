package org.coreloss.multiplet.bench;

import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.multiplet.Solver;
import org.coreloss.progress.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark of the multiplet engine (not a unit test; run by environment/bench.d/40-multiplet).
 * Prints {@code BENCH <name> <value> <unit>} lines:
 * <ul>
 * <li>{@code multiplet_ms_<ion>} (wall clock) and {@code multiplet_cpu_ms_<ion>} (thread CPU
 *     time, robust on a shared machine): one seed-003 spectrum (full pipeline: diagonalisation, sticks,
 *     broadening, normalisation), one thread, median over repeats after warm-up, fresh random
 *     Table-1 parameters every call (no cache hit).</li>
 * <li>{@code multiplet_spectra_per_s_2threads}: the batch API on 2 threads over all 22 ions.</li>
 * <li>{@code multiplet_speedup_vs_dense_d4}: Fe4+ (d4), same parameters, dense complex Hermitian
 *     zheevd path (one 1512 x 1512 matrix, all vectors) over the blocked path, both full pipeline.</li>
 * </ul>
 * Arguments: {@code [quick]} for fewer repeats; {@code ions=Ni2+,Fe4+} to restrict.
 */
public final class MultipletBench {
    private static final java.lang.management.ThreadMXBean TB = java.lang.management.ManagementFactory.getThreadMXBean();

    private MultipletBench() {}

    /** Uniform sample inside seed 003 Table 1. */
    public static MultipletParameters table1(SplittableRandom r) {
        return MultipletParameters.of(r.nextDouble(0.0, 0.2), r.nextDouble(-1.4, 1.4), r.nextDouble(-0.8, 0.8),
                r.nextDouble(0.6, 1.0), r.nextDouble(0.6, 1.0), r.nextDouble(1, 1000), r.nextDouble(0.05, 0.2),
                r.nextDouble(0.3, 1.0), r.nextDouble(0.3, 1.2));
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    static boolean realLapackHealthy() {
        try {
            var m = Class.forName("org.coreloss.multiplet.Lapack").getDeclaredMethod("realLapackHealthy");
            m.setAccessible(true);
            return (Boolean) m.invoke(null);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    public static void main(String[] args) {
        boolean quick = Arrays.asList(args).contains("quick");
        List<Ion> ions = Ions.seed003();
        for (String a : args) {
            if (a.startsWith("ions=")) {
                ions = new ArrayList<>();
                for (String n : a.substring(5).split(",")) ions.add(Ions.get(n));
            }
        }
        SplittableRandom rnd = new SplittableRandom(2024);
        MultipletEngine engine = new MultipletEngine();
        for (Ion ion : ions) {
            engine.prepare(ion);
            int warm = quick ? 2 : 5;
            int reps = ion.finalDimension() >= 1000 ? (quick ? 5 : 11) : (quick ? 9 : 31);
            for (int i = 0; i < warm; i++) engine.spectrum(ion, table1(rnd));
            double[] ms = new double[reps], cpu = new double[reps];
            for (int i = 0; i < reps; i++) {
                MultipletParameters p = table1(rnd);
                long c0 = TB.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                engine.spectrum(ion, p);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (TB.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            System.out.printf(Locale.ROOT, "BENCH multiplet_ms_%s %.2f ms%n", ion.name(), median(ms));
            System.out.printf(Locale.ROOT, "BENCH multiplet_cpu_ms_%s %.2f ms%n", ion.name(), median(cpu));
        }

        // batch throughput on 2 threads over the 22 ions
        int per = quick ? 4 : 12;
        long t0 = System.nanoTime();
        int total = 0;
        for (Ion ion : ions) {
            List<MultipletParameters> ps = new ArrayList<>();
            for (int i = 0; i < per; i++) ps.add(table1(rnd));
            engine.spectra(ion, ps, 2, ProgressListener.NONE);
            total += per;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH multiplet_spectra_per_s_2threads %.2f spectra/s%n", total / s);

        // blocked vs dense complex on a d4 ion, same parameters
        Ion d4 = Ions.get("Fe4+");
        MultipletEngine dense = new MultipletEngine(MultipletEngine.Options.defaults().withSolver(Solver.DENSE_COMPLEX).withCacheSize(0));
        MultipletEngine blocked = new MultipletEngine(MultipletEngine.Options.defaults().withCacheSize(0));
        dense.prepare(d4);
        blocked.prepare(d4);
        int reps = quick ? 2 : 3;
        double[] td = new double[reps], tb = new double[reps], cd = new double[reps], cb = new double[reps];
        dense.spectrum(d4, table1(rnd));
        for (int k = 0; k < 3; k++) blocked.spectrum(d4, table1(rnd));
        for (int i = 0; i < reps; i++) {
            MultipletParameters p = table1(rnd);
            long ca = TB.getCurrentThreadCpuTime();
            long a = System.nanoTime();
            dense.spectrum(d4, p);
            long b = System.nanoTime();
            long cbb = TB.getCurrentThreadCpuTime();
            for (int k = 0; k < 3; k++) blocked.spectrum(d4, p);
            long c = System.nanoTime();
            long cc = TB.getCurrentThreadCpuTime();
            td[i] = (b - a) / 1e6;
            tb[i] = (c - b) / 3e6;
            cd[i] = (cbb - ca) / 1e6;
            cb[i] = (cc - cbb) / 3e6;
        }
        System.out.printf(Locale.ROOT, "BENCH multiplet_dense_complex_ms_Fe4+ %.1f ms%n", median(td));
        System.out.printf(Locale.ROOT, "BENCH multiplet_speedup_vs_dense_d4 %.1f x%n", median(td) / median(tb));
        System.out.printf(Locale.ROOT, "BENCH multiplet_speedup_vs_dense_d4_cpu %.1f x%n", median(cd) / median(cb));
        // blocking alone: dense real (same factored real solver, one 1512 block, no time-reversal pairing)
        MultipletEngine denseReal = new MultipletEngine(MultipletEngine.Options.defaults().withSolver(Solver.DENSE_REAL).withCacheSize(0));
        denseReal.prepare(d4);
        denseReal.spectrum(d4, table1(rnd));
        double[] cr = new double[reps], cb2 = new double[reps];
        for (int i = 0; i < reps; i++) {
            MultipletParameters p = table1(rnd);
            long a = TB.getCurrentThreadCpuTime();
            denseReal.spectrum(d4, p);
            long b = TB.getCurrentThreadCpuTime();
            for (int k = 0; k < 3; k++) blocked.spectrum(d4, p);
            long c = TB.getCurrentThreadCpuTime();
            cr[i] = (b - a) / 1e6;
            cb2[i] = (c - b) / 3e6;
        }
        System.out.printf(Locale.ROOT, "BENCH multiplet_speedup_vs_dense_real_d4_cpu %.1f x%n", median(cr) / median(cb2));
        System.err.println("native real LAPACK healthy: " + realLapackHealthy());
    }
}
