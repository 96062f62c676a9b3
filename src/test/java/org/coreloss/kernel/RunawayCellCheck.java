package org.coreloss.kernel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Runs in a child JVM (one per JDK, started by {@link KernelOnEveryJdkTest}): starts a whole
 * {@link CorelossKernel}, runs a cell, interrupts busy loops that ignore interrupts (a bare
 * {@code while (true) {}}, one inside a notebook method, one that swallows every {@code Throwable}) and
 * runs a following cell that reads state made before. Prints {@code OK <check>} per passed step and exits
 * 0, or prints {@code FAIL <why>} and exits 1.
 */
public final class RunawayCellCheck {
    private RunawayCellCheck() { }

    public static void main(String[] args) throws Exception {
        CorelossKernel kernel = new CorelossKernel(KernelSettings.defaults());
        try {
            kernel.awaitReady();
            expect(kernel, "int x = 41; x + 1", "42", "first cell");
            runaway(kernel, "while (true) { }", "bare busy loop");
            expect(kernel, "x + 1", "42", "state after bare loop");
            expect(kernel, "void spin() { long n = 0; while (true) { n++; } }", null, "define method");
            runaway(kernel, "spin();", "busy loop in a notebook method");
            runaway(kernel, "while (true) { try { while (true) { } } catch (Throwable t) { } }", "loop that swallows Throwable");
            expect(kernel, "x += 1; x", "42", "state after three interrupts");
            expect(kernel, "Thread.currentThread().getContextClassLoader() == Class.forName(\"REPL.$CellStop$\").getClassLoader()",
                    "true", "shell loader is the cell thread's context loader");
            if (args.length > 0 && args[0].equals("--nd4j")) {
                expect(kernel, "org.nd4j.linalg.factory.Nd4j.create(new float[] {1, 2, 3}).sumNumber().doubleValue()", "6.0", "ND4J in a cell");
            }
            System.out.println("OK all on " + System.getProperty("java.version"));
        } catch (AssertionError e) {
            System.out.println("FAIL " + e.getMessage());
            System.exit(1);
        } finally {
            kernel.onShutdown(false);
        }
        System.exit(0);
    }

    private static void expect(CorelossKernel kernel, String code, String text, String what) {
        DisplayData d;
        try {
            d = kernel.eval(code);
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": " + code + " failed: " + e);
        }
        String got = d == null ? null : String.valueOf(d.getData(MIMEType.TEXT_PLAIN));
        if (text != null && !text.equals(got)) throw new AssertionError(what + ": " + code + " gave " + got + ", expected " + text);
        System.out.println("OK " + what);
    }

    private static void runaway(CorelossKernel kernel, String code, String what) throws Exception {
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                kernel.eval(code);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!kernel.evaluatorRunsUserCode() && !outcome.isDone()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + ": never started");
            Thread.sleep(5);
        }
        Thread.sleep(200);
        long t0 = System.nanoTime();
        kernel.interrupt();
        Throwable t;
        try {
            t = outcome.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(what + ": still running 20 s after the interrupt");
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (!(t instanceof CellException ce) || ce.kind() != CellException.Kind.INTERRUPTED) {
            throw new AssertionError(what + ": expected an INTERRUPTED cell error, got " + t);
        }
        System.out.printf("OK %s stopped %.2f s after the interrupt%n", what, s);
    }
}
