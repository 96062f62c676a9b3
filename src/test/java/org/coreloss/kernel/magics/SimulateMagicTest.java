package org.coreloss.kernel.magics;

import org.coreloss.data.SpectraDataset;
import org.coreloss.kernel.magic.MagicException;
import org.coreloss.multiplet.MultipletSpectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SimulateMagicTest {
    @Test
    void spectrumWithParameters(@TempDir Path tmp) throws Exception {
        FakeMagicContext c = new FakeMagicContext(tmp);
        Object r = new SimulateMagic().execute(c, List.of("spectrum", "--ion", "Ni2+", "--dq", "0.15", "--ds", "0.02",
                "--temperature", "300", "--as", "s"), null);
        MultipletSpectrum s = assertInstanceOf(MultipletSpectrum.class, r);
        assertSame(s, c.vars.get("s"));
        assertEquals(0.15, s.parameters().dqEv());
        assertEquals(0.02, s.parameters().dsEv());
        assertEquals(300, s.parameters().temperatureK());
        assertEquals(501, s.channels());
        float max = 0;
        for (int j = 0; j < 501; j++) max = Math.max(max, s.intensity(j));
        assertEquals(1.0f, max, 1e-6f, "box-normalised");
    }

    @Test
    void databaseShowsProgressAndReturnsTheDataset(@TempDir Path tmp) throws Exception {
        FakeMagicContext c = new FakeMagicContext(tmp);
        Object r = new SimulateMagic().execute(c, List.of("database", "--ion", "Ni2+", "--n", "6", "--preset", "oh",
                "--seed", "3", "--shard-size", "4", "--threads", "1", "--out", "db", "--as", "db"), null);
        SpectraDataset ds = assertInstanceOf(SpectraDataset.class, r);
        assertEquals(6, ds.size());
        assertSame(ds, c.vars.get("db"));
        for (double v : ds.label("ds_eV")) assertEquals(0.0, v);
        assertTrue(tmp.resolve("db").resolve("shard-00001").resolve("spectra.npy").toFile().isFile());
        assertFalse(c.shown.isEmpty());
        Object lastShown = c.shown.get(c.shown.size() - 1);
        String last = lastShown instanceof org.coreloss.display.MimeBundle b ? b.get(org.coreloss.display.MimeBundle.TEXT_PLAIN) : lastShown.toString();
        assertTrue(last.contains("6/6"), last);
    }

    @Test
    void rangesAndErrors(@TempDir Path tmp) throws Exception {
        FakeMagicContext c = new FakeMagicContext(tmp);
        Table t = (Table) new SimulateMagic().execute(c, List.of("ranges", "--preset", "c4v"), null);
        assertEquals(-0.2, t.doubleColumn("min").get(0));
        MagicException e = assertThrows(MagicException.class, () -> new SimulateMagic().execute(c, List.of("spectrum", "--ion", "Ni2+", "--dq", "x"), null));
        assertTrue(e.getMessage().contains("--dq"), e.getMessage());
        e = assertThrows(MagicException.class, () -> new SimulateMagic().execute(c, List.of("spectrum", "--ion", "Xx9+"), null));
        assertTrue(e.getMessage().contains("unknown ion"), e.getMessage());
        e = assertThrows(MagicException.class, () -> new SimulateMagic().execute(c, List.of("database", "--ion", "Ni2+", "--out", "d"), null));
        assertTrue(e.getMessage().contains("count"), e.getMessage());
        e = assertThrows(MagicException.class, () -> new SimulateMagic().execute(c, List.of("spectrum", "--ion", "Ni2+", "--bogus", "1"), null));
        assertTrue(e.getMessage().contains("--bogus"), e.getMessage());
        assertThrows(MagicException.class, () -> new SimulateMagic().execute(c, List.of("fly"), null));
    }
}
