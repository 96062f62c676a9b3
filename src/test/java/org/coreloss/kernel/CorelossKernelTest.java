package org.coreloss.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.coreloss.display.MimeBundle;
import org.coreloss.kernel.magic.Magic;
import org.coreloss.kernel.magic.MagicContext;
import org.coreloss.kernel.magic.MagicException;
import org.coreloss.spectrum.EnergyGrid;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CorelossKernelTest {
    private static CorelossKernel kernel;
    static EnergyGrid handedOver;

    /** A magic that hands a real object to the notebook. */
    static final class GridMagic implements Magic {
        @Override public String name() { return "grid"; }
        @Override public String usage() { return "%grid <name> <n>"; }
        @Override public String description() { return "Defines a uniform grid variable (test)."; }
        @Override public Object execute(MagicContext ctx, List<String> args, String body) {
            if (args.size() != 2) throw new MagicException("expected <name> <n>");
            handedOver = EnergyGrid.uniform(530, 560, Integer.parseInt(args.get(1)));
            ctx.setVariable(args.get(0), EnergyGrid.class, handedOver);
            return null;
        }
    }

    @BeforeAll
    static void start() {
        kernel = new CorelossKernel(KernelSettings.defaults());
        kernel.magics().register(new GridMagic());
        kernel.awaitReady();
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    @Test
    void cellHelpersWorkWhileAKernelRunsAndFailClearlyAfterItStops() {
        CorelossKernel other = new CorelossKernel(KernelSettings.defaults());
        other.onStartup();
        try {
            assertNotNull(Notebook.render("x"), "render() while a kernel is installed");
        } finally {
            other.onShutdown(false);
        }
        // outside a running kernel the cell helpers say so (magics fall back to their own displays)
        IllegalStateException e = assertThrows(IllegalStateException.class, Notebook::progress);
        assertTrue(e.getMessage().contains("no Coreloss kernel"), e.getMessage());
    }

    @Test
    void defaultImportsAreInPlace() {
        DisplayData d = kernel.eval("EnergyGrid.uniform(1, 2, 3).size() + new ArrayList<String>().size()");
        assertEquals("3", d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void magicPutsTheVeryObjectIntoANotebookVariable() {
        assertNull(kernel.eval("%grid g 7"));
        Object inShell = kernel.evaluator().eval("g").value();
        assertSame(handedOver, inShell);
        assertEquals("7", kernel.eval("g.size()").getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void lineMagicsAndJavaMixInOneCell() {
        DisplayData d = kernel.eval("int m = 4;\n%grid h 3\nh.size() * m");
        assertEquals("12", d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void helpListsEveryMagicWithUsage() {
        DisplayData d = kernel.eval("%help");
        String text = (String) d.getData(MIMEType.TEXT_PLAIN);
        for (Magic m : kernel.magics().all()) {
            assertTrue(text.contains(m.usage()), "missing " + m.name() + " in\n" + text);
        }
        assertTrue(text.contains("%grid <name> <n>"));
        assertTrue(((String) d.getData(MIMEType.TEXT_HTML)).contains("&lt;name&gt;"));
        assertTrue(((String) d.getData(MIMEType.TEXT_HTML)).contains("<code>%time, %%time</code>"));
        assertTrue(!text.contains("% %%"), text);
    }

    @Test
    void trailingPrintfShowsOnlyWhatItPrinted() {
        assertNull(kernel.eval("System.out.printf(\"%d%n\", 42)"));
        assertNull(kernel.eval("System.out.format(\"x\")"));
    }

    @Test
    void magicErrorsAreMessagesWithTheCellLine() {
        CellException e = assertThrows(CellException.class, () -> kernel.eval("int q = 1;\n%grid onlyOneArg"));
        assertEquals(CellException.Kind.MAGIC, e.kind());
        assertEquals(List.of("Magic error at line 2 of the cell: %grid: expected <name> <n>"), e.report());
        CellException unknown = assertThrows(CellException.class, () -> kernel.eval("%nosuchmagic"));
        assertTrue(unknown.getMessage().contains("%help"), unknown.getMessage());
    }

    @Test
    void cellMagicTimeRunsTheBody() {
        DisplayData d = kernel.eval("%%time\nint t = 6;\nt * 7");
        assertEquals("42", d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void objectsWithoutRendererFallBackToText() {
        MimeBundle b = kernel.toBundle(new int[] {1, 2});
        assertEquals("[1, 2]", b.get(MimeBundle.TEXT_PLAIN));
        assertEquals(1, b.asMap().size());
    }

    @Test
    void renderRestrictsToRequestedMimeTypes() {
        Object chart = kernel.evaluator().eval("new XYChartBuilder().width(200).height(100).build()").value();
        MimeBundle svgOnly = (MimeBundle) kernel.evaluator().eval(
                "XYChart c2 = new XYChartBuilder().width(200).height(100).build();\nrender(c2, \"image/svg+xml\")").value();
        assertEquals(List.of(MimeBundle.IMAGE_SVG), List.copyOf(svgOnly.asMap().keySet()));
        assertTrue(kernel.toBundle(chart).has(MimeBundle.IMAGE_PNG));
    }

    @Test
    void isCompleteUnderstandsMagics() {
        assertEquals(BaseKernel.IS_COMPLETE_YES, kernel.isComplete("%%time\nfor (;;) {"));
        assertEquals(BaseKernel.IS_COMPLETE_YES, kernel.isComplete("%help\nint x = 1;"));
        assertEquals("    ", kernel.isComplete("%help\nif (true) {"));
    }

    /** A magic that waits until the kernel asks it to stop (polling, as long magics should). */
    static final class WaitMagic implements Magic {
        static volatile boolean started;
        @Override public String name() { return "waitforinterrupt"; }
        @Override public String usage() { return "%waitforinterrupt"; }
        @Override public String description() { return "Waits until interrupted (test)."; }
        @Override public Object execute(MagicContext ctx, List<String> args, String body) {
            started = true;
            while (!ctx.isInterrupted()) Thread.onSpinWait();
            return "stopped";
        }
    }

    @Test
    void interruptReachesARunningMagicAndStopsTheCell() throws Exception {
        kernel.magics().register(new WaitMagic());
        WaitMagic.started = false;
        java.util.concurrent.CompletableFuture<Throwable> outcome = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                kernel.eval("%waitforinterrupt\nint notReached = 1;");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        while (!WaitMagic.started) Thread.onSpinWait();
        kernel.interrupt();
        CellException e = (CellException) outcome.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(CellException.Kind.INTERRUPTED, e.kind());
        assertThrows(CellException.class, () -> kernel.eval("notReached"));
        assertEquals("2", kernel.eval("1 + 1").getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void statementCellHasNoResult() {
        assertNull(kernel.eval("int nothingShown = 1;"));
    }
}
