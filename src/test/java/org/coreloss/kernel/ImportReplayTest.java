package org.coreloss.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A cell that repeats default imports must not reset variables of earlier cells (the paper notebooks' first two
 * cells: a variable shown as the cell's value, then a cell of imports).
 */
class ImportReplayTest {
    static JavaEvaluator ev;

    @BeforeAll static void start() {
        ev = new JavaEvaluator();
        ev.evalImports(CorelossKernel.startupImports());
    }

    @AfterAll static void stop() { ev.close(); }

    @Test
    void variablesSurviveACellOfRepeatedImports() throws Exception {
        ev.beginCell();
        ev.eval("import org.coreloss.studies.*;\nStudyMode MODE = StudyMode.fromEnvironment();\nString OPTIONS = \"x\" + MODE;\nOPTIONS");
        ev.beginCell();
        ev.eval("import java.util.*;\nimport java.nio.file.*;\nimport org.coreloss.nn.ComputeThreads;\nimport org.coreloss.plot.*;\nimport tech.tablesaw.api.*;\nint k = 1;\nk");
        ev.beginCell();
        assertNotNull(ev.eval("OPTIONS").value(), "OPTIONS was reset by the imports cell");
        assertNotNull(ev.eval("MODE").value(), "MODE was reset");
    }
}
