package org.coreloss.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.coreloss.kernel.KernelServer;
import org.coreloss.kernel.KernelspecInstaller;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coreloss kernel install|run}: the Jupyter kernel. */
@Command(name = "kernel", description = "Install or run the Coreloss Jupyter kernel.",
        mixinStandardHelpOptions = true,
        subcommands = {KernelCommand.Install.class, KernelCommand.Run.class, KernelCommand.Warmup.class})
public final class KernelCommand implements CliCommand, Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Writes the kernelspec {@code coreloss}. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install the kernelspec 'coreloss' (default: for this user).")
    static final class Install implements Callable<Integer> {
        @Option(names = "--user", description = "Install into ~/.local/share/jupyter/kernels (default).")
        boolean user;

        @Option(names = "--prefix", paramLabel = "DIR", description = "Install into DIR/share/jupyter/kernels.")
        Path prefix;

        @Option(names = "--jar", paramLabel = "JAR", description = "Application jar to launch (default: the running one).")
        Path jar;

        @Override
        public Integer call() throws Exception {
            if (user && prefix != null) {
                System.err.println("kernel install: give --user or --prefix, not both");
                return 2;
            }
            Path app = jar != null ? jar : KernelspecInstaller.runningJar().orElse(null);
            if (app == null) {
                System.err.println("kernel install: not running from the built jar; run 'mvn package' and use environment/coreloss, or pass --jar");
                return 2;
            }
            Path kernels = prefix != null ? KernelspecInstaller.prefixKernelsDir(prefix) : KernelspecInstaller.userKernelsDir();
            Path dir = KernelspecInstaller.install(kernels, app);
            System.out.println("Installed kernelspec coreloss in " + dir);
            return 0;
        }
    }

    /** Evaluates typical cells without a connection (for the class-data-sharing archive made by setup). */
    @Command(name = "warmup", hidden = true, description = "Evaluate typical cells and exit (used to build the CDS archive).")
    static final class Warmup implements Callable<Integer> {
        @Override
        public Integer call() {
            KernelServer.warmup();
            return 0;
        }
    }

    /** Serves one Jupyter connection file (what kernel.json launches). */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the kernel for a Jupyter connection file.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CONNECTION_FILE", description = "Jupyter connection file (JSON).")
        Path connectionFile;

        @Override
        public Integer call() throws Exception {
            KernelServer.run(connectionFile);
            return 0;
        }
    }
}
