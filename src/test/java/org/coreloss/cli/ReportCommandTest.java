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

class ReportCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = new CommandLine(new ReportCommand());
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The committed README.md and docs/*.md agree with the committed results files. */
    @Test
    void repositoryDocumentsMatchTheirResultsFiles() {
        Path root = ReportCommand.findRoot(Path.of("").toAbsolutePath());
        Run r = run("--check", "--root", root.toString());
        assertEquals(0, r.code(), r.out() + r.err());
    }

    /** A number edited by hand in README.md makes {@code report --check} fail; {@code report} repairs it. */
    @Test
    void handEditedReadmeNumberFailsTheCheck(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Files.createDirectories(dir.resolve("results/paper-000"));
        Files.writeString(dir.resolve("results/paper-000/quick.json"), "{\"result\": {\"accuracy\": 0.9513}}");
        Path readme = dir.resolve("README.md");
        String good = "accuracy <!--@ results/paper-000/quick.json /result/accuracy x100:%.1f -->95.1<!--@--> %\n";
        Files.writeString(readme, good);
        assertEquals(0, run("--check", "--root", dir.toString()).code());
        Files.writeString(readme, good.replace("95.1", "97.9"));
        Run bad = run("--check", "--root", dir.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("README.md:1 <!--@ results/paper-000/quick.json /result/accuracy x100:%.1f -->: text \"97.9\", results file gives \"95.1\""), bad.err());
        assertEquals(0, run("--root", dir.toString()).code());
        assertEquals(good, Files.readString(readme));
        Files.writeString(readme, "x <!--@ results/none.json /a -->1<!--@-->\n");
        Run missing = run("--check", "--root", dir.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("README.md:1") && missing.err().contains("not found"), missing.err());
    }
}
