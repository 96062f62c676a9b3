package org.coreloss.nn;

/**
 * Returns native memory that ND4J keeps per thread after the work that needed it has ended: the memory
 * workspaces DL4J attaches to the thread that trains or predicts (they outlive the call and grow to the
 * largest batch seen). The notebook kernel calls {@link #releaseThreadWorkspaces()} on its cell thread
 * after every cell; long-running programs may call it between phases.
 *
 * <p>This class does not touch ND4J unless the {@code nn} package has used it in this process
 * ({@link #markUsed()}), so calling it costs nothing in a notebook that never trains.
 */
public final class NativeMemory {
    private static volatile boolean used;

    private NativeMemory() {}

    /** Called by the package's entry points that create ND4J arrays or workspaces. */
    static void markUsed() { used = true; }

    /** Whether ND4J was used through this package in this process. */
    public static boolean used() { return used; }

    /**
     * Destroys every ND4J workspace of the calling thread (their memory is freed); the next operation makes
     * new ones as needed. Does nothing if ND4J was not used through this package. Must not be called while
     * the thread is inside a workspace scope (the kernel calls it between cells).
     */
    public static void releaseThreadWorkspaces() {
        if (!used) return;
        Nd4jAccess.destroyThreadWorkspaces();
    }

    /** Loaded only once ND4J is in use. */
    private static final class Nd4jAccess {
        static void destroyThreadWorkspaces() {
            org.nd4j.linalg.factory.Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        }
    }
}
