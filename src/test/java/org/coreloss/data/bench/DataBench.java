package org.coreloss.data.bench;

import org.coreloss.data.NearestSpectra;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.DatasetFolderFormat;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Benchmarks for {@code environment/bench.d/20-data}: writes a synthetic 100,000 x 501 float32
 * dataset folder to a temp dir, then times (1) loading it (best of 3, after one warm-up) and
 * (2) the 5 nearest training spectra of 1,000 queries. Prints {@code BENCH <name> <value> s}.
 * Synthetic spectra: sums of 3 Gaussian peaks with seeded random positions, widths and heights.
 */
public final class DataBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int c = 501;
        Path dir = Files.createTempDirectory("coreloss-bench");
        try {
            EnergyGrid g = EnergyGrid.uniform(-5, 45, c);
            float[] d = synthetic(n, c, 1);
            Path folder = dir.resolve("synthetic-100k");
            new DatasetFolderFormat().write(SpectraDataset.of("synthetic", new SpectrumMatrix(g, n, d)), folder);
            DatasetFolderFormat f = new DatasetFolderFormat();
            f.read(folder); // warm-up (JIT, page cache)
            double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
            SpectraDataset loaded = null;
            var osb = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int rep = 0; rep < 3; rep++) {
                long c0 = osb.getProcessCpuTime();
                long t0 = System.nanoTime();
                loaded = f.read(folder);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                bestCpu = Math.min(bestCpu, (osb.getProcessCpuTime() - c0) / 1e9);
            }
            System.out.printf(java.util.Locale.ROOT, "BENCH dataset_load_100k_s %.3f s%n", best);
            System.out.printf(java.util.Locale.ROOT, "BENCH dataset_load_100k_cpu_s %.3f s%n", bestCpu);
            SpectrumMatrix queries = new SpectrumMatrix(g, 1000, synthetic(1000, c, 2));
            NearestSpectra ns = NearestSpectra.fit(loaded);
            ns.query(new SpectrumMatrix(g, 64, synthetic(64, c, 3)), 5); // warm-up
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            NearestSpectra.Result r = ns.query(queries, 5);
            double knn = (System.nanoTime() - t0) / 1e9;
            double knnCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            if (r.indices().length != 1000) throw new IllegalStateException("wrong result size");
            System.out.printf(java.util.Locale.ROOT, "BENCH knn_1k_vs_100k_s %.3f s%n", knn);
            // CPU seconds of the whole process during the query (all threads): on a busy machine the
            // wall time above includes waiting for a core; CPU / cores is the unloaded estimate
            System.out.printf(java.util.Locale.ROOT, "BENCH knn_1k_vs_100k_cpu_s %.3f s%n", knnCpu);
            System.out.printf(java.util.Locale.ROOT, "BENCH data_bench_load_average %.1f 1%n", os.getSystemLoadAverage());
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static float[] synthetic(int n, int c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[n * c];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 3; p++) {
                double mu = r.nextDouble(0, 40), s = r.nextDouble(0.5, 3), h = r.nextDouble(0.2, 1);
                int lo = Math.max(0, (int) ((mu - 5 * s + 5) * 10)), hi = Math.min(c - 1, (int) ((mu + 5 * s + 5) * 10) + 1);
                for (int j = lo; j <= hi; j++) {
                    double e = -5 + j * 0.1, z = (e - mu) / s;
                    d[i * c + j] += (float) (h * Math.exp(-0.5 * z * z));
                }
            }
        }
        return d;
    }
}
