package org.coreloss.cli;

import picocli.CommandLine;

import java.util.ServiceLoader;

/**
 * Test-scope stand-in for the {@code coreloss} launcher (until {@code org.coreloss.cli.Main} lands on
 * main): adds every {@link CliCommand} of the service file as a subcommand and runs the arguments.
 * Used by {@code environment/check-resume} and the simulate benchmark.
 */
public final class DevMain {
    @CommandLine.Command(name = "coreloss", mixinStandardHelpOptions = true, description = "Coreloss (test launcher)")
    static final class Root implements Runnable {
        @Override public void run() { CommandLine.usage(this, System.out); }
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Root());
        for (CliCommand c : ServiceLoader.load(CliCommand.class)) cl.addSubcommand(c);
        System.exit(cl.execute(args));
    }
}
