package org.coreloss.kernel;

import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.coreloss.display.MimeBundle;
import org.coreloss.progress.ProgressListener;

/**
 * A notebook progress bar: {@link #start} shows an HTML bar (with a text/plain twin), {@link #advance}
 * replaces it in place through update_display_data, at most {@code maxUpdatesPerSecond} times a second
 * (the final state is always shown). Thread-safe: parallel workers may call {@link #advance}.
 */
public final class NotebookProgress implements ProgressListener {
    private final Function<MimeBundle, String> display;      // shows a bundle, returns its display id
    private final BiConsumer<String, MimeBundle> update;     // replaces the bundle of a display id
    private final LongSupplier nanoClock;
    private final long minIntervalNanos;
    private final java.util.function.BooleanSupplier cancelled;

    private String displayId;
    private String task = "";
    private long total;
    private long done;
    private String message;
    private long lastUpdateNanos;
    private boolean pending;

    /**
     * @param display             shows a bundle and returns its display id
     * @param update              replaces the bundle shown under a display id
     * @param nanoClock           monotonic clock in nanoseconds (System::nanoTime in the kernel)
     * @param maxUpdatesPerSecond throttle, 1 to 100
     * @param cancelled           whether the user asked to stop (the kernel's interrupt flag)
     */
    public NotebookProgress(Function<MimeBundle, String> display, BiConsumer<String, MimeBundle> update,
                            LongSupplier nanoClock, int maxUpdatesPerSecond, java.util.function.BooleanSupplier cancelled) {
        if (maxUpdatesPerSecond < 1 || maxUpdatesPerSecond > 100) {
            throw new IllegalArgumentException("maxUpdatesPerSecond = " + maxUpdatesPerSecond + ", expected 1..100");
        }
        this.display = display;
        this.update = update;
        this.nanoClock = nanoClock;
        this.minIntervalNanos = 1_000_000_000L / maxUpdatesPerSecond;
        this.cancelled = cancelled;
    }

    @Override
    public synchronized void start(String task, long total) {
        this.task = task == null ? "" : task;
        this.total = total;
        this.done = 0;
        this.message = null;
        this.lastUpdateNanos = nanoClock.getAsLong();
        this.pending = false;
        this.displayId = display.apply(bundle(false));
    }

    @Override
    public synchronized void advance(long done, String message) {
        this.done = done;
        this.message = message;
        if (displayId == null) { start(task, total); return; }
        long now = nanoClock.getAsLong();
        if (now - lastUpdateNanos >= minIntervalNanos || (total > 0 && done >= total)) {
            lastUpdateNanos = now;
            pending = false;
            update.accept(displayId, bundle(false));
        } else {
            pending = true;
        }
    }

    @Override
    public synchronized void finish() {
        if (displayId == null) return;
        pending = false;
        update.accept(displayId, bundle(true));
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    /** Whether an advance was swallowed by the throttle and not shown yet. */
    synchronized boolean hasPendingUpdate() { return pending; }

    private MimeBundle bundle(boolean finished) {
        double frac = total > 0 ? Math.min(1.0, Math.max(0.0, (double) done / total)) : (finished ? 1.0 : 0.0);
        String pct = String.format(Locale.ROOT, "%.0f%%", 100 * frac);
        String count = total > 0 ? done + "/" + total : String.valueOf(done);
        String state = finished ? (total > 0 && done < total ? " (stopped)" : " (done)") : "";
        String msg = message == null || message.isEmpty() ? "" : " " + message;
        int width = 30;
        int filled = (int) Math.round(frac * width);
        String text = task + " [" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + pct + " " + count + msg + state;
        String html = "<div style=\"font-family:monospace\">" + escape(task) + " "
                + "<progress value=\"" + (total > 0 ? Math.min(done, total) : (finished ? 1 : 0)) + "\" max=\"" + (total > 0 ? total : 1) + "\" style=\"width:40%\"></progress> "
                + pct + " " + escape(count) + escape(msg) + escape(state) + "</div>";
        return new MimeBundle().put(MimeBundle.TEXT_PLAIN, text).put(MimeBundle.TEXT_HTML, html);
    }

    static String escape(String s) { return org.coreloss.display.StandardRenderers.escape(s); }
}
