package vn.lachan.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.RawRecord;

class JournalConcurrencyTest {
    private static final int WRITERS = 8;
    private static final int PER_WRITER = 1500;

    @TempDir
    Path folder;

    @Test
    // a hang here (seen once, under load) must fail with what the journal saw instead of running until CI's limit
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyRecordIsReadOnceInPositionOrderWithEachWritersOrderKept() throws Exception {
        List<JournalEntry> read = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        try (Journal journal = Journal.open(Samples.small(folder));
                ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1)) {
            Future<?> consumer = pool.submit(() -> consume(journal, writing, read));
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(pool.submit(() -> write(journal, writer)));
                }
                for (Future<?> f : writers) {
                    f.get();
                }
            } finally {
                // else a failed writer leaves the consumer polling and the pool's close waiting for it forever
                writing.set(false);
            }
            consumer.get();
            assertThat(nextOf(read)).as("the reader reached the journal's end").isEqualTo(journal.end());
            assertThat(journal.stats().flushes())
                    .as("group commit shares flushes between offers")
                    .isLessThanOrEqualTo(journal.stats().appendedRecords());
            assertThat(journal.stats().trimmedSegments()).isPositive();
            assertThat(journal.problems()).isEmpty();
        }
        assertThat(read).hasSize(WRITERS * PER_WRITER);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).position()).isEqualTo(i);
        }
        Map<String, Long> lastPerWriter = new HashMap<>();
        for (JournalEntry entry : read) {
            RawRecord record = entry.record();
            String[] label = record.source().split("/");
            long k = Long.parseLong(label[1]);
            assertThat(k).isEqualTo(lastPerWriter.getOrDefault(label[0], -1L) + 1);
            lastPerWriter.put(label[0], k);
            assertThat(record).isEqualTo(Samples.record(Integer.parseInt(label[0].substring(1)), k));
        }
    }

    private static void write(Journal journal, int writer) {
        SplittableRandom random = new SplittableRandom(writer);
        for (int k = 0; k < PER_WRITER; ) {
            int n = Math.min(PER_WRITER - k, 1 + random.nextInt(12));
            Admission answer = journal.offer(Samples.records(writer, k, n));
            if (answer == Admission.ACCEPTED) {
                k += n;
            } else {
                assertThat(answer).isEqualTo(Admission.FULL);
                journal.awaitRoom(Duration.ofMillis(100));
            }
        }
    }

    private static void consume(Journal journal, AtomicBoolean writing, List<JournalEntry> read) {
        SplittableRandom random = new SplittableRandom(99);
        while (true) {
            boolean finished = !writing.get(); // read before the poll: every acknowledged record is readable then
            List<JournalEntry> got = journal.poll(1 + random.nextInt(300), Duration.ofMillis(20));
            if (got.isEmpty() && finished) {
                return; // the test then checks that nothing is missing
            }
            assertThat(journal.problems())
                    .as("problems while reading, next %d of %d", nextOf(read), journal.end())
                    .isEmpty();
            read.addAll(got);
            // an empty poll commits what was read, else writers refused as FULL could wait on a consumer
            // that has read everything but committed too little of it to free a segment
            if ((got.isEmpty() || random.nextInt(3) == 0) && nextOf(read) > journal.committed()) {
                journal.commit(nextOf(read));
            }
        }
    }

    private static long nextOf(List<JournalEntry> read) {
        return read.isEmpty() ? 0 : read.getLast().position() + 1;
    }
}
