package vn.lachan.journal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.RawRecord;

/**
 * Offers records from several threads until killed, printing {@code position writer k} for every
 * acknowledged record; the crash test kills the JVM running it.
 */
public final class JournalWriterMain {
    private JournalWriterMain() {}

    /** Runs with the journal folder and the number of writer threads as arguments. */
    public static void main(String[] args) throws InterruptedException {
        Journal journal = Journal.open(new JournalConfig(Path.of(args[0]), 64 * 1024, 256L << 20, 4096, true));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int writers = Integer.parseInt(args[1]);
        Thread[] threads = new Thread[writers];
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads[w] = Thread.ofPlatform().name("writer-" + w).start(() -> write(journal, writer, out));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void write(Journal journal, int writer, PrintStream out) {
        SplittableRandom random = new SplittableRandom(writer);
        for (long k = 0; ; ) {
            int n = 1 + random.nextInt(8);
            var records = Samples.records(writer, k, n);
            if (journal.offer(records) != Admission.ACCEPTED) {
                journal.awaitRoom(java.time.Duration.ofSeconds(1));
                continue;
            }
            report(records, out);
            k += n;
        }
    }

    /** Prints the labels of an accepted offer's records, which identify them when read back. */
    private static void report(java.util.List<RawRecord> records, PrintStream out) {
        StringBuilder lines = new StringBuilder();
        for (RawRecord record : records) {
            lines.append(record.source()).append('\n');
        }
        synchronized (out) {
            out.print(lines);
            out.flush();
        }
    }
}
