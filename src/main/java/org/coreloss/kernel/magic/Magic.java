package org.coreloss.kernel.magic;

import java.util.List;

/**
 * A notebook magic: {@code %name args} (line) or {@code %%name args} followed by a cell body (cell).
 * Implementations live in {@code org.coreloss.kernel} (the kernel is a front: nothing else imports it)
 * and are found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.coreloss.kernel.magic.Magic}.
 */
public interface Magic {
    /** Name without the percent signs, e.g. {@code "spectra"}. */
    String name();

    /** One-line usage shown by {@code %help}, e.g. {@code "%spectra load <name|path> [--as var]"}. */
    String usage();

    /** One sentence on what it does. */
    String description();

    /** Whether {@code %name} is accepted. */
    default boolean isLine() { return true; }

    /** Whether {@code %%name} is accepted. */
    default boolean isCell() { return false; }

    /**
     * Runs the magic. {@code args} are the shell-split arguments after the name; {@code body} is the
     * cell body for a cell magic, {@code null} for a line magic. The returned object (may be null) is
     * displayed like the value of a cell. Throw {@link MagicException} for user errors: the kernel shows
     * its message without a stack trace and keeps running.
     */
    Object execute(MagicContext context, List<String> args, String body) throws Exception;
}
