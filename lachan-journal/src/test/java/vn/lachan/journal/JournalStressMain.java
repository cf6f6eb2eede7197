package vn.lachan.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Repeats the journal's stress run from the command line, to hunt rare races under load: arguments are
 * the number of runs, writer threads, records per writer, segment bytes, budget bytes, fsync (true/false),
 * the most records per poll, the poll's wait in microseconds, and whether a thread of its own commits.
 */
public final class JournalStressMain {
    private JournalStressMain() {}

    /** Runs the stress scenario again and again, printing each failure and a count at the end. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = Integer.parseInt(args[0]);
        StressRun.Settings settings = new StressRun.Settings(
                Integer.parseInt(args[1]),
                Integer.parseInt(args[2]),
                Long.parseLong(args[3]),
                Long.parseLong(args[4]),
                Boolean.parseBoolean(args[5]),
                Integer.parseInt(args[6]),
                Duration.ofNanos(1000 * Long.parseLong(args[7])),
                Boolean.parseBoolean(args[8]));
        int failed = 0;
        for (int run = 0; run < runs; run++) {
            Path folder = Files.createTempDirectory("journal-stress");
            StressRun.Outcome outcome = new StressRun(settings, run).run(folder, Duration.ofSeconds(60));
            String verdict = outcome.verdict(settings);
            if (!verdict.isEmpty()) {
                failed++;
                System.out.println("run " + run + " FAILED (folder kept: " + folder + "):\n" + verdict);
            } else {
                delete(folder);
            }
        }
        System.out.println("stress: " + (runs - failed) + " passed, " + failed + " failed");
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
