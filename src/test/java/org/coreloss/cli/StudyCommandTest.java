package org.coreloss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StudyCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = new CommandLine(new StudyCommand());
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void badArgumentsNameWhatWasExpected() {
        Run r = run("paper-009");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown study paper-009; expected one of [paper-000, paper-001, paper-002]"), r.err());
        r = run("paper-000", "--mode", "medium");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--mode medium: expected quick or full"), r.err());
    }

    @Test
    void isAServiceLoadedSubcommand() {
        assertTrue(Main.commandLine().getSubcommands().containsKey("study"));
        assertTrue(Main.commandLine().getSubcommands().containsKey("report"));
    }
}
