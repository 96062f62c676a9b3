package org.coreloss.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.coreloss.display.MimeBundle;
import org.coreloss.kernel.magic.Magic;
import org.coreloss.kernel.magic.MagicContext;
import org.coreloss.kernel.magic.MagicException;

/** The kernel's own magics: {@code %jars}, {@code %classpath}, {@code %load}, {@code %help}, {@code %time}/{@code %%time}. */
final class BuiltinMagics {
    private BuiltinMagics() {}

    static void registerAll(CorelossKernel kernel, MagicRegistry registry) {
        registry.register(new Jars(kernel));
        registry.register(new ClassPath(kernel));
        registry.register(new Load(kernel));
        registry.register(new Help(registry));
        registry.register(new Time(kernel));
    }

    /** {@code %jars glob...}: adds jar files to the class path. */
    static final class Jars implements Magic {
        private final CorelossKernel kernel;
        Jars(CorelossKernel kernel) { this.kernel = kernel; }
        @Override public String name() { return "jars"; }
        @Override public String usage() { return "%jars <path-or-glob.jar>..."; }
        @Override public String description() { return "Adds jar files (globs allowed, e.g. lib/*.jar) to the notebook's class path."; }
        @Override public Object execute(MagicContext ctx, List<String> args, String body) {
            if (args.isEmpty()) throw new MagicException("expected at least one jar path or glob; usage: " + usage());
            List<String> added = new ArrayList<>();
            for (String a : args) {
                List<Path> found = Globs.resolve(ctx.workingDirectory(), a);
                if (found.isEmpty()) throw new MagicException("no file matches '" + a + "' (relative to " + ctx.workingDirectory() + ")");
                for (Path p : found) {
                    if (!p.toString().endsWith(".jar")) continue;
                    kernel.evaluator().addToClasspath(p.toString());
                    added.add(p.toString());
                }
            }
            kernel.classpathChanged();
            return null;
        }
    }

    /** {@code %classpath path...}: adds directories or jars; without arguments shows the class path. */
    static final class ClassPath implements Magic {
        private final CorelossKernel kernel;
        private final List<String> added = new ArrayList<>();
        ClassPath(CorelossKernel kernel) { this.kernel = kernel; }
        @Override public String name() { return "classpath"; }
        @Override public String usage() { return "%classpath [<dir-or-jar-or-glob>...]"; }
        @Override public String description() { return "Adds class directories or jars to the notebook's class path; with no argument lists the added entries."; }
        @Override public Object execute(MagicContext ctx, List<String> args, String body) {
            if (args.isEmpty()) {
                return "kernel class path: " + System.getProperty("java.class.path").split(File.pathSeparator).length
                        + " entries\nadded: " + (added.isEmpty() ? "(none)" : String.join(File.pathSeparator, added));
            }
            for (String a : args) {
                List<Path> found = Globs.resolve(ctx.workingDirectory(), a);
                if (found.isEmpty()) throw new MagicException("no file or directory matches '" + a + "' (relative to " + ctx.workingDirectory() + ")");
                for (Path p : found) {
                    kernel.evaluator().addToClasspath(p.toString());
                    added.add(p.toString());
                }
            }
            kernel.classpathChanged();
            return null;
        }
    }

    /** {@code %load file}: evaluates a Java/JShell file in the notebook. */
    static final class Load implements Magic {
        private final CorelossKernel kernel;
        Load(CorelossKernel kernel) { this.kernel = kernel; }
        @Override public String name() { return "load"; }
        @Override public String usage() { return "%load <file.jsh|file.java>"; }
        @Override public String description() { return "Evaluates the Java source of a file in the notebook; the value of its last expression is shown."; }
        @Override public Object execute(MagicContext ctx, List<String> args, String body) throws IOException {
            if (args.size() != 1) throw new MagicException("expected exactly one file; usage: " + usage());
            Path p = ctx.workingDirectory().resolve(args.get(0));
            if (!Files.isRegularFile(p)) throw new MagicException("file not found: " + p);
            JavaEvaluator.Result r = kernel.evaluator().eval(Files.readString(p));
            return r.hasValue() ? r.value() : null;
        }
    }

    /** {@code %help}: lists every magic with its usage. */
    static final class Help implements Magic {
        private final MagicRegistry registry;
        Help(MagicRegistry registry) { this.registry = registry; }
        @Override public String name() { return "help"; }
        @Override public String usage() { return "%help [name]"; }
        @Override public String description() { return "Lists every magic with its usage and what it does."; }
        /** "%name", "%%name" or "%name, %%name" (line and cell forms). */
        static String names(Magic m) {
            if (m.isLine() && m.isCell()) return "%" + m.name() + ", %%" + m.name();
            return (m.isCell() ? "%%" : "%") + m.name();
        }

        @Override public Object execute(MagicContext ctx, List<String> args, String body) {
            List<Magic> list = registry.all();
            if (!args.isEmpty()) {
                String n = args.get(0).replaceFirst("^%+", "");
                list = list.stream().filter(m -> m.name().equals(n)).toList();
                if (list.isEmpty()) throw new MagicException("no magic named '" + n + "'");
            }
            StringBuilder text = new StringBuilder();
            // left-aligned, top-aligned cells (Jupyter's table style right-aligns by default); usages wrap
            String cell = "style=\"text-align:left;vertical-align:top;padding:2px 10px 2px 0\"";
            StringBuilder html = new StringBuilder("<table class=\"coreloss-help\" style=\"border-collapse:collapse\"><thead><tr>")
                    .append("<th ").append(cell).append(">magic</th><th ").append(cell).append(">usage</th><th ")
                    .append(cell).append(">what it does</th></tr></thead><tbody>");
            for (Magic m : list) {
                String names = names(m);
                text.append(String.format(Locale.ROOT, "%-16s %s%n%16s %s%n", names, m.usage(), "", m.description()));
                html.append("<tr><td ").append(cell.replace("\"text-align", "\"white-space:nowrap;text-align")).append("><code>")
                        .append(NotebookProgress.escape(names)).append("</code></td><td ")
                        .append(cell.replace("\"text-align", "\"white-space:pre-wrap;text-align")).append("><code>")
                        .append(NotebookProgress.escape(m.usage())).append("</code></td><td ").append(cell).append(">")
                        .append(NotebookProgress.escape(m.description())).append("</td></tr>");
            }
            html.append("</tbody>");
            html.append("</table>");
            return new MimeBundle().put(MimeBundle.TEXT_PLAIN, text.toString().stripTrailing()).put(MimeBundle.TEXT_HTML, html.toString());
        }
    }

    /** {@code %time code} / {@code %%time}: runs Java code and prints its wall time. */
    static final class Time implements Magic {
        private final CorelossKernel kernel;
        Time(CorelossKernel kernel) { this.kernel = kernel; }
        @Override public String name() { return "time"; }
        @Override public String usage() { return "%time <java expression or statement>  |  %%time (cell)"; }
        @Override public String description() { return "Runs the Java code and prints its wall-clock time; shows its value."; }
        @Override public boolean isCell() { return true; }
        @Override public Object execute(MagicContext ctx, List<String> args, String body) {
            String code = body != null ? body : String.join(" ", args);
            if (code.isBlank()) throw new MagicException("nothing to time; usage: " + usage());
            long t0 = System.nanoTime();
            JavaEvaluator.Result r;
            try {
                r = kernel.evaluator().eval(code, body != null ? 2 : 1);
            } finally {
                System.out.printf(Locale.ROOT, "Wall time: %.3f ms%n", (System.nanoTime() - t0) / 1e6);
            }
            return r.hasValue() ? r.value() : null;
        }
    }
}
