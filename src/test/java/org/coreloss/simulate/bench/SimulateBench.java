package org.coreloss.simulate.bench;

import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.DatabaseSpec;
import org.coreloss.simulate.Preset;
import org.coreloss.simulate.Sampler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Database generation throughput (benchmark, not a test): {@link DatabaseGenerator} of a D4h database
 * (Table 1 ranges, uniform sampler, seed 1) written to a temp folder, per ion, on a given thread count.
 * A warm-up database of a few spectra builds the ion's operator matrices first. Prints
 * {@code BENCH simulate_db_spectra_per_s_<ion>_<T>threads <v> spectra/s} (spectra computed and written
 * per wall-clock second, shard writes included).
 * Arguments: {@code threads n ion...} (defaults: 2 200 Ni2+ Fe3+).
 */
public final class SimulateBench {
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String[] ions = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length) : new String[]{"Ni2+", "Fe3+"};
        for (String ion : ions) {
            Path dir = Files.createTempDirectory("simulate-bench");
            try {
                DatabaseGenerator.generate(new DatabaseSpec(ion, Math.max(2, threads), Preset.D4H, Sampler.UNIFORM, 99, 100), dir.resolve("warm"), threads, null);
                DatabaseGenerator.Result r = DatabaseGenerator.generate(new DatabaseSpec(ion, n, Preset.D4H, Sampler.UNIFORM, 1, 100),
                        dir.resolve("db"), threads, null);
                System.out.printf(Locale.ROOT, "BENCH simulate_db_spectra_per_s_%s_%dthreads %.2f spectra/s%n", ion, threads, r.spectraPerSecond());
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
