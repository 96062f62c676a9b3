package org.coreloss.kernel.magics;

import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.SpectraIO;
import org.coreloss.display.DisplayRegistry;
import org.coreloss.display.MimeBundle;
import org.coreloss.display.SpectraInfo;
import org.coreloss.kernel.magic.MagicException;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SpectraMagicTest {
    @Test
    void loadsBundledAndFileDatasetsIntoVariables(@TempDir Path dir) throws Exception {
        FakeMagicContext ctx = new FakeMagicContext(dir);
        SpectraMagic m = new SpectraMagic();
        Object r = m.execute(ctx, List.of("load", "xdi-measured"), null);
        assertInstanceOf(SpectraDataset.class, r);
        assertSame(r, ctx.vars.get("xdi_measured"));
        assertEquals(SpectraDataset.class, ctx.types.get("xdi_measured"));
        SpectraDataset small = SpectraDataset.of("small", SpectrumMatrix.of(EnergyGrid.uniform(0, 2, 3), new float[][]{{1, 2, 3}, {3, 2, 1}}));
        SpectraIO.write(small, dir.resolve("my-set.csv"));
        m.execute(ctx, List.of("load", "my-set.csv", "--as", "mine"), null);
        assertArrayEquals(small.spectra().rawData(), ((SpectraDataset) ctx.vars.get("mine")).spectra().rawData());
        m.execute(ctx, List.of("load", "my-set.csv"), null);
        assertTrue(ctx.vars.containsKey("my_set"));
    }

    @Test
    void infoReturnsSummaryAndPlot(@TempDir Path dir) throws Exception {
        FakeMagicContext ctx = new FakeMagicContext(dir);
        SpectraMagic m = new SpectraMagic();
        m.execute(ctx, List.of("load", "xdi-measured", "--as", "x"), null);
        Object r = m.execute(ctx, List.of("info", "x", "--max", "5"), null);
        SpectraInfo info = assertInstanceOf(SpectraInfo.class, r);
        assertEquals(5, info.maxSpectra());
        MimeBundle b = DisplayRegistry.withProviders(getClass().getClassLoader()).render(info).orElseThrow();
        assertTrue(b.get(MimeBundle.TEXT_HTML).contains("<table"));
        assertTrue(b.get(MimeBundle.TEXT_HTML).contains("<svg") || b.get(MimeBundle.TEXT_HTML).contains("data:image/png;base64,"));
        assertTrue(!b.get(MimeBundle.TEXT_HTML).contains("<?xml"), "inline SVG without XML declaration");
        assertInstanceOf(Table.class, m.execute(ctx, List.of("list"), null));
    }

    @Test
    void userErrorsAreMagicExceptionsWithHelpfulMessages(@TempDir Path dir) throws Exception {
        FakeMagicContext ctx = new FakeMagicContext(dir);
        SpectraMagic m = new SpectraMagic();
        var e = assertThrows(MagicException.class, () -> m.execute(ctx, List.of("load", "no-such-thing"), null));
        assertTrue(e.getMessage().contains("s-k-seidler"), e.getMessage());
        java.nio.file.Files.writeString(dir.resolve("bad.csv"), "id,1.0,2.0\na,1\n");
        e = assertThrows(MagicException.class, () -> m.execute(ctx, List.of("load", "bad.csv"), null));
        assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("line 2"), e.getMessage());
        ctx.vars.put("notData", "hello");
        e = assertThrows(MagicException.class, () -> m.execute(ctx, List.of("info", "notData"), null));
        assertTrue(e.getMessage().contains("expected a SpectraDataset"));
        assertThrows(MagicException.class, () -> m.execute(ctx, List.of("frobnicate"), null));
        assertThrows(MagicException.class, () -> m.execute(ctx, List.of("load", "xdi-measured", "--as", "1bad"), null));
        assertEquals("s_k_seidler", SpectraMagic.variableName("s-k-seidler"));
    }

    @Test
    void loadTakesTheReadingOptions(@TempDir Path dir) throws Exception {
        FakeMagicContext ctx = new FakeMagicContext(dir);
        SpectraMagic m = new SpectraMagic();
        java.nio.file.Files.writeString(dir.resolve("scan.dat"), "Instrument X\noperator A\nE I0 mu\n100 5 0.1\n101 5 0.2\n");
        var e = assertThrows(MagicException.class, () -> m.execute(ctx, List.of("load", "scan.dat"), null));
        assertTrue(e.getMessage().contains("scan.dat") && e.getMessage().contains("line 2"), e.getMessage());
        SpectraDataset d = (SpectraDataset) m.execute(ctx, List.of("load", "scan.dat", "--skip", "2", "--columns", "1,3", "--as", "scan"), null);
        assertArrayEquals(new float[]{0.1f, 0.2f}, d.spectra().row(0));
        assertSame(d, ctx.vars.get("scan"));
        SpectraDataset fe = (SpectraDataset) m.execute(ctx, List.of("load", Path.of("data/fe-k-fdmnes-demo/spectra").toAbsolutePath().toString(), "--grid", "7110:7170:1", "--as", "fe"), null);
        assertEquals(61, fe.channels());
        assertEquals(180, fe.size());
        e = assertThrows(MagicException.class, () -> m.execute(ctx, List.of("load", "scan.dat", "--skip", "lots"), null));
        assertTrue(e.getMessage().contains("--skip"), e.getMessage());
        e = assertThrows(MagicException.class, () -> m.execute(ctx, List.of("load", "xdi-measured", "--skip", "1"), null));
        assertTrue(e.getMessage().contains("bundled"), e.getMessage());
    }
}
