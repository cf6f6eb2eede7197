package vn.lachan.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.RawRecord;

/**
 * Runs one journal under many writers, a consumer polling with tiny waits and a committer trimming from
 * another thread, on segments so small that nearly every flush rolls one; then checks that every
 * acknowledged record came back once, in position order, with no problem. Never waits forever: a
 * failed thread or a reader that stops short ends the run with what it saw.
 */
final class StressRun {
    /**
     * How hard to push: writer threads, records per writer, the journal's segment size, budget and fsync,
     * the most records a poll asks for and how long it waits, and whether a thread of its own commits
     * (else the consumer commits after one poll in three, as the pipeline's stage would).
     */
    record Settings(
            int writers,
            int perWriter,
            long segmentBytes,
            long budgetBytes,
            boolean fsync,
            int pollMax,
            Duration pollWait,
            boolean committerThread) {
        JournalConfig config(Path folder) {
            return new JournalConfig(folder, segmentBytes, budgetBytes, 1024, fsync);
        }
    }

    /** What a run saw: the records read in order, the journal's problems and end, any thread's failure. */
    record Outcome(List<JournalEntry> read, List<String> failures, long end, long trimmed) {
        /** Returns why the run is wrong, or an empty string when every record came back once in order. */
        String verdict(Settings settings) {
            StringBuilder why = new StringBuilder();
            failures.forEach(f -> why.append(f).append('\n'));
            long expected = (long) settings.writers() * settings.perWriter();
            if (read.size() != expected || end != expected) {
                why.append(String.format(Locale.ROOT, "read %d of %d records, end %d%n", read.size(), expected, end));
            }
            checkOrder(why);
            return why.toString();
        }

        private void checkOrder(StringBuilder why) {
            Map<String, Long> lastPerWriter = new HashMap<>();
            for (int i = 0; i < read.size() && why.isEmpty(); i++) {
                JournalEntry entry = read.get(i);
                RawRecord record = entry.record();
                String[] label = record.source().split("/");
                long k = Long.parseLong(label[1]);
                long wanted = lastPerWriter.getOrDefault(label[0], -1L) + 1;
                if (entry.position() != i || k != wanted) {
                    why.append("record " + i + " has position " + entry.position() + " and label " + record.source());
                } else if (!record.equals(Samples.record(Integer.parseInt(label[0].substring(1)), k))) {
                    why.append("record " + i + " (" + record.source() + ") came back changed");
                }
                lastPerWriter.put(label[0], k);
            }
        }
    }

    private final Settings settings;
    private final long seed;
    private final List<String> failures = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> threadFailures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writing = new AtomicInteger();
    private final AtomicLong readUpTo = new AtomicLong();

    StressRun(Settings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    /** Runs the scenario in {@code folder}, waiting at most {@code limit} for the consumer to finish. */
    Outcome run(Path folder, Duration limit) throws InterruptedException {
        List<JournalEntry> read = new ArrayList<>();
        try (Journal journal = Journal.open(settings.config(folder))) {
            writing.set(settings.writers());
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < settings.writers(); w++) {
                int writer = w;
                threads.add(start("writer-" + w, () -> write(journal, writer)));
            }
            Thread committer = start("committer", () -> {
                if (settings.committerThread()) {
                    commit(journal);
                }
            });
            Thread consumer = start("consumer", () -> consume(journal, read, limit));
            consumer.join();
            for (Thread thread : threads) {
                thread.join(limit.toMillis());
            }
            writing.set(0);
            committer.join();
            failures.addAll(threadFailures);
            if (!journal.problems().isEmpty()) {
                failures.add("problems: " + journal.problems());
            }
            return new Outcome(read, failures, journal.end(), journal.stats().trimmedSegments());
        }
    }

    private Thread start(String name, Runnable body) {
        return Thread.ofPlatform().name(name).start(() -> {
            try {
                body.run();
            } catch (RuntimeException | AssertionError e) {
                threadFailures.add(Thread.currentThread().getName() + " failed: " + e);
            }
        });
    }

    private void write(Journal journal, int writer) {
        try {
            SplittableRandom random = new SplittableRandom(seed * 31 + writer);
            for (int k = 0; k < settings.perWriter() && threadFailures.isEmpty(); ) {
                int n = Math.min(settings.perWriter() - k, 1 + random.nextInt(4));
                Admission answer = journal.offer(Samples.records(writer, k, n));
                if (answer == Admission.ACCEPTED) {
                    k += n;
                } else if (answer == Admission.FULL) {
                    journal.awaitRoom(Duration.ofMillis(5));
                } else {
                    throw new IllegalStateException("offer answered " + answer);
                }
            }
        } finally {
            writing.decrementAndGet();
        }
    }

    private void consume(Journal journal, List<JournalEntry> read, Duration limit) {
        SplittableRandom random = new SplittableRandom(seed);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && threadFailures.isEmpty()) {
            boolean done = writing.get() == 0;
            long wait = 1 + random.nextLong(settings.pollWait().toNanos());
            List<JournalEntry> got = journal.poll(1 + random.nextInt(settings.pollMax()), Duration.ofNanos(wait));
            read.addAll(got);
            readUpTo.set(read.isEmpty() ? 0 : read.getLast().position() + 1);
            if (!settings.committerThread() && !got.isEmpty() && random.nextInt(3) == 0) {
                journal.commit(readUpTo.get());
            }
            if (done && got.isEmpty() && journal.end() != readUpTo.get()) {
                got = journal.poll(1000, Duration.ofMillis(100)); // a last, patient look
                read.addAll(got);
                readUpTo.set(read.isEmpty() ? 0 : read.getLast().position() + 1);
            }
            if (done && got.isEmpty()) {
                if (journal.end() != readUpTo.get()) {
                    threadFailures.add("the reader stopped at " + readUpTo.get() + " with the journal's end at "
                            + journal.end() + " after the writers finished; problems " + journal.problems());
                }
                return;
            }
        }
        threadFailures.add("the consumer ran out of time at " + readUpTo.get() + " of " + journal.end());
    }

    private void commit(Journal journal) {
        while (writing.get() > 0 && threadFailures.isEmpty()) {
            long upTo = readUpTo.get();
            if (upTo > journal.committed()) {
                journal.commit(upTo);
            }
            Thread.onSpinWait();
        }
    }
}
