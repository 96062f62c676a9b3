package org.coreloss.kernel.magics;

import org.coreloss.kernel.NotebookProgress;
import org.coreloss.kernel.magic.MagicContext;
import org.coreloss.kernel.magic.MagicException;
import org.coreloss.progress.ProgressListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A notebook for magic tests: variables (with their declared types) in maps, every displayed or updated
 * object recorded in {@link #shown}, a fixed working directory, never interrupted, no Java evaluation.
 * Unknown variables raise {@link MagicException} as in the real kernel.
 */
final class FakeMagicContext implements MagicContext {
    final Map<String, Object> vars = new HashMap<>();
    final Map<String, Class<?>> types = new HashMap<>();
    final List<Object> shown = new ArrayList<>();
    private final Path dir;

    FakeMagicContext(Path dir) { this.dir = dir; }

    @Override public <T> void setVariable(String name, Class<T> type, T value) { vars.put(name, value); types.put(name, type); }

    @Override public Object getVariable(String name) {
        if (!vars.containsKey(name)) throw new MagicException("no variable " + name);
        return vars.get(name);
    }

    @Override public Object eval(String javaCode) { throw new UnsupportedOperationException(); }
    @Override public String display(Object obj) { shown.add(obj); return "d" + shown.size(); }
    @Override public void updateDisplay(String displayId, Object obj) { shown.add(obj); }
    @Override public Path workingDirectory() { return dir; }
    @Override public boolean isInterrupted() { return false; }
    @Override public ProgressListener progress() {
        return new NotebookProgress(this::display, this::updateDisplay, System::nanoTime, 5, this::isInterrupted);
    }
}
