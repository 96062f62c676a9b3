package org.coreloss.kernel;

/**
 * Thrown inside notebook code by the stop checks that {@link CellExecutionControl} weaves into every
 * notebook class (at each method start and before each backward branch) once an interrupted statement
 * has ignored the interrupt for the grace time. It is an {@link Error} so that {@code catch (Exception e)}
 * in a cell does not swallow it; a cell that catches it anyway meets the next check at once (the request
 * stays raised until the statement ends).
 *
 * <p>Public because woven snippet classes, defined by JShell's class loader, construct it.
 */
public final class CellStoppedError extends Error {
    private static final long serialVersionUID = 1L;

    public CellStoppedError() {
        super("the statement ignored the interrupt and was stopped at a stop check in notebook code", null, false, true);
    }
}
