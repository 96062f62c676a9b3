package org.coreloss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SitesCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = new CommandLine(new SitesCommand());
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void rockSaltCsv(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("POSCAR");
        Files.writeString(p, "NaCl\n1.0\n5.64 0 0\n0 5.64 0\n0 0 5.64\nNa Cl\n4 4\nDirect\n0 0 0\n0.5 0.5 0\n0.5 0 0.5\n0 0.5 0.5\n"
                + "0.5 0 0\n0 0.5 0\n0 0 0.5\n0.5 0.5 0.5\n");
        Run r = run(p.toString(), "--species", "Cl", "--cutoff", "3.0");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(5, lines.length);
        assertTrue(lines[1].startsWith("4,Cl,1,6,2.820000,108.0000,22.425768,6,"), lines[1]);
        assertTrue(lines[1].endsWith(",Na6"), lines[1]);
    }

    @Test
    void folderOfStructuresGivesOneCsvWithAStructureColumn() {
        Run r = run("data/fe-k-fdmnes-demo/structures", "--species", "Fe");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(181, lines.length, "header + one Fe per cluster");
        assertTrue(lines[0].startsWith("structure,site,species,"), lines[0]);
        assertTrue(lines[1].startsWith("fe_001,0,Fe,1,4,"), lines[1]);
        assertTrue(lines[3].startsWith("fe_003,0,Fe,1,6,"), lines[3]);
        Run none = run("data/fe-k-fdmnes-demo/structures", "--species", "Zn");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no such atoms in any structure"), none.err());
    }

    @Test
    void bundledStructureAndErrors(@TempDir Path dir) throws Exception {
        Run r = run("data/o-k-litmo/POSCAR_20ps", "--species", "O");
        assertEquals(0, r.code(), r.err());
        assertEquals(50, r.out().strip().split("\n").length);
        Path bad = dir.resolve("POSCAR");
        Files.writeString(bad, "x\n1.0\n1 0 0\n");
        Run e = run(bad.toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains("line 4"), e.err());
        assertEquals(2, run("data/o-k-litmo/POSCAR_20ps", "--species", "Xx").code());
        assertTrue(run("x", "--cutoff", "2", "--relative", "0.1").code() != 0, "rules are exclusive");
    }
}
