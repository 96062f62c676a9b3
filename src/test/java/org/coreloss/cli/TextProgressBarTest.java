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
    @Test
    void showsTheLatestMessageCut() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        TextProgressBar bar = new TextProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 200, clock::get);
        bar.start("train", 10);
        bar.advance(1, "epoch 1/10 loss 0.0123 val 0.0150");
        clock.set(1_000_000_000L);
        bar.advance(2, null);                  // no new message: the last one stays
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.endsWith("| epoch 1/10 loss 0.0123 val 0.0150"), out);
        clock.set(2_000_000_000L);
        bar.advance(3, "x".repeat(200));
        out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.endsWith("| " + "x".repeat(TextProgressBar.MESSAGE_WIDTH - 1) + "…"), out);
        bar.start("next", 5);                  // a new task forgets the old message
        clock.set(3_000_000_000L);
        bar.advance(1, null);
        assertFalse(bytes.toString(StandardCharsets.UTF_8).endsWith("…"));
    }
}
