package org.coreloss.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JavaEvaluatorTest {
    private static JavaEvaluator ev;

    @BeforeAll
    static void start() { ev = new JavaEvaluator(); }

    @AfterAll
    static void stop() { ev.close(); }

    @Test
    void lastExpressionIsTheRealObject() {
        JavaEvaluator.Result r = ev.eval("int a = 20;\nint b = 22;\njava.util.List.of(a + b, \"x\")");
        assertTrue(r.hasValue());
        assertEquals(List.of(42, "x"), r.value());
    }

    @Test
    void statementsAndDeclarationsHaveNoValue() {
        assertFalse(ev.eval("int declared = 3;").hasValue());
        assertFalse(ev.eval("System.out.print(\"\");").hasValue());
        assertEquals(3, ev.eval("declared").value());
    }

    @Test
    void cellThreadUsesTheShellClassLoaderAsContextLoader() {
        Object loader = ev.eval("Thread.currentThread().getContextClassLoader()").value();
        assertSame(ev.shellClassLoader(), loader);
        // snippet classes are defined by that loader, and the kernel's classes are visible through it
        Object snippetLoader = ev.eval("class Probe {}\nnew Probe().getClass().getClassLoader()").value();
        assertSame(ev.shellClassLoader(), snippetLoader);
        assertSame(org.coreloss.spectrum.EnergyGrid.class,
                ev.eval("org.coreloss.spectrum.EnergyGrid.class").value());
    }

    @Test
    void compileErrorNamesTheCellLineAndTheShellSurvives() {
        CellException e = assertThrows(CellException.class, () -> ev.eval("int ok1 = 1;\n\nint bad = undefinedName + 1;"));
        assertEquals(CellException.Kind.COMPILE, e.kind());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.report().get(0).contains("line 3 of the cell"), e.report().toString());
        assertTrue(e.report().stream().anyMatch(l -> l.contains("undefinedName")), e.report().toString());
        assertEquals(2, ev.eval("1 + 1").value());
    }

    @Test
    void runtimeErrorNamesTheExceptionAndCellLines() {
        CellException e = assertThrows(CellException.class, () -> ev.eval(
                "int fail(int n) {\n  if (n == 0) throw new IllegalStateException(\"boom\");\n  return fail(n - 1);\n}\n\nfail(2)"));
        assertEquals(CellException.Kind.RUNTIME, e.kind());
        assertEquals("IllegalStateException", e.errorName());
        assertTrue(e.getMessage().contains("boom") && e.getMessage().contains("cell line 2"), e.getMessage());
        assertEquals("java.lang.IllegalStateException: boom", e.report().get(0));
        assertEquals(List.of("    at cell line 2 (in fail)", "    at cell line 3 (in fail)", "    at cell line 3 (in fail)", "    at cell line 6"),
                e.report().subList(1, 5));
        assertEquals(5, ev.eval("2 + 3").value());
    }

    @Test
    void evaluationStopsAtTheFirstFailingStatement() {
        assertThrows(CellException.class, () -> ev.eval("int before = 1;\nInteger.parseInt(\"x\");\nint after = 2;"));
        assertEquals(List.of(), ev.eval("java.util.List.of()").value());
        CellException e = assertThrows(CellException.class, () -> ev.eval("after"));
        assertEquals(CellException.Kind.COMPILE, e.kind());
    }

    @Test
    void isCompleteFollowsJavaSyntax() {
        assertEquals("complete", ev.isComplete("int x = 1;"));
        assertEquals("complete", ev.isComplete("x + 1"));
        assertEquals("incomplete", ev.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("incomplete", ev.isComplete("String s = \"\"\"\n  text"));
        assertEquals("complete", ev.isComplete(""));
    }

    @Test
    void completionSuggestsMembers() {
        int[] anchor = new int[1];
        List<String> c = ev.complete("Math.ma", 7, anchor);
        assertTrue(c.contains("max("), c.toString());
        assertEquals(5, anchor[0]);
    }

    @Test
    void inspectShowsSignaturesWithTheCursorOnTheName() {
        String doc = ev.inspect("Math.max(1, 2)", 7);
        assertTrue(doc.contains("int Math.max(int a, int b)"), doc);
        assertTrue(ev.inspect("String s = \"\"; s.length()", 24).contains("int String.length()"));
        String noBracket = ev.inspect("Math.max", 7);
        assertTrue(noBracket.contains("int Math.max(int a, int b)") && noBracket.contains("double Math.max(double a, double b)"), noBracket);
    }

    @Test
    void interruptStopsACooperativeLoopAndTheShellSurvives() throws Exception {
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                ev.eval("while (!Thread.interrupted()) { Thread.onSpinWait(); }");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        while (!ev.isRunningUserCode() && !outcome.isDone()) Thread.onSpinWait();
        ev.interrupt();
        Throwable t = outcome.get(60, TimeUnit.SECONDS);
        CellException e = (CellException) t;
        assertEquals(CellException.Kind.INTERRUPTED, e.kind());
        assertEquals(7, ev.eval("3 + 4").value());
    }

    @Test
    void timeoutInterruptsAStatement() {
        ev.setTimeoutMs(300);
        try {
            CellException e = assertThrows(CellException.class, () -> ev.eval("while (!Thread.interrupted()) { }"));
            assertEquals(CellException.Kind.TIMEOUT, e.kind());
        } finally {
            ev.setTimeoutMs(-1);
        }
        assertEquals(1, ev.eval("1").value());
    }

    @Test
    void temporaryVariablesOfExpressionsAreDropped() {
        int before = ev.variableNames().size();
        assertEquals(7, ev.eval("3 + 4").value());
        assertEquals(before, ev.variableNames().size(), ev.variableNames().toString());
        assertFalse(ev.variableNames().stream().anyMatch(n -> n.startsWith("$")), ev.variableNames().toString());
        // a declared variable stays, and a value-only cell still shows its value
        ev.eval("var kept = new StringBuilder(\"k\");");
        assertEquals("k", ev.eval("kept").value().toString());
        assertTrue(ev.variableNames().contains("kept"));
        // the dropped temp var's value is not reachable from its class any more
        Object big = ev.eval("new int[1000]").value();
        java.lang.ref.WeakReference<Object> ref = new java.lang.ref.WeakReference<>(big);
        big = null;
        for (int i = 0; i < 20 && ref.get() != null; i++) { System.gc(); ev.eval("1"); }
        assertEquals(null, ref.get(), "the value of a dropped $N is still reachable");
    }

    @Test
    void importsAreOneSnippetWithAFallbackPerLine() {
        try (JavaEvaluator fresh = new JavaEvaluator()) {
            List<String> failed = fresh.evalImports(List.of("import java.util.concurrent.atomic.*;", "import java.util.zip.CRC32;"));
            assertEquals(List.of(), failed);
            assertEquals(0L, fresh.eval("new CRC32().getValue()").value());
            assertEquals(5, fresh.eval("new AtomicInteger(5).get()").value());
            // a cell that repeats the combined snippet's first import does not lose the others
            fresh.eval("import java.lang.*;");
            assertEquals(0L, fresh.eval("new CRC32().getValue()").value());
            // one bad line: the others are still imported, the bad one is reported
            List<String> bad = fresh.evalImports(List.of("import java.util.function.*;", "import no.such.pkg.*;", "import java.text.DecimalFormat;"));
            assertEquals(List.of("import no.such.pkg.*;"), bad);
            assertEquals("1", fresh.eval("new DecimalFormat(\"0\").format(1.2)").value());
            assertEquals(3, fresh.eval("((IntSupplier) () -> 3).getAsInt()").value());
        }
    }
}
