package org.coreloss.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Runs the kernel for one Jupyter connection file until the client shuts it down or the process named
 * by {@code JPY_PARENT_PID} ends.
 */
public final class KernelServer {
    private KernelServer() {}

    /** Serves {@code connectionFile}; returns when the kernel has shut down. */
    public static void run(Path connectionFile) throws Exception {
        String json;
        try {
            json = Files.readString(connectionFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read connection file " + connectionFile + ": " + e.getMessage(), e);
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(json);
        KernelSettings settings = KernelSettings.fromEnvironment();
        CorelossKernel kernel = new CorelossKernel(settings);
        KernelConnection connection = new KernelConnection(props);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.onStartup();
        watchParent(settings.parentPid(), connection);
        connection.waitUntilClose();
        kernel.onShutdown(false);
    }

    /**
     * Starts a kernel without a connection and evaluates typical cells (imports, a chart rendered to PNG
     * and SVG, a table, a compile error, a runtime error), so that a JVM run with
     * {@code -XX:ArchiveClassesAtExit} records the classes a notebook session loads.
     */
    public static void warmup() {
        CorelossKernel kernel = new CorelossKernel(KernelSettings.fromEnvironment());
        kernel.awaitReady();
        kernel.eval("1 + 1");
        kernel.eval("XYChart c = new XYChartBuilder().width(300).height(200).title(\"warm-up\").build();\n"
                + "c.addSeries(\"s\", new double[] {1, 2, 3}, new double[] {2, 1, 3});\nrender(c)");
        kernel.eval("Table t = Table.create(\"t\", DoubleColumn.create(\"x\", new double[] {1, 2}));\nrender(t)");
        kernel.eval("%help");
        kernel.isComplete("for (int i = 0; i < 3; i++) {");
        kernel.complete("Math.ma", 7);
        try { kernel.eval("int broken = undefinedName;"); } catch (CellException expected) { /* warm the error path */ }
        try { kernel.eval("Integer.parseInt(\"x\")"); } catch (CellException expected) { /* warm the error path */ }
        kernel.onShutdown(false);
    }

    /** Exits the JVM when the Jupyter process {@code pid} ends (checked by the OS and by polling). */
    static void watchParent(long pid, KernelConnection connection) {
        if (pid <= 0) return;
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        java.util.concurrent.atomic.AtomicBoolean dying = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable die = () -> {
            if (!dying.compareAndSet(false, true)) return;
            System.err.println("coreloss kernel: parent process " + pid + " ended; exiting");
            try { connection.close(); } finally { Runtime.getRuntime().halt(0); }
        };
        if (parent.isEmpty() || !parent.get().isAlive()) {
            die.run();
            return;
        }
        parent.get().onExit().thenRun(die);
        Thread poll = new Thread(() -> {
            while (true) {
                try { TimeUnit.SECONDS.sleep(2); } catch (InterruptedException e) { return; }
                if (ProcessHandle.of(pid).map(ph -> !ph.isAlive()).orElse(true)) die.run();
            }
        }, "coreloss-parent-watch");
        poll.setDaemon(true);
        poll.start();
    }
}
