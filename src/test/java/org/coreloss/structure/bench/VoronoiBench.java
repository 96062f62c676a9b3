package org.coreloss.structure.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coreloss.data.bundled.OkLitmoDataset;
import org.coreloss.structure.CoordinationRule;
import org.coreloss.structure.SiteAnalyzer;
import org.coreloss.structure.Structure;
import org.coreloss.structure.StructureReader;
import org.coreloss.structure.VoronoiCells;

/**
 * Benchmark (not a unit test): Voronoi cells and full site analysis on the bundled o-k-litmo
 * structures (3 x 105 atoms), and the time to load the data set with live labels.
 * Prints {@code BENCH <name> <value> <unit>} lines; single-threaded. Argument: path to data/o-k-litmo.
 */
public final class VoronoiBench {
    private VoronoiBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/o-k-litmo");
        List<Structure> structures = new ArrayList<>();
        for (String f : new String[] {"POSCAR_0k", "POSCAR_15ps", "POSCAR_20ps"}) structures.add(StructureReader.read(dir.resolve(f)));
        double sink = 0;
        // warm-up
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) for (Structure s : structures) sink += VoronoiCells.volumesA3(s)[0];

        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long sites = 0;
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 3_000_000_000L) {
            for (Structure s : structures) {
                double[] v = VoronoiCells.volumesA3(s);
                sink += v[v.length - 1];
                sites += v.length;
            }
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        double cpuSec = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf("BENCH voronoi_sites_per_s %.0f sites/s%n", sites / sec);
        // the same per second of this thread's CPU time: stable when the machine is shared
        System.out.printf("BENCH voronoi_sites_per_cpu_s %.0f sites/s%n", sites / cpuSec);

        long osites = 0;
        t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 3_000_000_000L) {
            for (Structure s : structures) {
                var g = SiteAnalyzer.analyzeAll(s, "O", CoordinationRule.OXIDE_CATION_2_6A);
                sink += g.get(0).meanBondAngleDeg();
                osites += g.size();
            }
        }
        sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("BENCH site_labels_per_s %.0f sites/s%n", osites / sec);

        int reps = 5;
        t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) sink += OkLitmoDataset.read(dir).spectra().get(0, 0);
        sec = (System.nanoTime() - t0) / 1e9 / reps;
        System.out.printf("BENCH o_k_litmo_load_s %.3f s%n", sec);
        if (sink == 42.4242) System.out.println();
    }
}
