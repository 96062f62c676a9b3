package org.coreloss.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Collects a cell's stdout or stderr and forwards it to the Jupyter stream at most every
 * {@code intervalMs} milliseconds after the first pending write (and at once on {@link #forward()}), so that {@code printf} pieces arrive as one
 * stream message instead of one message per fragment, while output of a long cell still streams.
 */
final class CoalescingOutputStream extends OutputStream {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "coreloss-output-flush");
        t.setDaemon(true);
        return t;
    });

    private final PrintStream target;
    private final long intervalNanos;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private ScheduledFuture<?> scheduled;

    CoalescingOutputStream(PrintStream target, long intervalMs) {
        this.target = target;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMs);
    }

    @Override public synchronized void write(int b) { buffer.write(b); }

    @Override public synchronized void write(byte[] b, int off, int len) { buffer.write(b, off, len); }

    /** Schedules a forward at the end of the interval (writes until then travel in the same message). */
    @Override
    public synchronized void flush() {
        if (buffer.size() == 0 || scheduled != null) return;
        scheduled = TIMER.schedule(this::forward, intervalNanos, TimeUnit.NANOSECONDS);
    }

    /** Sends everything collected so far. */
    synchronized void forward() {
        scheduled = null;
        if (buffer.size() == 0) return;
        byte[] bytes = buffer.toByteArray();
        buffer.reset();
        target.write(bytes, 0, bytes.length);
        target.flush();
    }

    @Override public void close() { forward(); }
}
