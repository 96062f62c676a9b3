package org.coreloss.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.coreloss.display.DisplayRegistry;
import org.coreloss.display.MimeBundle;
import org.coreloss.kernel.magic.Magic;
import org.coreloss.kernel.magic.MagicContext;
import org.coreloss.kernel.magic.MagicException;
import org.coreloss.progress.ProgressListener;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * The Coreloss Java kernel: Jupyter protocol from JJava's {@link BaseKernel}, cells evaluated by an
 * in-process {@link JavaEvaluator}, values rendered by the {@link DisplayRegistry} (text/plain fallback),
 * magics from a {@link MagicRegistry}. The shell is created on a background thread at construction so
 * the kernel answers kernel_info at once; the first cell waits for it.
 */
public final class CorelossKernel extends BaseKernel {
    /** Resource holding the default imports of every notebook. */
    public static final String STARTUP_IMPORTS = "/org/coreloss/kernel/kernelspec/startup.jsh";

    private final KernelSettings settings;
    private final CompletableFuture<JavaEvaluator> evaluatorFuture;
    private final MagicRegistry magics = new MagicRegistry();
    private volatile DisplayRegistry displayRegistry;

    public CorelossKernel(KernelSettings settings) {
        super("coreloss", version(), new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source",
                        ".jshell", "java", "java", "script"),
                List.of(new HelpLink("Coreloss docs", "docs/kernel.md")),
                null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                new MagicParser("^\\s*%", "^\\s*%%", new MagicTranspiler()), new MagicsRegistry(), false,
                new StringStyler.Builder().build());
        this.settings = settings;
        BuiltinMagics.registerAll(this, magics);
        this.evaluatorFuture = CompletableFuture.supplyAsync(this::startEvaluator, r -> {
            Thread t = new Thread(r, "coreloss-kernel-init");
            t.setDaemon(true);
            t.start();
        });
        Notebook.install(this);
    }

    private static String version() {
        String v = CorelossKernel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private JavaEvaluator startEvaluator() {
        JavaEvaluator ev = new JavaEvaluator();
        ev.setTimeoutMs(settings.timeoutMs());
        for (String entry : settings.classpath()) {
            for (Path p : Globs.resolve(entry)) ev.addToClasspath(p.toString());
        }
        magics.loadServices(ev.shellClassLoader());
        // default imports: one snippet (one compilation); if it is rejected, one snippet per line
        for (String imp : ev.evalImports(startupImports())) {
            System.err.println("coreloss kernel: default import failed: " + imp);
        }
        for (String script : settings.startupScripts()) {
            for (Path p : Globs.resolve(script)) {
                try {
                    ev.eval(Files.readString(p));
                } catch (IOException | CellException e) {
                    System.err.println("coreloss kernel: start-up script " + p + " failed: " + e.getMessage());
                }
            }
        }
        if (!settings.startupScript().isBlank()) {
            try { ev.eval(settings.startupScript()); } catch (CellException e) {
                System.err.println("coreloss kernel: IJAVA_STARTUP_SCRIPT failed: " + e.getMessage());
            }
        }
        return ev;
    }

    /** The import lines of the default start-up script whose packages exist on the class path. */
    static List<String> startupImports() {
        List<String> out = new ArrayList<>();
        try (InputStream in = CorelossKernel.class.getResourceAsStream(STARTUP_IMPORTS)) {
            if (in == null) return out;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.startsWith("import ")) continue;
                String pkg = l.replaceFirst("^import\\s+(static\\s+)?", "").replaceAll("[;\\s]", "");
                if (pkg.endsWith(".*")) pkg = pkg.substring(0, pkg.length() - 2);
                if (l.contains(" static ")) pkg = pkg.substring(0, Math.max(0, pkg.lastIndexOf('.')));
                if (pkg.startsWith("java.") || packageExists(pkg)) out.add(l);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + STARTUP_IMPORTS, e);
        }
        return out;
    }

    private static boolean packageExists(String pkgOrClass) {
        ClassLoader cl = CorelossKernel.class.getClassLoader();
        return cl.getResource(pkgOrClass.replace('.', '/') + "/") != null
                || cl.getResource(pkgOrClass.replace('.', '/') + ".class") != null;
    }

    /** The evaluator, waiting for start-up to finish. */
    public JavaEvaluator evaluator() {
        try {
            return evaluatorFuture.join();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the Java shell failed to start: " + e.getMessage(), e);
        }
    }

    public MagicRegistry magics() { return magics; }

    public KernelSettings settings() { return settings; }

    /** The display registry (built on first use from the shell's class loader; rebuilt after class-path changes). */
    public DisplayRegistry displayRegistry() {
        DisplayRegistry r = displayRegistry;
        if (r == null) {
            r = DisplayRegistry.withProviders(evaluator().shellClassLoader());
            displayRegistry = r;
        }
        return r;
    }

    void classpathChanged() {
        displayRegistry = null;
        magics.loadServices(evaluator().shellClassLoader());
    }

    // ------------------------------------------------------------------ evaluation

    @Override
    public Object evalRaw(String code) {
        evaluator().beginCell();
        Object last = null;
        for (MagicSyntax.Part part : parse(code)) {
            last = runPart(part);
            if (evaluator().consumeInterrupt()) {
                throw new CellException(CellException.Kind.INTERRUPTED, "InterruptedException", "cell interrupted",
                        List.of("Cell interrupted after the part starting at line " + part.firstLine() + "."));
            }
        }
        return last;
    }

    /** Sentinel for "the cell ended with a statement, nothing to show". */
    private static final Object NO_VALUE = new Object();

    private List<MagicSyntax.Part> parse(String code) {
        try {
            return MagicSyntax.parse(code);
        } catch (IllegalArgumentException e) {
            throw new CellException(CellException.Kind.MAGIC, "MagicException", e.getMessage(), List.of(e.getMessage()));
        }
    }

    private Object runPart(MagicSyntax.Part part) {
        if (part instanceof MagicSyntax.JavaPart jp) {
            JavaEvaluator.Result r = evaluator().eval(jp.code(), jp.firstLine());
            // a trailing System.out.printf(...) / format(...) returns the stream: it printed, nothing to show
            return r.hasValue() && !(r.value() instanceof java.io.PrintStream) ? r.value() : NO_VALUE;
        }
        String name;
        List<String> args;
        String body;
        boolean cell;
        if (part instanceof MagicSyntax.LineMagicPart lm) {
            name = lm.name(); args = lm.args(); body = null; cell = false;
        } else {
            MagicSyntax.CellMagicPart cm = (MagicSyntax.CellMagicPart) part;
            name = cm.name(); args = cm.args(); body = cm.body(); cell = true;
        }
        return runMagic(name, args, body, cell, part.firstLine());
    }

    /** Runs a magic on the cell thread; user errors become {@link CellException}s without stack traces. */
    public Object runMagic(String name, List<String> args, String body, boolean cell, int line) {
        Magic magic = magics.find(name).orElseThrow(() -> magicError(line, (cell ? "%%" : "%") + name
                + ": no such magic; %help lists them"));
        if (cell && !magic.isCell()) throw magicError(line, "%%" + name + " is a line magic; write %" + name);
        if (!cell && !magic.isLine()) throw magicError(line, "%" + name + " is a cell magic; write %%" + name + " on the first line");
        MagicContext ctx = new KernelMagicContext(this);
        JavaEvaluator ev = evaluator();
        try {
            Object result = ev.onCellThread(() -> magic.execute(ctx, args, body));
            return result == null ? NO_VALUE : result;
        } catch (MagicException e) {
            throw magicError(line, (cell ? "%%" : "%") + name + ": " + e.getMessage());
        } catch (CellException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable c = e.getCause() != null && e.getClass() == RuntimeException.class ? e.getCause() : e;
            if (c instanceof MagicException me) throw magicError(line, (cell ? "%%" : "%") + name + ": " + me.getMessage());
            List<String> report = new ArrayList<>();
            report.add("Magic " + (cell ? "%%" : "%") + name + " at line " + line + " failed:");
            report.add(c.toString());
            for (StackTraceElement el : c.getStackTrace()) {
                report.add("    at " + el);
                if (report.size() > 25) break;
            }
            throw new CellException(CellException.Kind.MAGIC, c.getClass().getSimpleName(), String.valueOf(c.getMessage()), report);
        }
    }

    private static CellException magicError(int line, String msg) {
        return new CellException(CellException.Kind.MAGIC, "MagicException", msg, List.of("Magic error at line " + line + " of the cell: " + msg));
    }

    @Override
    public DisplayData eval(String code) {
        try {
            Object v = evalRaw(code);
            if (v == NO_VALUE || v == null) return null;
            return renderData(v);
        } finally {
            flushOutput();
            releaseNativeMemory();
        }
    }

    /**
     * After each cell: the ND4J workspaces that training or prediction attached to the cell thread are
     * destroyed (they keep native memory of the largest batch seen until the thread ends, which for the
     * cell thread is never). A no-op unless the {@code nn} package used ND4J.
     */
    private void releaseNativeMemory() {
        if (!evaluatorFuture.isDone() || !org.coreloss.nn.NativeMemory.used()) return;
        try {
            evaluator().onCellThread(() -> { org.coreloss.nn.NativeMemory.releaseThreadWorkspaces(); return null; });
        } catch (RuntimeException | LinkageError e) {
            System.err.println("coreloss kernel: could not release ND4J workspaces: " + e);
        }
    }

    private volatile CoalescingOutputStream cellOut;
    private volatile CoalescingOutputStream cellErr;

    /** After JJava points System.out/err at the Jupyter streams, coalesce writes into fewer messages. */
    @Override
    protected void replaceOutputStreams(org.dflib.jjava.jupyter.channels.ShellReplyEnvironment env) {
        super.replaceOutputStreams(env);
        cellOut = new CoalescingOutputStream(io.out, 50);
        cellErr = new CoalescingOutputStream(io.err, 50);
        System.setOut(new java.io.PrintStream(cellOut, true, StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(cellErr, true, StandardCharsets.UTF_8));
        env.defer(this::flushOutput); // runs before the deferred restore of the original streams
    }

    /** Sends pending cell output now (before results and displays, to keep their order). */
    void flushOutput() {
        CoalescingOutputStream o = cellOut, e = cellErr;
        if (o != null) o.forward();
        if (e != null) e.forward();
    }

    // ------------------------------------------------------------------ rendering

    /** The MIME bundle of {@code obj}: the registry's renderer if one applies, always with text/plain. */
    /**
     * The bundle of {@code obj} for a request of the given MIME types: figures and charts are rendered as
     * SVG when {@code image/svg+xml} is asked for (PNG otherwise, see {@code display.InlineImages}).
     */
    public MimeBundle toBundle(Object obj, String... mimes) {
        if (Arrays.asList(mimes).contains(MimeBundle.IMAGE_SVG)) {
            return org.coreloss.display.InlineImages.preferringSvg(() -> toBundle(obj));
        }
        return toBundle(obj);
    }

    public MimeBundle toBundle(Object obj) {
        MimeBundle b;
        if (obj instanceof MimeBundle mb) {
            b = mb;
        } else {
            b = null;
            try {
                b = displayRegistry().render(obj).orElse(null);
            } catch (RuntimeException e) {
                System.err.println("coreloss kernel: renderer for " + obj.getClass().getName() + " failed: " + e);
            }
            if (b == null) b = new MimeBundle();
        }
        if (!b.has(MimeBundle.TEXT_PLAIN)) b.put(MimeBundle.TEXT_PLAIN, plainText(obj));
        return b;
    }

    static String plainText(Object obj) {
        if (obj == null) return "null";
        if (obj instanceof Object[] a) return Arrays.deepToString(a);
        if (obj instanceof int[] a) return Arrays.toString(a);
        if (obj instanceof long[] a) return Arrays.toString(a);
        if (obj instanceof double[] a) return Arrays.toString(a);
        if (obj instanceof float[] a) return Arrays.toString(a);
        if (obj instanceof byte[] a) return Arrays.toString(a);
        if (obj instanceof short[] a) return Arrays.toString(a);
        if (obj instanceof char[] a) return Arrays.toString(a);
        if (obj instanceof boolean[] a) return Arrays.toString(a);
        return String.valueOf(obj);
    }

    DisplayData renderData(Object obj) {
        if (obj instanceof DisplayData dd) return dd;
        DisplayData d = new DisplayData();
        toBundle(obj).asMap().forEach(d::putData);
        return d;
    }

    /** Shows {@code obj} now as display_data; returns its display id. */
    public String display(Object obj, String... mimes) {
        MimeBundle b = toBundle(obj, mimes);
        if (mimes.length > 0) b = restrict(b, mimes);
        return displayBundle(b);
    }

    String displayBundle(MimeBundle b) {
        DisplayData d = new DisplayData();
        b.asMap().forEach(d::putData);
        String id = UUID.randomUUID().toString();
        d.setDisplayId(id);
        flushOutput();
        if (io.display.isAttached()) io.display.display(d);
        return id;
    }

    /** Replaces the content shown under {@code displayId}. */
    public void updateDisplay(String displayId, Object obj, String... mimes) {
        MimeBundle b = toBundle(obj, mimes);
        if (mimes.length > 0) b = restrict(b, mimes);
        updateBundle(displayId, b);
    }

    void updateBundle(String displayId, MimeBundle b) {
        DisplayData d = new DisplayData();
        b.asMap().forEach(d::putData);
        flushOutput();
        if (io.display.isAttached()) io.display.updateDisplay(displayId, d);
    }

    static MimeBundle restrict(MimeBundle b, String... mimes) {
        MimeBundle out = new MimeBundle();
        for (String m : mimes) {
            if (b.has(m)) out.put(m, b.get(m));
        }
        if (out.asMap().isEmpty()) {
            throw new IllegalArgumentException("no renderer produced any of " + Arrays.toString(mimes)
                    + "; available: " + b.asMap().keySet());
        }
        return out;
    }

    /** A notebook progress bar (HTML, at most 5 updates per second). */
    public ProgressListener progress() {
        return new NotebookProgress(this::displayBundle, this::updateBundle, System::nanoTime, 5,
                () -> evaluatorFuture.isDone() && evaluator().interruptRequested());
    }

    // ------------------------------------------------------------------ protocol hooks

    @Override
    public List<String> formatError(Throwable e) {
        flushOutput();
        if (e instanceof CellException ce) return ce.report();
        List<String> out = new ArrayList<>();
        out.add(e.toString());
        for (StackTraceElement el : e.getStackTrace()) {
            out.add("    at " + el);
            if (out.size() > 20) break;
        }
        return out;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = evaluator().inspect(code, at);
        return doc.isEmpty() ? null : new DisplayData(doc);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        String line = currentLine(code, at);
        if (line.stripLeading().startsWith("%")) {
            String prefix = line.stripLeading().replaceFirst("^%+", "");
            if (!prefix.contains(" ")) {
                List<String> names = magics.all().stream().map(Magic::name).filter(n -> n.startsWith(prefix)).toList();
                return new ReplacementOptions(names, at - prefix.length(), at);
            }
            return null;
        }
        int[] anchor = new int[1];
        List<String> c = evaluator().complete(code, at, anchor);
        return c.isEmpty() ? null : new ReplacementOptions(c, anchor[0], at);
    }

    private static String currentLine(String code, int at) {
        int end = Math.min(at, code.length());
        int start = code.lastIndexOf('\n', end - 1) + 1;
        return code.substring(start, end);
    }

    @Override
    public String isComplete(String code) {
        StringBuilder java = new StringBuilder();
        for (MagicSyntax.Part p : parseQuietly(code)) {
            if (p instanceof MagicSyntax.CellMagicPart) return IS_COMPLETE_YES;
            if (p instanceof MagicSyntax.JavaPart jp) java.append(jp.code()).append('\n');
        }
        String s = evaluator().isComplete(java.toString());
        return switch (s) {
            case "complete" -> IS_COMPLETE_YES;
            case "invalid" -> IS_COMPLETE_BAD;
            default -> "    "; // incomplete: the indent for the next line
        };
    }

    private static List<MagicSyntax.Part> parseQuietly(String code) {
        try { return MagicSyntax.parse(code); } catch (IllegalArgumentException e) { return List.of(); }
    }

    @Override
    public void interrupt() {
        if (evaluatorFuture.isDone()) evaluator().interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        Notebook.uninstall(this);
        if (evaluatorFuture.isDone()) {
            try { evaluator().close(); } catch (RuntimeException ignored) { /* shutting down */ }
        }
    }

    @Override
    public void onStartup() {
        installNotebookKernel();
    }

    /** Whether a notebook statement runs now (for tests). */
    boolean evaluatorRunsUserCode() { return evaluatorFuture.isDone() && evaluator().isRunningUserCode(); }

    /** Blocks until the shell has started (for tests and benchmarks). */
    public void awaitReady() { evaluator(); }

    /** For {@link KernelMagicContext}: the working directory of the notebook. */
    Path workingDirectory() { return Path.of("").toAbsolutePath(); }
}
