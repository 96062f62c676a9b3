package org.coreloss.fit.bench;

import org.coreloss.data.io.ColumnSpectrum;
import org.coreloss.fit.Calibration;
import org.coreloss.fit.FitOptions;
import org.coreloss.fit.FitResult;
import org.coreloss.fit.FitSetup;
import org.coreloss.fit.Fitter;
import org.coreloss.fit.SpectrumModel;

import java.util.Locale;

/**
 * One complete fit (global search, least squares, posterior) per ion on a simulated SNR-100 spectrum
 * (calibration case 0 of seed 1), engine forward model, one thread. Prints
 * {@code BENCH fit_seconds_<ion> <wall> s} and {@code BENCH fit_cpu_seconds_<ion> <cpu> s}.
 * Args: ion names (default Ni2+ Fe3+).
 */
public final class FitBench {
    public static void main(String[] args) {
        String[] ions = args.length > 0 ? args : new String[] {"Ni2+", "Fe3+"};
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("command", "environment/bench.d/70-fit " + String.join(" ", ions));
        out.put("load_average_at_start", readLoad());
        out.put("cores", Runtime.getRuntime().availableProcessors());
        // forward-model cost per spectrum with a new Hamiltonian (cache miss): CPU ms of this thread, median of 15
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Object> cost = new java.util.LinkedHashMap<>();
        for (String ion : new String[] {"Cu2+", "Ni2+", "Co2+", "Ni3+", "Fe3+", "Mn2+", "Mn4+", "Mn3+"}) {
            org.coreloss.fit.EngineForwardModel fm = new org.coreloss.fit.EngineForwardModel(org.coreloss.multiplet.Ions.get(ion));
            SpectrumModel m = new SpectrumModel(fm, Calibration.seed003Energies(org.coreloss.multiplet.Ions.get(ion)));
            double[] th = Calibration.drawTruth(ion, 1);
            m.lineShape(th);
            double[] t = new double[15];
            for (int i = 0; i < t.length; i++) {
                th[SpectrumModel.DQ] = 0.05 + 0.005 * i;
                long c0 = mx.getCurrentThreadCpuTime();
                m.lineShape(th);
                t[i] = (mx.getCurrentThreadCpuTime() - c0) * 1e-6;
            }
            java.util.Arrays.sort(t);
            cost.put(ion, t[t.length / 2]);
            System.out.printf(Locale.ROOT, "BENCH fit_forward_cpu_ms_%s %.3f ms%n", ion, t[t.length / 2]);
        }
        out.put("forward_model_cpu_ms_per_spectrum", cost);
        for (String ion : ions) {
            long seed = 100003L; // calibration seed 1, case 0
            double[] truth = Calibration.drawTruth(ion, seed);
            ColumnSpectrum data = Calibration.simulate(ion, truth, 100, seed);
            FitResult r = Fitter.fit(data, FitSetup.simulated(ion, truth[SpectrumModel.T]), FitOptions.defaults(seed));
            System.err.printf(Locale.ROOT, "%s: %s; stages %s; %d engine calls%n", ion, r.samplerMode(), r.seconds(), r.simulatorCalls());
            System.out.printf(Locale.ROOT, "BENCH fit_seconds_%s %.2f s%n", ion, r.totalSeconds());
            System.out.printf(Locale.ROOT, "BENCH fit_cpu_seconds_%s %.2f s%n", ion, r.cpuSeconds());
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("fit_seconds", r.totalSeconds());
            m.put("fit_cpu_seconds", r.cpuSeconds());
            m.put("stages_seconds", r.seconds());
            m.put("sampler", r.samplerMode());
            m.put("engine_calls", r.simulatorCalls());
            out.put(ion, m);
        }
        try {
            java.nio.file.Path p = java.nio.file.Path.of("results/fit/bench.json");
            java.nio.file.Files.createDirectories(p.getParent());
            java.nio.file.Files.writeString(p, new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(out) + "\n");
        } catch (java.io.IOException e) {
            System.err.println("could not write results/fit/bench.json: " + e.getMessage());
        }
    }

    private static String readLoad() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
