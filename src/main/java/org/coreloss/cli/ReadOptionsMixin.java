package org.coreloss.cli;

import org.coreloss.data.io.ReadOptions;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The reading options of {@code %spectra load} for the {@code coreloss} commands that take {@code --data}. */
public final class ReadOptionsMixin {
    @Option(names = "--kind", paramLabel = "KIND", description = "file kind: auto (default), two-column, fdmnes, feff-xmu, feff-chi, optados")
    String kind;
    @Option(names = "--skip", paramLabel = "N", description = "lines dropped at the top of every text file")
    Integer skip;
    @Option(names = "--comment", paramLabel = "C[,C]", description = "comment prefixes (default #,%,!)")
    String comment;
    @Option(names = "--columns", paramLabel = "E,I", description = "1-based energy and intensity columns of text files")
    String columns;
    @Option(names = "--column", paramLabel = "NAME", description = "named column of FDMNES (<xanes>) or FEFF (mu, mu0, chi) files")
    String column;
    @Option(names = "--glob", paramLabel = "PATTERN", description = "files of a folder to read, e.g. '*_conv.txt'")
    String glob;
    @Option(names = "--grid-rule", paramLabel = "RULE", description = "same | overlap (default: common range, finest median spacing, linear)")
    String gridRule;
    @Option(names = "--grid", paramLabel = "FROM:TO:STEP", description = "resample every spectrum onto this grid (eV)")
    String grid;

    /** The options (IllegalArgumentException naming the option for bad values). */
    ReadOptions options() {
        List<String> a = new ArrayList<>();
        add(a, "--kind", kind);
        add(a, "--skip", skip == null ? null : skip.toString());
        add(a, "--comment", comment);
        add(a, "--columns", columns);
        add(a, "--column", column);
        add(a, "--glob", glob);
        add(a, "--grid-rule", gridRule);
        add(a, "--grid", grid);
        return ReadOptions.parse(a);
    }

    private static void add(List<String> a, String k, String v) { if (v != null) { a.add(k); a.add(v); } }
}
