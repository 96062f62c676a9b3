package org.coreloss.kernel;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every environment setting of the kernel, read in one place. Names and meanings follow IJava so that
 * existing notebooks and kernelspecs keep working:
 * <ul>
 *   <li>{@code IJAVA_CLASSPATH}: extra class-path entries (separated by {@link File#pathSeparator}; globs
 *       such as {@code lib/*.jar} allowed) added to the shell before the first cell;</li>
 *   <li>{@code IJAVA_STARTUP_SCRIPTS_PATH}: files ({@code .jsh}/{@code .java}, separated by the path
 *       separator; globs allowed) evaluated at start-up;</li>
 *   <li>{@code IJAVA_STARTUP_SCRIPT}: Java source evaluated at start-up, after the scripts;</li>
 *   <li>{@code IJAVA_TIMEOUT}: time limit of one top-level statement in milliseconds ({@code -1}: none);</li>
 *   <li>{@code JPY_PARENT_PID}: process id of the Jupyter server; the kernel exits when it ends.</li>
 * </ul>
 *
 * @param classpath      extra class-path entries (may contain globs), in order
 * @param startupScripts start-up script paths (may contain globs), in order
 * @param startupScript  start-up source, empty if none
 * @param timeoutMs      statement time limit in milliseconds; {@code <= 0} means no limit
 * @param parentPid      Jupyter parent process id, or -1 if unknown
 */
public record KernelSettings(List<String> classpath, List<String> startupScripts, String startupScript,
                             long timeoutMs, long parentPid) {

    public KernelSettings {
        classpath = List.copyOf(classpath);
        startupScripts = List.copyOf(startupScripts);
        startupScript = startupScript == null ? "" : startupScript;
    }

    /** Settings with nothing extra (used by tests and by magics that evaluate in a fresh shell). */
    public static KernelSettings defaults() {
        return new KernelSettings(List.of(), List.of(), "", -1, -1);
    }

    /** Reads the settings from the process environment. */
    public static KernelSettings fromEnvironment() {
        return fromMap(System.getenv());
    }

    /** Reads the settings from {@code env}; malformed numbers raise an exception naming the variable. */
    public static KernelSettings fromMap(Map<String, String> env) {
        return new KernelSettings(
                splitPaths(env.get("IJAVA_CLASSPATH")),
                splitPaths(env.get("IJAVA_STARTUP_SCRIPTS_PATH")),
                env.getOrDefault("IJAVA_STARTUP_SCRIPT", ""),
                parseLong(env, "IJAVA_TIMEOUT", -1),
                parseLong(env, "JPY_PARENT_PID", -1));
    }

    static List<String> splitPaths(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        for (String p : value.split(File.pathSeparator)) {
            if (!p.isBlank()) out.add(p.trim());
        }
        return out;
    }

    private static long parseLong(Map<String, String> env, String name, long dflt) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("environment variable " + name + " = '" + v
                    + "': expected an integer" + (name.equals("IJAVA_TIMEOUT") ? " (milliseconds, -1 for none)" : ""), e);
        }
    }
}
