package org.coreloss.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.coreloss.display.MimeBundle;
import org.junit.jupiter.api.Test;

class NotebookProgressTest {
    private final List<MimeBundle> shown = new ArrayList<>();
    private final List<MimeBundle> updates = new ArrayList<>();
    private final AtomicLong clockNanos = new AtomicLong();

    private NotebookProgress bar() {
        return new NotebookProgress(b -> { shown.add(b); return "id-" + shown.size(); },
                (id, b) -> { assertEquals("id-1", id); updates.add(b); }, clockNanos::get, 5, () -> false);
    }

    @Test
    void updatesAreThrottledToFivePerSecondButTheLastStateIsShown() {
        NotebookProgress p = bar();
        p.start("train", 100);
        assertEquals(1, shown.size());
        for (int i = 1; i <= 100; i++) {      // 100 steps over one simulated second
            clockNanos.addAndGet(10_000_000L);
            p.advance(i, "epoch " + i);
        }
        // one update per 200 ms of the simulated clock, plus the final step
        assertTrue(updates.size() <= 6, "updates: " + updates.size());
        assertTrue(updates.size() >= 5, "updates: " + updates.size());
        MimeBundle last = updates.get(updates.size() - 1);
        assertTrue(last.get(MimeBundle.TEXT_PLAIN).contains("100% 100/100 epoch 100"), last.get(MimeBundle.TEXT_PLAIN));
        p.finish();
        assertTrue(updates.get(updates.size() - 1).get(MimeBundle.TEXT_PLAIN).endsWith("(done)"));
    }

    @Test
    void swallowedAdvanceIsPendingUntilFinish() {
        NotebookProgress p = bar();
        p.start("simulate", 10);
        p.advance(3, null);                   // same instant as start: throttled
        assertTrue(p.hasPendingUpdate());
        assertTrue(updates.isEmpty());
        p.finish();
        assertFalse(p.hasPendingUpdate());
        assertTrue(updates.get(0).get(MimeBundle.TEXT_PLAIN).contains("30% 3/10"));
        assertTrue(updates.get(0).get(MimeBundle.TEXT_PLAIN).endsWith("(stopped)"));
    }

    @Test
    void htmlIsEscaped() {
        NotebookProgress p = bar();
        p.start("<script>", 2);
        String html = shown.get(0).get(MimeBundle.TEXT_HTML);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertFalse(html.contains("<script>"), html);
    }
}
