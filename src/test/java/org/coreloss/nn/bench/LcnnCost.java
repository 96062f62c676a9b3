package org.coreloss.nn.bench;

import org.coreloss.nn.GeneratorSpec;
import org.coreloss.nn.Trainer;
import org.coreloss.nn.TrainingOptions;
import org.coreloss.progress.ProgressListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Training cost of the seed-003 generator kinds at the CPU defaults (GeneratorSpec.cpuDefault: 220 inputs, 5
 * characteristic layers, DNN 1000 neurons, conv kinds 16 filters of width 9, 501 channels), one thread: CPU
 * seconds of this process per 1,000 training samples (batch 256, after a warm-up epoch), and the ratio to CNN.
 * Usage: {@code LcnnCost OUT.json [samples]}. Prints BENCH lines.
 */
public final class LcnnCost {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Map<String, Object> res = new LinkedHashMap<>();
        Map<String, Double> cpuPer1k = new LinkedHashMap<>();
        for (GeneratorSpec.Arch a : new GeneratorSpec.Arch[]{GeneratorSpec.Arch.DNN, GeneratorSpec.Arch.CNN, GeneratorSpec.Arch.LCNN}) {
            GeneratorSpec s = GeneratorSpec.cpuDefault(220, a, 5, 501, 0);
            SplittableRandom r = new SplittableRandom(1);
            float[][] x = new float[n][220], y = new float[n][501];
            for (float[] row : x) for (int j = 0; j < row.length; j++) row[j] = (float) r.nextGaussian();
            for (float[] row : y) for (int j = 0; j < row.length; j++) row[j] = (float) r.nextDouble();
            TrainingOptions o = new TrainingOptions(1, 256, 1e-3, 1.0, 1000, 1, null, 1);
            Trainer.fit(s, x, y, o, ProgressListener.NONE); // warm-up
            long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
            Trainer.fit(s, x, y, o.withEpochs(2), ProgressListener.NONE);
            double cpu = (os.getProcessCpuTime() - c0) * 1e-9, wall = (System.nanoTime() - t0) * 1e-9;
            double per1k = cpu / (2.0 * n) * 1000;
            cpuPer1k.put(a.name(), per1k);
            System.out.printf(Locale.ROOT, "BENCH generator_%s_cpu_s_per_1k_samples %.3f s (wall %.1f s, %d params)%n", a, per1k, wall, s.parameterCount());
        }
        res.put("networks", "GeneratorSpec.cpuDefault(220, arch, 5, 501, 0)");
        res.put("cpu_seconds_per_1000_samples", cpuPer1k);
        res.put("lcnn_over_cnn", cpuPer1k.get("LCNN") / cpuPer1k.get("CNN"));
        res.put("lcnn_over_dnn", cpuPer1k.get("LCNN") / cpuPer1k.get("DNN"));
        res.put("samples_per_epoch", n);
        res.put("epochs_timed", 2);
        res.put("load_average_1min", os.getSystemLoadAverage());
        res.put("command", "LcnnCost " + out + " " + n);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(res) + "\n");
        System.out.printf(Locale.ROOT, "BENCH lcnn_over_cnn %.1f x%n", cpuPer1k.get("LCNN") / cpuPer1k.get("CNN"));
    }
}
