package org.coreloss.nn;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU cost of one training checkpoint of the seed-003 DNN-5 generator (220 -> 260 -> 160 -> 5 x 1000 -> 501,
 * 4.77 M parameters, RMSProp): the format-1 write (ModelSerializer zip of graph + updater, then {@code Nd4j.write}
 * of the best parameters, as the trainer did before) against the format-2 write ({@link Trainer.Checkpoints#write}).
 * User and system CPU seconds of this process from /proc/self/stat, median of {@code rounds} writes each.
 * Usage: {@code CheckpointCost OUT.json [rounds]}; prints {@code BENCH} lines and writes the JSON.
 */
public final class CheckpointCost {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        GeneratorSpec spec = GeneratorSpec.paper(220, GeneratorSpec.Arch.DNN, 5, 501, 0);
        ComputationGraph g = Networks.build(spec, 1, 1e-3);
        g.getUpdater(true);
        INDArray best = g.params().dup();
        Path dir = Files.createTempDirectory("cpcost");
        Trainer.State st = new Trainer.State(spec.toString(), 0, 0, 1.0, 0, new ArrayList<>(), new ArrayList<>());
        st.targets = Trainer.targetHandling(spec);
        Trainer.Checkpoints cp = new Trainer.Checkpoints(dir);
        double[][] old = new double[rounds][], neu = new double[rounds][];
        for (int r = 0; r < rounds; r++) {
            double[] t0 = cpu();
            ModelFiles.writeGraph(g, dir.resolve("last.zip"));
            try (DataOutputStream os = new DataOutputStream(Files.newOutputStream(dir.resolve("best.bin")))) { Nd4j.write(best, os); }
            double[] t1 = cpu();
            st.epochsDone = r + 1;
            cp.write(g, best, st);
            double[] t2 = cpu();
            old[r] = new double[]{t1[0] - t0[0], t1[1] - t0[1], t1[2] - t0[2]};
            neu[r] = new double[]{t2[0] - t1[0], t2[1] - t1[1], t2[2] - t1[2]};
        }
        double[] o = median(old), n = median(neu);
        String json = String.format(Locale.ROOT, "{\n  \"network\": \"%s\",\n  \"parameters\": %d,\n  \"rounds\": %d,\n"
                        + "  \"format1_user_s\": %.3f,\n  \"format1_system_s\": %.3f,\n  \"format1_wall_s\": %.3f,\n"
                        + "  \"format2_user_s\": %.3f,\n  \"format2_system_s\": %.3f,\n  \"format2_wall_s\": %.3f,\n"
                        + "  \"cpu_ratio_format1_over_format2\": %.1f,\n  \"load_average_1min\": %.2f,\n  \"command\": \"CheckpointCost %s %d\"\n}\n",
                spec, spec.parameterCount(), rounds, o[0], o[1], o[2], n[0], n[1], n[2], (o[0] + o[1]) / Math.max(1e-3, n[0] + n[1]),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), out, rounds);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.printf(Locale.ROOT, "BENCH checkpoint_cpu_format1 %.2f s%nBENCH checkpoint_cpu_format2 %.2f s%n", o[0] + o[1], n[0] + n[1]);
        try (var s = Files.list(dir)) { for (Path p : s.toList()) Files.delete(p); }
        Files.delete(dir);
    }

    /** user s, system s, wall s of this process. */
    static double[] cpu() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double tick = 100.0; // USER_HZ on Linux
        return new double[]{Long.parseLong(f[11]) / tick, Long.parseLong(f[12]) / tick, System.nanoTime() * 1e-9};
    }

    static double[] median(double[][] rows) {
        double[] m = new double[rows[0].length];
        for (int k = 0; k < m.length; k++) {
            List<Double> v = new ArrayList<>();
            for (double[] r : rows) v.add(r[k]);
            v.sort(null);
            m[k] = v.get(v.size() / 2);
        }
        return m;
    }
}
