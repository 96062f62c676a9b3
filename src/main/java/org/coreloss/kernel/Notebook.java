package org.coreloss.kernel;

import org.coreloss.display.MimeBundle;
import org.coreloss.progress.ProgressListener;

/**
 * Static helpers available in every cell (imported by the default start-up script), as in IJava:
 * {@code display(obj)}, {@code render(obj, mime...)}, {@code updateDisplay(id, obj)}, plus
 * {@code progress()} for a notebook progress bar.
 */
public final class Notebook {
    private static volatile CorelossKernel kernel;   // the kernel running in this process, if any

    private Notebook() {}

    static void install(CorelossKernel k) { kernel = k; }

    /** Forgets {@code k} if it is the installed kernel (it shut down); later calls then fail as outside a kernel. */
    static synchronized void uninstall(CorelossKernel k) {
        if (kernel == k) kernel = null;
    }

    private static CorelossKernel kernel() {
        CorelossKernel k = kernel;
        if (k == null) throw new IllegalStateException("no Coreloss kernel is running in this process");
        return k;
    }

    /** Shows {@code obj} now (rendered by the display registry) and returns its display id. */
    public static String display(Object obj) { return kernel().display(obj); }

    /** Shows {@code obj} now, restricted to the given MIME types; returns its display id. */
    public static String display(Object obj, String... mimeTypes) { return kernel().display(obj, mimeTypes); }

    /** The MIME bundle of {@code obj}; as the last expression of a cell it is shown as is. */
    public static MimeBundle render(Object obj) { return kernel().toBundle(obj); }

    /** The bundle of {@code obj} restricted to the given MIME types (e.g. {@code "image/svg+xml"}). */
    public static MimeBundle render(Object obj, String... mimeTypes) {
        return CorelossKernel.restrict(kernel().toBundle(obj, mimeTypes), mimeTypes);
    }

    /** Replaces what is shown under {@code displayId} by the rendering of {@code obj}. */
    public static void updateDisplay(String displayId, Object obj) { kernel().updateDisplay(displayId, obj); }

    /** Replaces what is shown under {@code displayId}, restricted to the given MIME types. */
    public static void updateDisplay(String displayId, Object obj, String... mimeTypes) {
        kernel().updateDisplay(displayId, obj, mimeTypes);
    }

    /** A new notebook progress bar; pass it to any API that takes a {@link ProgressListener}. */
    public static ProgressListener progress() { return kernel().progress(); }
}
