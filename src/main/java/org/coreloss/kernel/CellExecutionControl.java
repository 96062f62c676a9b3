package org.coreloss.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * JShell execution engine that runs snippets in the kernel's own process, on the thread that called
 * {@code JShell.eval} (the kernel's cell thread). This keeps the snippet's value as a real object (for the
 * display registry), lets the kernel set the shell's class loader as the context class loader once (ND4J's
 * {@code ServiceLoader} needs it), and keeps DL4J's workspaces and engine state on one thread.
 *
 * <p><b>Stopping a runaway statement without {@code Thread.stop}.</b> It extends
 * {@link DirectExecutionControl} (not {@code LocalExecutionControl}, whose behaviour changed between JDKs:
 * up to JDK 19 it stops with {@code Thread.stop}, which throws {@code UnsupportedOperationException} from
 * JDK 20 on; from JDK 22 it weaves calls to a class it loads lazily in its own {@code invoke}, so any
 * engine that overrides {@code invoke} fails with {@code NoClassDefFoundError: REPL/$Cancel$}). This
 * engine weaves every notebook class itself, on every JDK, with ASM: a call to
 * {@code REPL.$CellStop$.check()} at the start of each method and before each backward branch.
 * {@code $CellStop$} is generated per shell and defined by the shell's class loader. An interrupt first
 * interrupts the cell thread (cooperative code ends cleanly); if the statement still runs after
 * {@value #STOP_GRACE_MS} ms the stop request is raised and the next check in notebook code throws
 * {@link CellStoppedError}. The error is thrown only in notebook code, at a point where the JVM and the
 * libraries are consistent (it unwinds through library frames like any exception from a callback), so
 * the shell, the notebook's variables, DL4J's workspaces and locks stay usable. Library code that loops
 * without checking the interrupt cannot be stopped this way; after a further
 * {@value #LIBRARY_NOTICE_MS} ms the kernel says so and where it runs (a restart ends it).
 */
final class CellExecutionControl extends DirectExecutionControl {
    /** Time a statement gets to react to an interrupt before the stop request is raised. */
    static final long STOP_GRACE_MS = 1000;
    /** Time after the stop request after which the user is told that library code is still running. */
    static final long LIBRARY_NOTICE_MS = 5000;

    static final String STOP_CLASS = "REPL.$CellStop$";
    private static final String STOP_INTERNAL = "REPL/$CellStop$";
    private static final String STOP_ERROR_INTERNAL = CellStoppedError.class.getName().replace('.', '/');

    private final ClassLoader shellLoader;
    private final ScheduledExecutorService watchdog;
    private final Object stopLock = new Object();
    private volatile long timeoutMs = -1;
    private volatile Thread userThread;     // non-null while user code runs
    private volatile long invocation;       // counts statements, so a late stop cannot hit a later one
    private volatile Object lastValue;
    private volatile boolean timedOut;
    private volatile boolean interrupted;
    private volatile boolean stopped;
    private volatile Consumer<String> notices = m -> { };
    private Field stopFlag;                 // REPL.$CellStop$.stop, once loaded
    private volatile boolean weaving = true;

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

    /** Where messages for the user go (e.g. "still running in library code"); called from the watchdog. */
    void setNotices(Consumer<String> notices) { this.notices = notices == null ? m -> { } : notices; }

    /** Whether notebook classes carry stop checks (false only if a class file could not be woven). */
    boolean weaving() { return weaving; }

    /** Value of the last statement run, cleared on read. */
    Object takeLastValue() {
        Object v = lastValue;
        lastValue = null;
        return v;
    }

    /**
     * Sets the static reference field {@code name} of the class whose statement ran last to null (a dropped
     * temporary variable such as {@code $3}, whose value would otherwise stay reachable from its class).
     */
    void clearStaticField(String name) {
        Class<?> c = lastInvoked;
        if (c == null) return;
        try {
            Field f = c.getDeclaredField(name);
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()
                    || java.lang.reflect.Modifier.isFinal(f.getModifiers())) return;
            f.setAccessible(true);
            f.set(null, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a field of that class (e.g. a statement ran in between): nothing to clear
        }
    }

    private volatile Class<?> lastInvoked;

    boolean takeTimedOut() { boolean t = timedOut; timedOut = false; return t; }

    boolean takeInterrupted() { boolean t = interrupted; interrupted = false; return t; }

    /** Whether the last interrupt had to be enforced by a stop check. */
    boolean takeStopped() { boolean t = stopped; stopped = false; return t; }

    boolean isRunningUserCode() { return userThread != null; }

    // ---------------------------------------------------------------- class loading with stop checks

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ensureStopClass();
        ClassBytecodes[] woven = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) woven[i] = new ClassBytecodes(cbcs[i].name(), weave(cbcs[i].bytecodes()));
        super.load(woven);
    }

    private synchronized void ensureStopClass() throws ClassInstallException, NotImplementedException, EngineTerminationException {
        if (stopFlag != null) return;
        super.load(new ClassBytecodes[] {new ClassBytecodes(STOP_CLASS, stopClassBytes())});
        try {
            stopFlag = findClass(STOP_CLASS).getField("stop");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the stop-check class " + STOP_CLASS + " could not be loaded", e);
        }
    }

    /** {@code public class REPL.$CellStop$ { public static volatile boolean stop; public static void check() } }. */
    static byte[] stopClassBytes() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, STOP_INTERNAL, null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_VOLATILE, "stop", "Z", null, null).visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "check", "()V", null, null);
        mv.visitCode();
        Label go = new Label();
        mv.visitFieldInsn(Opcodes.GETSTATIC, STOP_INTERNAL, "stop", "Z");
        mv.visitJumpInsn(Opcodes.IFEQ, go);
        mv.visitTypeInsn(Opcodes.NEW, STOP_ERROR_INTERNAL);
        mv.visitInsn(Opcodes.DUP);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, STOP_ERROR_INTERNAL, "<init>", "()V", false);
        mv.visitInsn(Opcodes.ATHROW);
        mv.visitLabel(go);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * Adds {@code REPL.$CellStop$.check()} at the start of every method and before every backward jump.
     * The call takes and leaves no operands and sits between a branch target and the jump, so neither the
     * stack sizes nor the stack-map frames change. A class file this ASM version cannot read (a JDK newer
     * than it knows) is loaded unchanged; stops then rely on interrupts alone.
     */
    byte[] weave(byte[] classFile) {
        try {
            ClassReader reader = new ClassReader(classFile);
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                    MethodVisitor mv = super.visitMethod(access, name, desc, sig, exceptions);
                    return mv == null ? null : new StopCheckWeaver(mv);
                }
            }, 0);
            return writer.toByteArray();
        } catch (RuntimeException e) {
            weaving = false;
            return classFile;
        }
    }

    private static final class StopCheckWeaver extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        StopCheckWeaver(MethodVisitor mv) { super(Opcodes.ASM9, mv); }

        private void check() { super.visitMethodInsn(Opcodes.INVOKESTATIC, STOP_INTERNAL, "check", "()V", false); }

        @Override public void visitCode() { super.visitCode(); check(); }

        @Override public void visitLabel(Label label) { seen.add(label); super.visitLabel(label); }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) check();
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (anySeen(dflt, labels)) check();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (anySeen(dflt, labels)) check();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        private boolean anySeen(Label dflt, Label[] labels) {
            if (seen.contains(dflt)) return true;
            for (Label l : labels) if (seen.contains(l)) return true;
            return false;
        }
    }

    private void setStopFlag(boolean value) {
        Field f = stopFlag;
        if (f == null) return;
        try {
            f.setBoolean(null, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- running statements

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        lastInvoked = doitMethod.getDeclaringClass();
        long limit = timeoutMs;
        ScheduledFuture<?> timer = null;
        Thread self = Thread.currentThread();
        synchronized (stopLock) {
            setStopFlag(false);
            userThread = self;
            invocation++;
        }
        if (limit > 0) {
            timer = watchdog.schedule(() -> { timedOut = true; interruptUserCode(); }, limit, TimeUnit.MILLISECONDS);
        }
        try {
            lastValue = doitMethod.invoke(null);
        } finally {
            synchronized (stopLock) {
                userThread = null;
                setStopFlag(false);
            }
            if (timer != null) timer.cancel(false);
        }
        return ""; // JShell's value string is not used: the kernel renders lastValue itself
    }

    /** Interrupts the running statement; raises the stop request if it still runs after the grace time. */
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
        watchdog.schedule(() -> requestStop(t, which), STOP_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    private void requestStop(Thread t, long which) {
        synchronized (stopLock) {
            if (userThread != t || invocation != which) return;
            stopped = true;
            setStopFlag(true);
            t.interrupt();
        }
        watchdog.schedule(() -> noticeIfStillRunning(t, which), LIBRARY_NOTICE_MS, TimeUnit.MILLISECONDS);
    }

    private void noticeIfStillRunning(Thread t, long which) {
        synchronized (stopLock) {
            if (userThread != t || invocation != which) return;
        }
        StackTraceElement[] st = t.getStackTrace();
        String where = st.length == 0 ? "unknown" : st[0].toString();
        notices.accept("The cell ignored the interrupt for " + (STOP_GRACE_MS + LIBRARY_NOTICE_MS) / 1000
                + " s and is running in library code that does not check interrupts (at " + where
                + "); it stops when that call returns to notebook code. Restart the kernel to end it now.");
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
