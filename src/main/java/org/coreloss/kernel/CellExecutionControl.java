package org.coreloss.kernel;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell execution engine that runs snippets in the kernel's own process, on the thread that called
 * {@code JShell.eval} (the kernel's cell thread), instead of on a fresh thread per snippet as
 * {@link LocalExecutionControl} does. This keeps the snippet's value as a real object (for the display
 * registry), makes interruption a plain {@link Thread#interrupt()} of the cell thread, and lets the
 * kernel set the shell's class loader as the context class loader once.
 *
 * <p>Interrupts are cooperative; a statement that ignores interruption for {@value #STOP_GRACE_MS} ms
 * after a request is stopped with {@link Thread#stop()}, as JShell's own local engine does.
 */
final class CellExecutionControl extends LocalExecutionControl {
    /** Time a statement gets to react to an interrupt before it is stopped by force. */
    static final long STOP_GRACE_MS = 3000;

    private final ClassLoader shellLoader;
    private final ScheduledExecutorService watchdog;
    private final Object stopLock = new Object();
    private volatile long timeoutMs = -1;
    private volatile Thread userThread;     // non-null while user code runs
    private volatile long invocation;      // counts statements, so a late force-stop cannot hit a later one
    private volatile Object lastValue;
    private volatile boolean timedOut;
    private volatile boolean interrupted;

    private CellExecutionControl() {
        super(); // creates JShell's default loader delegate, which makes its loader the context loader
        this.shellLoader = Thread.currentThread().getContextClassLoader();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coreloss-cell-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** The class loader that defines snippet classes (parent: the kernel's class loader). */
    ClassLoader shellLoader() { return shellLoader; }

    void setTimeoutMs(long timeoutMs) { this.timeoutMs = timeoutMs; }

    /** Value of the last statement run, cleared on read. */
    Object takeLastValue() {
        Object v = lastValue;
        lastValue = null;
        return v;
    }

    boolean takeTimedOut() { boolean t = timedOut; timedOut = false; return t; }

    boolean takeInterrupted() { boolean t = interrupted; interrupted = false; return t; }

    boolean isRunningUserCode() { return userThread != null; }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        long limit = timeoutMs;
        ScheduledFuture<?> timer = null;
        Thread self = Thread.currentThread();
        if (limit > 0) {
            timer = watchdog.schedule(() -> { timedOut = true; interruptUserCode(); }, limit, TimeUnit.MILLISECONDS);
        }
        synchronized (stopLock) { userThread = self; invocation++; }
        try {
            lastValue = doitMethod.invoke(null);
        } finally {
            synchronized (stopLock) { userThread = null; }
            if (timer != null) timer.cancel(false);
        }
        return ""; // JShell's value string is not used: the kernel renders lastValue itself
    }

    /** Interrupts the running statement; stops it by force if it is still running after the grace time. */
    void interruptUserCode() {
        Thread t;
        long which;
        synchronized (stopLock) {
            t = userThread;
            which = invocation;
        }
        if (t == null) return;
        interrupted = true;
        t.interrupt();
        watchdog.schedule(() -> forceStop(t, which), STOP_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings("deprecation")
    private void forceStop(Thread t, long which) {
        synchronized (stopLock) {
            if (userThread == t && invocation == which) t.stop();
        }
    }

    @Override
    public void stop() {
        interruptUserCode();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        super.close();
    }

    /** Provider handed to {@code JShell.builder().executionEngine(...)}; remembers the engine it made. */
    static final class Provider implements ExecutionControlProvider {
        private volatile CellExecutionControl generated;

        @Override public String name() { return "coreloss-cell"; }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            Thread current = Thread.currentThread();
            ClassLoader previous = current.getContextClassLoader();
            try {
                generated = new CellExecutionControl();
            } finally {
                current.setContextClassLoader(previous);
            }
            return generated;
        }

        CellExecutionControl generated() { return generated; }
    }
}
