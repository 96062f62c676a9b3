package org.coreloss.cli;

import org.coreloss.progress.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A text progress bar for terminals: one line redrawn with {@code \r} (at most every
 * {@code minIntervalMs} milliseconds), showing the task, a 30-character bar, done/total, percent, the
 * rate in units per second, the ETA and the latest message of the work (e.g. a trainer's "epoch 3/300 loss
 * ... val ...", a fit's error; cut to {@link #MESSAGE_WIDTH} characters). The rate counts only units done since
 * the first report, so a resumed run (which starts with finished work) gets an honest ETA. Thread-safe.
 */
public final class TextProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    /** Characters of the latest message shown after the ETA. */
    static final int MESSAGE_WIDTH = 72;
    private volatile String message;
    private final PrintStream out;
    private final long minIntervalNs;
    private final LongSupplier clockNs;
    private final AtomicLong done = new AtomicLong();
    private volatile String task = "";
    private volatile long total;
    private long startNs, firstDone = -1, lastDrawNs, lastDrawnDone = -1;
    private int lastLength;

    public TextProgressBar(PrintStream out) {
        this(out, 200, System::nanoTime);
    }

    TextProgressBar(PrintStream out, long minIntervalMs, LongSupplier clockNs) {
        this.out = out;
        this.minIntervalNs = minIntervalMs * 1_000_000L;
        this.clockNs = clockNs;
    }

    @Override public synchronized void start(String task, long total) {
        this.task = task == null ? "" : task;
        this.total = total;
        this.message = null;
        done.set(0);
        startNs = clockNs.getAsLong();
        firstDone = -1;
        lastDrawNs = Long.MIN_VALUE / 2;
        lastDrawnDone = -1;
    }

    @Override public void advance(long d, String message) {
        done.accumulateAndGet(d, Math::max);
        if (message != null && !message.isBlank()) this.message = message.strip().replace('\n', ' ').replace('\r', ' ');
        synchronized (this) {
            long now = clockNs.getAsLong();
            if (firstDone < 0) {
                firstDone = d;
                startNs = now;
            }
            if (now - lastDrawNs < minIntervalNs && (d < total || lastDrawnDone == d)) return;
            lastDrawNs = now;
            lastDrawnDone = d;
            draw(line(done.get(), now));
        }
    }

    @Override public synchronized void finish() {
        draw(line(done.get(), clockNs.getAsLong()));
        out.print('\n');
        out.flush();
    }

    private void draw(String s) {
        StringBuilder sb = new StringBuilder("\r").append(s);
        for (int i = s.length(); i < lastLength; i++) sb.append(' ');
        lastLength = s.length();
        out.print(sb);
        out.flush();
    }

    /** The bar text for {@code d} units done at time {@code nowNs}. */
    synchronized String line(long d, long nowNs) {
        StringBuilder sb = new StringBuilder(task).append(' ');
        double seconds = (nowNs - startNs) / 1e9;
        double rate = firstDone >= 0 && seconds > 0 ? (d - firstDone) / seconds : 0;
        if (total > 0) {
            double f = Math.min(1.0, (double) d / total);
            int full = (int) Math.round(f * WIDTH);
            sb.append('[').append("#".repeat(full)).append(".".repeat(WIDTH - full)).append("] ");
            sb.append(d).append('/').append(total).append(String.format(Locale.ROOT, " %3.0f%%", 100 * f));
        } else {
            sb.append(d);
        }
        sb.append(String.format(Locale.ROOT, " %.1f/s", rate));
        if (total > 0 && d < total) sb.append(" ETA ").append(rate > 0 ? duration((total - d) / rate) : "?");
        else sb.append(" in ").append(duration(seconds));
        String m = message;
        if (m != null) sb.append(" | ").append(m.length() <= MESSAGE_WIDTH ? m : m.substring(0, MESSAGE_WIDTH - 1) + "…");
        return sb.toString();
    }

    static String duration(double s) {
        long t = Math.round(s);
        if (t >= 3600) return String.format(Locale.ROOT, "%dh%02dm%02ds", t / 3600, t / 60 % 60, t % 60);
        if (t >= 60) return String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
        return t + "s";
    }
}
