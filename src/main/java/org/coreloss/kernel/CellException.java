package org.coreloss.kernel;

import java.util.List;

/**
 * A cell failed: compile error, runtime exception, interruption, time-out or magic error. The message is
 * the first line shown to the user; {@link #report()} holds the full report (cell line, source excerpt,
 * stack frames mapped to cell lines). The kernel keeps running after it.
 */
public final class CellException extends RuntimeException {
    /** What went wrong. */
    public enum Kind { COMPILE, RUNTIME, INTERRUPTED, TIMEOUT, MAGIC }

    private final Kind kind;
    private final String errorName;
    private final List<String> report;

    CellException(Kind kind, String errorName, String message, List<String> report) {
        super(errorName + ": " + message);
        this.kind = kind;
        this.errorName = errorName;
        this.report = List.copyOf(report);
    }

    public Kind kind() { return kind; }

    /** Name shown as the Jupyter error name, e.g. {@code CompilationException} or the exception class. */
    public String errorName() { return errorName; }

    /** Report lines (plain text) shown as the traceback. */
    public List<String> report() { return report; }

    @Override public String toString() { return getMessage(); }
}
