package org.coreloss.progress;

/**
 * Receives progress of long work (database generation, training, cross-validation). Numerical code
 * reports here and prints nothing; the kernel shows a notebook bar and the command line a text bar.
 * Implementations must be thread-safe: parallel workers call {@link #advance} concurrently.
 */
public interface ProgressListener {
    /** Work named {@code task} of {@code total} units begins ({@code total} <= 0 if unknown). */
    void start(String task, long total);

    /** {@code done} units (absolute, not an increment) are finished; {@code message} may be null. */
    void advance(long done, String message);

    /** The work ended (normally, by error or by interruption). */
    void finish();

    /** Work should stop soon when this returns true (default: the calling thread was interrupted). */
    default boolean isCancelled() { return Thread.currentThread().isInterrupted(); }

    /** A listener that shows nothing but is cancelled when {@code parent} is (or the calling thread is interrupted). */
    static ProgressListener cancelledWith(ProgressListener parent) {
        return new ProgressListener() {
            @Override public void start(String task, long total) {}
            @Override public void advance(long done, String message) {}
            @Override public void finish() {}
            @Override public boolean isCancelled() { return parent.isCancelled() || Thread.currentThread().isInterrupted(); }
        };
    }

    /**
     * {@code shown}'s display, cancelled when {@code flag} is set (e.g. by a signal's shutdown hook) or the calling
     * thread is interrupted: a library call that swallows an interrupt cannot lose the flag.
     */
    static ProgressListener cancelledBy(ProgressListener shown, java.util.concurrent.atomic.AtomicBoolean flag) {
        return new ProgressListener() {
            @Override public void start(String task, long total) { shown.start(task, total); }
            @Override public void advance(long done, String message) { shown.advance(done, message); }
            @Override public void finish() { shown.finish(); }
            @Override public boolean isCancelled() { return flag.get() || Thread.currentThread().isInterrupted(); }
        };
    }

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override public void start(String task, long total) {}
        @Override public void advance(long done, String message) {}
        @Override public void finish() {}
    };
}
