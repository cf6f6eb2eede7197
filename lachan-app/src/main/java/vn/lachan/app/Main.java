package vn.lachan.app;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.lachan.app.backup.BackupCommands;
import vn.lachan.app.hunt.HuntCommand;
import vn.lachan.app.security.AdminCommand;
import vn.lachan.app.serve.DemoCommand;
import vn.lachan.app.serve.ServeCommand;
import vn.lachan.app.store.StoreCommands;

/**
 * Starts the {@code lachan} command line: every command is built and wired here, top to bottom, with
 * no container.
 */
@Command(
        name = "lachan",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Lachan: the provincial cybersecurity monitoring center's toolkit.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the command ran",
            "1:the command found what it was asked to fail on (lachan hunt --fail-on, lachan store verify)",
            "2:bad usage or unreadable input",
            "3:internal error (a bug: please report it with the message)"
        })
public final class Main implements Runnable {
    /** Exit code for an internal error. */
    public static final int INTERNAL_ERROR = 3;

    private final PrintStream err;

    private Main(PrintStream err) {
        this.err = err;
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        PrintStream out = new PrintStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err, terminal);
        out.flush();
        System.exit(code);
    }

    /**
     * Runs the command line with the given streams and returns its exit code.
     *
     * @param terminal whether standard output and error are a person's terminal (table output, progress)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        CommandLine commandLine =
                new CommandLine(new Main(err)).addSubcommand(new CommandLine(HuntCommand.create(out, err, terminal)));
        for (CommandLine command : StoreCommands.create(out, err, terminal)) {
            commandLine.addSubcommand(command);
        }
        for (CommandLine command : AdminCommand.create(out, err)) {
            commandLine.addSubcommand(command);
        }
        BackupCommands.create(out, err).forEach(commandLine::addSubcommand);
        commandLine.addSubcommand(new CommandLine(new ServeCommand(out, err)));
        commandLine.addSubcommand(new CommandLine(new DemoCommand(out, err)));
        commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    err.println("lachan: internal error: " + e);
                    org.slf4j.LoggerFactory.getLogger(Main.class).error("internal error", e);
                    return INTERNAL_ERROR;
                });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        err.println("lachan: give a command, for example: lachan hunt --rules RULES EVENTS (see lachan --help)");
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command");
    }
}
