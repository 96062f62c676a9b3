package org.coreloss.kernel.magic;

import java.nio.file.Path;

import org.coreloss.progress.ProgressListener;

/** What a magic may do with the running kernel. */
public interface MagicContext {
    /** Defines or replaces a notebook variable {@code name} of the given static type holding {@code value}. */
    <T> void setVariable(String name, Class<T> type, T value);

    /** The current value of a notebook variable, or throws {@link MagicException} naming it if absent. */
    Object getVariable(String name);

    /** Evaluates Java source in the notebook's shell and returns the value of its last expression. */
    Object eval(String javaCode) throws Exception;

    /** Shows an object now (rendered through the display registry); returns its display id. */
    String display(Object obj);

    /** Replaces the content of an earlier display. */
    void updateDisplay(String displayId, Object obj);

    /** Working directory of the notebook (for relative paths). */
    Path workingDirectory();

    /** True once the user has asked to interrupt the running cell; long magics poll this. */
    boolean isInterrupted();

    /**
     * A progress bar shown in the cell's output (HTML with a text/plain fallback, at most 5 updates per
     * second) that reports cancellation when the cell is interrupted. Long magics report through this.
     */
    ProgressListener progress();
}
