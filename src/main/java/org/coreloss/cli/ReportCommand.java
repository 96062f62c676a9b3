package org.coreloss.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coreloss.provenance.ValueMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coreloss report [--check] [FILE...]}: rewrites (or, with {@code --check}, compares) every value
 * marker {@code <!--@ FILE POINTER [FORMAT] -->TEXT<!--@-->} in README.md and docs/*.md from the committed
 * results files (see {@link ValueMarkers}).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerates the numbers between value markers <!--@ FILE POINTER [FORMAT] -->TEXT<!--@--> in README.md"
                + " and docs/*.md from the results files they name; --check compares instead and exits 1 on any difference.")
public final class ReportCommand implements CliCommand, Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--check", description = "compare only; exit 1 and list file, line, marker and both values on any difference")
    boolean check;

    @Option(names = "--root", paramLabel = "DIR", description = "repository root (default: the first folder upwards from the working directory that holds README.md and pom.xml)")
    Path root;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Markdown files (default: README.md and docs/*.md under the root)")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path r = root != null ? root.toAbsolutePath().normalize() : findRoot(Path.of("").toAbsolutePath());
        if (r == null) {
            err.println("error: no repository root (a folder with README.md and pom.xml) above " + Path.of("").toAbsolutePath() + "; pass --root");
            return 2;
        }
        List<Path> docs = new ArrayList<>();
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            if (!Files.isRegularFile(abs)) {
                err.println("error: " + f + ": no such Markdown file");
                return 2;
            }
            docs.add(abs);
        }
        if (docs.isEmpty()) docs = ValueMarkers.defaultDocuments(r);
        ValueMarkers.Report rep;
        try {
            rep = ValueMarkers.report(r, docs, !check);
        } catch (ValueMarkers.MarkerException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (check) {
            for (ValueMarkers.Difference d : rep.differences()) err.println(d);
            out.println("report --check: " + rep.markers() + " markers in " + rep.documents() + " documents, "
                    + rep.differences().size() + " differ");
            out.flush();
            err.flush();
            return rep.differences().isEmpty() ? 0 : 1;
        }
        for (ValueMarkers.Difference d : rep.differences()) out.println("updated " + d);
        out.println("report: " + rep.markers() + " markers in " + rep.documents() + " documents, "
                + rep.differences().size() + " updated in " + rep.rewritten().size() + " files");
        out.flush();
        return 0;
    }

    static Path findRoot(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isRegularFile(p.resolve("pom.xml"))) return p;
        }
        return null;
    }
}
