package org.coreloss.kernel;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Evaluates Java cells with an in-process JShell. All shell work runs on one daemon "cell thread" whose
 * context class loader is the shell's class loader (ND4J and other {@link java.util.ServiceLoader} users
 * need it). A cell is split into top-level snippets; they run in order and evaluation stops at the first
 * error. Errors become {@link CellException}s whose report names the line of the cell.
 *
 * <p>Thread-safety: {@link #eval} may be called from any thread and blocks until the cell ends;
 * {@link #interrupt()} may be called concurrently from another thread.
 */
public final class JavaEvaluator implements Closeable {
    /** Outcome of a cell: the last expression's value, if the cell ended with an expression. */
    public record Result(boolean hasValue, Object value) {
        static final Result NONE = new Result(false, null);
    }

    private final CellExecutionControl control;
    private final JShell shell;
    private final ExecutorService cellThread;
    private volatile Thread cellThreadRef;

    public JavaEvaluator() {
        CellExecutionControl.Provider provider = new CellExecutionControl.Provider();
        this.cellThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "coreloss-cell");
            t.setDaemon(true);
            cellThreadRef = t;
            return t;
        });
        // build the shell on the cell thread so that everything JShell does happens there
        this.shell = submit(() -> JShell.builder()
                .executionEngine(provider, java.util.Map.of())
                .compilerOptions("-proc:none")
                .fileManager(ShellFileManager::new)
                .build());
        this.control = provider.generated();
        control.setNotices(m -> System.err.println(m));
        submit(() -> {
            Thread.currentThread().setContextClassLoader(control.shellLoader());
            return null;
        });
    }

    /** The class loader of notebook code (parent: the kernel's class loader). */
    public ClassLoader shellClassLoader() { return control.shellLoader(); }

    /** Limit for one top-level statement in milliseconds ({@code <= 0}: none). */
    public void setTimeoutMs(long timeoutMs) { control.setTimeoutMs(timeoutMs); }

    /** Adds a jar or directory to the class path of both the compiler and the class loader. */
    public void addToClasspath(String path) {
        submit(() -> { shell.addToClasspath(path); return null; });
    }

    /**
     * Evaluates import lines as ONE JShell snippet (one compilation instead of one per line; JShell keeps
     * the whole text as that snippet's imports). If the snippet is rejected, each line is evaluated on its
     * own so that one bad import does not lose the others. Returns the lines that failed.
     */
    public List<String> evalImports(List<String> imports) {
        return onCellThread(() -> {
            List<String> failed = new ArrayList<>();
            if (imports.isEmpty()) return failed;
            // one snippet per import: a combined snippet was tried (fewer compilations at start) but when a cell
            // repeats one of its imports JShell replaces the combined snippet, and re-evaluating it recompiled the
            // variables of earlier cells and reset them to null (ImportReplayTest)
            for (String imp : imports) {
                boolean ok = false;
                for (SnippetEvent ev : shell.eval(imp)) {
                    if (ev.causeSnippet() == null && ev.status().isActive()) ok = true;
                }
                if (!ok) failed.add(imp);
            }
            return failed;
        });
    }

    /** Marks the start of a new notebook cell (error reports then tell this cell's lines from earlier ones). */
    public void beginCell() {
        onCellThread(() -> {
            currentCell = ++cellSerial;
            Thread.interrupted();                  // an interrupt aimed at the previous cell must not leak
            interruptedOutsideUserCode = false;
            return null;
        });
    }

    /** Evaluates a cell whose first line is line 1. */
    public Result eval(String code) { return eval(code, 1); }

    /**
     * Evaluates Java source; {@code firstLine} is the cell line of its first line (for error reports when
     * the code is a part of a cell after a magic).
     */
    public Result eval(String code, int firstLine) {
        if (Thread.currentThread() == cellThreadRef) return evalHere(code, firstLine); // nested (magics)
        return submit(() -> evalHere(code, firstLine));
    }

    /** Runs {@code task} on the cell thread (with the shell's context class loader) and waits for it. */
    public <T> T onCellThread(Callable<T> task) {
        if (Thread.currentThread() == cellThreadRef) {
            try { return task.call(); } catch (RuntimeException e) { throw e; } catch (Exception e) { throw new RuntimeException(e); }
        }
        return submit(task);
    }

    /** True while a cell (or a task on the cell thread) runs user code. */
    public boolean isRunningUserCode() { return control.isRunningUserCode(); }

    /** Interrupts the running cell (cooperatively; at the next stop check in notebook code after a grace time). */
    public void interrupt() {
        if (control.isRunningUserCode()) {
            control.interruptUserCode();
            return;
        }
        Thread t = cellThreadRef;
        if (t != null && busy.get() > 0) {
            // a magic or kernel code runs on the cell thread: raise the flag it polls and wake it from waits
            interruptedOutsideUserCode = true;
            t.interrupt();
            control.interruptUserCode(); // in case it entered user code meanwhile
        }
    }

    /** Returns and clears the "interrupt requested" flag raised while no notebook statement was running. */
    public boolean consumeInterrupt() {
        boolean r = interruptedOutsideUserCode;
        interruptedOutsideUserCode = false;
        return r;
    }

    private final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();

    private volatile boolean interruptedOutsideUserCode;

    /** Where each snippet came from: the serial number of its cell and the cell line where it starts. */
    private record Origin(long cell, int line) {}
    private final java.util.Map<String, Origin> origins = new java.util.concurrent.ConcurrentHashMap<>();
    private long cellSerial;
    private long currentCell;

    /** Whether an interrupt was requested for the current cell (for long magics that poll). */
    public boolean interruptRequested() {
        return interruptedOutsideUserCode || Thread.currentThread().isInterrupted();
    }

    private <T> T submit(Callable<T> task) {
        Future<T> f = cellThread.submit(() -> {
            busy.incrementAndGet();
            try {
                return task.call();
            } finally {
                busy.decrementAndGet();
            }
        });
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new CellException(CellException.Kind.INTERRUPTED, "InterruptedException", "interrupted while waiting for the cell", List.of("interrupted"));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    // ---------------------------------------------------------------- evaluation on the cell thread

    private record Piece(String source, int offset) {}

    private Result evalHere(String code, int firstLine) {
        Thread.interrupted();               // a stale flag from an earlier cell must not leak into this one
        interruptedOutsideUserCode = false;
        control.takeInterrupted();
        control.takeTimedOut();
        control.takeStopped();
        Result result = Result.NONE;
        for (Piece piece : split(code)) {
            List<SnippetEvent> events = shell.eval(piece.source);
            Object value = control.takeLastValue();
            Result pieceResult = Result.NONE;
            int pieceLine = lineOf(code, piece.offset + leadingBlank(piece.source), firstLine);
            List<VarSnippet> temps = new ArrayList<>();
            try {
            for (SnippetEvent ev : events) {
                if (ev.causeSnippet() != null) continue;       // side effects on other snippets
                if (ev.snippet() instanceof VarSnippet temp && temp.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                        && ev.status().isActive()) {
                    temps.add(temp);
                }
                Snippet sn = ev.snippet();
                origins.put(sn.id(), new Origin(currentCell, pieceLine));
                if (ev.status() == Snippet.Status.REJECTED) {
                    throw compileError(code, firstLine, piece, sn);
                }
                JShellException ex = ev.exception();
                if (ex != null) {
                    boolean timedOut = control.takeTimedOut();
                    boolean interrupted = control.takeInterrupted();
                    Thread.interrupted();
                    throw runtimeError(code, firstLine, piece, ex, timedOut, interrupted);
                }
                if (isValueSnippet(sn)) pieceResult = new Result(true, value);
            }
            } finally {
                for (VarSnippet temp : temps) dropTempVar(temp); // also when the expression threw
            }
            result = pieceResult;
            if (control.takeTimedOut()) {
                control.takeInterrupted();
                Thread.interrupted();
                throw new CellException(CellException.Kind.TIMEOUT, "TimeoutException",
                        "statement exceeded IJAVA_TIMEOUT (cell line " + pieceLine + ")",
                        List.of("Statement at line " + pieceLine + " exceeded IJAVA_TIMEOUT and was interrupted."));
            }
            if (control.takeInterrupted() || Thread.interrupted() || interruptedOutsideUserCode) {
                interruptedOutsideUserCode = false;
                Thread.interrupted();
                throw new CellException(CellException.Kind.INTERRUPTED, "InterruptedException",
                        "cell interrupted", List.of("Cell interrupted at line " + lineOf(code, piece.offset, firstLine) + "."));
            }
        }
        return result;
    }

    /**
     * Drops JShell's temporary variable ({@code $1}, {@code $2}, ...) of an expression snippet once its
     * value has been taken: otherwise every later snippet is compiled with one more static import and
     * the variable's value stays reachable for the whole session. The value is the cell's result and is
     * kept by the kernel where needed (display), not by the shell.
     */
    private void dropTempVar(VarSnippet temp) {
        String name = temp.name();
        shell.drop(temp);
        control.clearStaticField(name);
        origins.remove(temp.id());
    }

    private static int leadingBlank(String src) {
        return src.length() - src.stripLeading().length();
    }

    private static boolean isValueSnippet(Snippet sn) {
        if (sn.kind() == Snippet.Kind.EXPRESSION) return true;
        return sn instanceof VarSnippet && sn.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private List<Piece> split(String code) {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        List<Piece> pieces = new ArrayList<>();
        String remaining = code;
        while (!remaining.isBlank()) {
            int consumedBefore = code.length() - remaining.length();
            SourceCodeAnalysis.CompletionInfo ci = sca.analyzeCompletion(remaining);
            String src = ci.source();
            switch (ci.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> {
                    pieces.add(new Piece(src, consumedBefore + startIn(remaining, src)));
                    remaining = ci.remaining();
                }
                case EMPTY -> remaining = "";
                default -> { // incomplete or unknown: let JShell report the error
                    String rest = src == null || src.isBlank() ? remaining : src;
                    pieces.add(new Piece(rest, consumedBefore + startIn(remaining, rest)));
                    remaining = src == null || src.isBlank() ? "" : ci.remaining();
                }
            }
        }
        return pieces;
    }

    /** Index in {@code text} where {@code src} begins (snippet sources are stripped of leading space). */
    private static int startIn(String text, String src) {
        if (src == null) return 0;
        if (text.startsWith(src)) return 0;
        String probe = src.strip();
        if (probe.length() > 40) probe = probe.substring(0, 40);
        int i = probe.isEmpty() ? -1 : text.indexOf(probe);
        if (i < 0) return 0;
        int lead = src.length() - src.stripLeading().length();
        return Math.max(0, i - lead);
    }

    static int lineOf(String code, int offset, int firstLine) {
        int line = firstLine;
        for (int i = 0; i < Math.min(offset, code.length()); i++) if (code.charAt(i) == '\n') line++;
        return line;
    }

    private CellException compileError(String code, int firstLine, Piece piece, Snippet sn) {
        List<String> report = new ArrayList<>();
        String first = null;
        for (Diag d : (Iterable<Diag>) shell.diagnostics(sn)::iterator) {
            if (!d.isError()) continue;
            long pos = Math.max(0, d.getStartPosition());
            int line = lineOf(code, piece.offset + (int) Math.min(pos, piece.source.length()), firstLine);
            String msg = d.getMessage(null);
            if (first == null) first = "line " + line + ": " + msg.lines().findFirst().orElse(msg);
            report.add("Compile error at line " + line + " of the cell:");
            report.add("    " + sourceLine(code, line - firstLine + 1));
            int col = column(code, piece.offset + (int) Math.min(pos, piece.source.length()));
            report.add("    " + " ".repeat(Math.max(0, col)) + "^");
            msg.lines().filter(l -> !l.matches("\\s*location: class\\s*")).forEach(report::add);
        }
        if (first == null) { // rejected without an error diagnostic (e.g. incomplete input)
            int line = lineOf(code, piece.offset, firstLine);
            first = "line " + line + ": the snippet was rejected (incomplete or invalid input)";
            report.add("Compile error at line " + line + " of the cell: incomplete or invalid input:");
            report.add("    " + sourceLine(code, line - firstLine + 1));
        }
        return new CellException(CellException.Kind.COMPILE, "CompilationException", first, report);
    }

    private static String sourceLine(String code, int lineInCode) {
        String[] lines = code.split("\n", -1);
        return lineInCode >= 1 && lineInCode <= lines.length ? lines[lineInCode - 1] : "";
    }

    private static int column(String code, int offset) {
        int start = code.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        if (offset > 0 && code.charAt(Math.min(offset, code.length()) - 1) == '\n') start = offset;
        return Math.max(0, offset - start);
    }

    private CellException runtimeError(String code, int firstLine, Piece piece, JShellException ex, boolean timedOut, boolean interrupted) {
        List<String> report = new ArrayList<>();
        String name;
        String msg;
        if (ex instanceof UnresolvedReferenceException ure) {
            name = "UnresolvedReferenceException";
            msg = "'" + ure.getSnippet().toString().lines().findFirst().orElse("") + "' refers to something not yet defined";
            shell.unresolvedDependencies(ure.getSnippet()).forEach(d -> report.add("unresolved: " + d));
        } else if (ex instanceof EvalException ee) {
            name = ee.getExceptionClassName();
            msg = ee.getMessage() == null ? "" : ee.getMessage();
        } else {
            name = ex.getClass().getName();
            msg = String.valueOf(ex.getMessage());
        }
        int line = lineOf(code, piece.offset + leadingBlank(piece.source), firstLine);
        CellException.Kind kind = CellException.Kind.RUNTIME;
        if (timedOut) {
            kind = CellException.Kind.TIMEOUT;
            report.add(0, "Statement at line " + line + " exceeded IJAVA_TIMEOUT and was interrupted.");
        } else if (interrupted) {
            kind = CellException.Kind.INTERRUPTED;
            report.add(0, "Cell interrupted at line " + line + ".");
        }
        if (CellStoppedError.class.getName().equals(name)) {
            if (kind == CellException.Kind.RUNTIME) kind = CellException.Kind.INTERRUPTED;
            msg = "the statement ignored the interrupt for " + CellExecutionControl.STOP_GRACE_MS / 1000.0
                    + " s and was stopped at a stop check in notebook code; check Thread.interrupted() in long loops";
        }
        report.add(name + (msg.isEmpty() ? "" : ": " + msg));
        addFrames(report, ex);
        Throwable cause = ex.getCause();
        while (cause != null) {
            String cn = cause instanceof EvalException ce ? ce.getExceptionClassName() : cause.getClass().getName();
            report.add("Caused by: " + cn + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            addFrames(report, cause);
            cause = cause.getCause();
        }
        String where = firstCellLine(ex, line);
        return new CellException(kind, shortName(name), msg + " (" + where + ")", report);
    }

    private static String shortName(String className) {
        int i = className.lastIndexOf('.');
        return i < 0 ? className : className.substring(i + 1);
    }

    /** "cell line N" (or "line N of an earlier cell") of a frame in notebook code, or null. */
    private String where(StackTraceElement e) {
        String file = e.getFileName();
        if (file == null || !file.startsWith("#")) return null;
        Origin o = origins.get(file.substring(1));
        if (o == null) return "snippet " + file + " line " + e.getLineNumber();
        int line = o.line + Math.max(1, e.getLineNumber()) - 1;
        return o.cell == currentCell ? "cell line " + line : "line " + line + " of an earlier cell";
    }

    private String firstCellLine(Throwable ex, int pieceLine) {
        for (StackTraceElement e : ex.getStackTrace()) {
            String w = where(e);
            if (w != null) return w;
        }
        return "cell line " + pieceLine;
    }

    private void addFrames(List<String> report, Throwable ex) {
        int shown = 0;
        for (StackTraceElement e : ex.getStackTrace()) {
            String w = where(e);
            if (w != null) {
                String m = e.getMethodName();
                report.add("    at " + w + (m.isEmpty() || m.startsWith("do_it$") ? "" : " (in " + m + ")"));
                continue;
            }
            String cls = e.getClassName();
            if (cls.startsWith("jdk.internal.reflect") || cls.startsWith("java.lang.reflect")
                    || cls.startsWith("jdk.jshell") || cls.startsWith("org.coreloss.kernel.CellExecutionControl")) {
                break; // below this are the shell's own frames
            }
            if (shown++ < 20) report.add("    at " + e);
        }
    }

    // ---------------------------------------------------------------- completion, is_complete, inspect

    /** Completion candidates for {@code code} at {@code cursor}; {@code anchor[0]} receives the start of the replaced text. */
    public List<String> complete(String code, int cursor, int[] anchor) {
        return onCellThread(() -> {
            List<SourceCodeAnalysis.Suggestion> s = shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor);
            Set<String> out = new LinkedHashSet<>();
            for (SourceCodeAnalysis.Suggestion x : s) out.add(x.continuation());
            return new ArrayList<>(out);
        });
    }

    /** Jupyter is_complete status of Java source: "complete", "incomplete", or "invalid". */
    public String isComplete(String code) {
        return onCellThread(() -> {
            String remaining = code;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo ci = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
                switch (ci.completeness()) {
                    case COMPLETE, COMPLETE_WITH_SEMI -> remaining = ci.remaining();
                    case EMPTY -> remaining = "";
                    case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> { return "incomplete"; }
                    default -> { return "invalid"; }
                }
            }
            return "complete";
        });
    }

    /** Signature and javadoc of the element at {@code cursor}, or empty if none. */
    public String inspect(String code, int cursor) {
        String doc = documentation(code, cursor);
        if (!doc.isEmpty()) return doc;
        // JShell documents an invocation when the cursor is inside its parentheses: retry there
        int i = Math.min(Math.max(cursor, 0), code.length());
        while (i < code.length() && Character.isJavaIdentifierPart(code.charAt(i))) i++;
        if (i < code.length() && code.charAt(i) == '(') return documentation(code, i + 1);
        // a method name without brackets (Shift+Tab on "Math.max"): document it as if the bracket were typed
        if (i > 0 && Character.isJavaIdentifierPart(code.charAt(i - 1))) return documentation(code.substring(0, i) + "(", i + 1);
        return "";
    }

    private String documentation(String code, int cursor) {
        return onCellThread(() -> {
            StringBuilder sb = new StringBuilder();
            for (SourceCodeAnalysis.Documentation d : shell.sourceCodeAnalysis().documentation(code, cursor, true)) {
                sb.append(d.signature()).append('\n');
                if (d.javadoc() != null && !d.javadoc().isBlank()) sb.append(d.javadoc().strip()).append("\n\n");
            }
            return sb.toString().strip();
        });
    }

    /** Names of the variables defined in the shell. */
    public List<String> variableNames() {
        return onCellThread(() -> shell.variables().map(VarSnippet::name).toList());
    }

    @Override
    public void close() {
        try {
            onCellThread(() -> { shell.close(); return null; });
        } finally {
            cellThread.shutdownNow();
        }
    }
}
