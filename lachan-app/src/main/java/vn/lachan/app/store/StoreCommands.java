package vn.lachan.app.store;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import vn.lachan.core.problem.Problem;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

/** Creates the event-store commands, wired to the embedded Lucene store. */
public final class StoreCommands {
    /** Exit code: the command ran. */
    static final int OK = 0;
    /** Exit code: tampering was found. */
    static final int FOUND = 1;
    /** Exit code: bad usage or unreadable input. */
    static final int BAD_INPUT = 2;

    private StoreCommands() {}

    /** Returns {@code import}, {@code search} and {@code store}, writing to the given streams. */
    public static List<CommandLine> create(PrintStream out, PrintStream err, boolean terminal) {
        StoreCommand store = new StoreCommand(out, err);
        CommandLine storeLine = new CommandLine(store);
        store.subcommands().forEach(storeLine::addSubcommand);
        return List.of(
                new CommandLine(new ImportCommand(err)),
                new CommandLine(new SearchCommand(out, err, terminal)),
                storeLine);
    }

    /** Opens an existing store, or prints why DIR is not one and returns null. */
    static @org.jspecify.annotations.Nullable LuceneEventStore openExisting(Path dir, String command, PrintStream err) {
        if (!Files.isDirectory(dir.resolve("events"))) {
            err.println("lachan " + command + ": " + dir + " is not a Lachan store (it has no events folder);"
                    + " create one with lachan import --data " + dir + " EVENTS");
            return null;
        }
        LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir));
        warn(store.openProblems(), command, err);
        return store;
    }

    static void warn(List<Problem> problems, String command, PrintStream err) {
        problems.forEach(p -> err.println("lachan " + command + ": warning: " + p));
    }
}
