package org.coreloss.cli;

import java.util.ServiceLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code coreloss} command line. Every {@link CliCommand} listed in
 * {@code META-INF/services/org.coreloss.cli.CliCommand} becomes a subcommand, so packages add commands
 * without editing this class.
 */
@Command(name = "coreloss", mixinStandardHelpOptions = true, version = "coreloss 0.1",
        description = "Machine learning on core-loss spectra: notebook kernel and batch commands.")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line with every service-loaded subcommand added. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (CliCommand c : ServiceLoader.load(CliCommand.class, Main.class.getClassLoader())) {
            cl.addSubcommand(c);
        }
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
