package org.coreloss.kernel;

import org.coreloss.progress.ProgressListener;

import java.nio.file.Path;
import java.util.List;

import org.coreloss.kernel.magic.MagicContext;
import org.coreloss.kernel.magic.MagicException;

/** {@link MagicContext} over a running {@link CorelossKernel}; magics run on the cell thread. */
final class KernelMagicContext implements MagicContext {
    private final CorelossKernel kernel;

    KernelMagicContext(CorelossKernel kernel) { this.kernel = kernel; }

    @Override
    public <T> void setVariable(String name, Class<T> type, T value) {
        if (name == null || !name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            throw new MagicException("variable name '" + name + "' is not a Java identifier");
        }
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("value of " + value.getClass().getName() + " is not a " + type.getName());
        }
        String key = Handoff.put(value);
        String typeName = type.getCanonicalName();
        if (typeName == null) throw new IllegalArgumentException("type " + type + " has no canonical name");
        try {
            kernel.evaluator().eval(typeName + " " + name + " = (" + typeName + ") org.coreloss.kernel.Handoff.take(\"" + key + "\");");
        } catch (CellException e) {
            Handoff.take(key);
            throw new MagicException("cannot define variable " + name + " of type " + typeName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Object getVariable(String name) {
        boolean exists = kernel.evaluator().variableNames().contains(name);
        if (!exists) throw new MagicException("no notebook variable named '" + name + "'");
        return kernel.evaluator().eval(name).value();
    }

    @Override
    public Object eval(String javaCode) {
        JavaEvaluator.Result r = kernel.evaluator().eval(javaCode);
        return r.value();
    }

    @Override
    public String display(Object obj) { return kernel.display(obj); }

    @Override
    public void updateDisplay(String displayId, Object obj) { kernel.updateDisplay(displayId, obj); }

    @Override
    public Path workingDirectory() { return kernel.workingDirectory(); }

    @Override
    public boolean isInterrupted() { return kernel.evaluator().interruptRequested(); }

    @Override
    public ProgressListener progress() {
        return new NotebookProgress(this::display, this::updateDisplay, System::nanoTime, 5, this::isInterrupted);
    }

    /** Not part of the contract: lets built-ins reach the kernel. */
    CorelossKernel kernel() { return kernel; }

}
