package org.coreloss.kernel;

import java.nio.file.Files;
import java.nio.file.Path;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Runs in a child JVM (started by {@link CellMemoryTest}): a whole {@link CorelossKernel}; a first cell
 * makes ND4J and DL4J ready (a small training), then the resident size is read; a cell trains a 5 x 1000
 * dense generator; a cell clears the variable; the resident size is read again. Prints
 * {@code RSS_MB before <mb> after_train <mb> after_clear <mb>}.
 */
public final class CellMemoryCheck {
    private CellMemoryCheck() { }

    static double rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    static void cell(CorelossKernel k, String code) {
        DisplayData d = k.eval(code);
        if (d != null) System.out.println("  -> " + String.valueOf(d.getData(MIMEType.TEXT_PLAIN)).lines().findFirst().orElse(""));
    }

    public static void main(String[] args) throws Exception {
        CorelossKernel kernel = new CorelossKernel(KernelSettings.defaults());
        kernel.awaitReady();
        String data = """
                java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
                float[][] px = new float[2000][9], py = new float[2000][200];
                for (int i = 0; i < 2000; i++) {
                    for (int j = 0; j < 9; j++) px[i][j] = (float) rnd.nextDouble();
                    for (int c = 0; c < 200; c++) py[i][c] = (float) Math.exp(-0.5 * Math.pow((c - 100 - 50 * px[i][0]) / (5 + 10 * px[i][1]), 2));
                }
                """;
        cell(kernel, data);
        cell(kernel, "var warm = org.coreloss.nn.Trainer.fit(org.coreloss.nn.GeneratorSpec.cpuDefault(9, org.coreloss.nn.GeneratorSpec.Arch.DNN, 1, 200, 0),"
                + " px, py, org.coreloss.nn.TrainingOptions.defaults(1).withEpochs(1).withBatchSize(64), null); warm = null;");
        System.gc();
        Thread.sleep(500);
        double before = rssMb();
        cell(kernel, "var trained = org.coreloss.nn.Trainer.fit(org.coreloss.nn.GeneratorSpec.cpuDefault(9, org.coreloss.nn.GeneratorSpec.Arch.DNN, 5, 200, 0),"
                + " px, py, org.coreloss.nn.TrainingOptions.defaults(2).withEpochs(3).withBatchSize(64), null);"
                + " trained.model().predict(px).length");
        double afterTrain = rssMb();
        cell(kernel, "trained = null;");
        System.gc();
        Thread.sleep(1000);
        System.gc();
        double afterClear = rssMb();
        System.out.printf(java.util.Locale.ROOT, "RSS_MB before %.0f after_train %.0f after_clear %.0f%n", before, afterTrain, afterClear);
        kernel.onShutdown(false);
        System.exit(0);
    }
}
