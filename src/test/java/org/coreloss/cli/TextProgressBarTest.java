package org.coreloss.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class TextProgressBarTest {
    @Test
    void throttledBarWithRateAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        TextProgressBar bar = new TextProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 200, clock::get);
        bar.start("job", 100);
        bar.advance(20, null);                 // resumed work: the rate starts here
        clock.addAndGet(100_000_000L);
        bar.advance(21, null);                 // within 200 ms: not drawn
        clock.set(2_000_000_000L);
        bar.advance(40, null);                 // 20 units in 2 s = 10/s, 60 left: ETA 6 s
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, out.chars().filter(ch -> ch == '\r').count(), out);
        assertTrue(out.contains("40/100  40% 10.0/s ETA 6s"), out);
        assertFalse(out.contains("21/100"), out);
        bar.advance(100, null);               // the last update is always drawn
        bar.finish();
        out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("[##############################] 100/100 100%"), out);
        assertTrue(out.endsWith("\n"));
        assertEquals("1h01m05s", TextProgressBar.duration(3665));
    }
}
