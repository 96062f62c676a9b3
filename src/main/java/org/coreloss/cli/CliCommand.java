package org.coreloss.cli;

/**
 * Marker for picocli subcommands of {@code coreloss}. Each implementation is a class annotated with
 * {@code @picocli.CommandLine.Command} and listed in
 * {@code META-INF/services/org.coreloss.cli.CliCommand}; the launcher adds every one it finds, so
 * packages contribute commands (simulate, spectrum, train, predict, ...) without editing the launcher.
 */
public interface CliCommand {
}
