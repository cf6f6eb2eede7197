package vn.lachan.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.intake.Admission;

/**
 * Interrupts the threads that call the journal (a request thread cancelled, a stage being stopped): the
 * file channels must stay open for everybody else, and the caller must keep its interrupt. A
 * {@link java.nio.channels.FileChannel} closes itself when a thread blocked in it, or entering it, is
 * interrupted; the segment's one channel serves the writer and the reader alike.
 */
class JournalInterruptTest {
    @TempDir
    Path folder;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted(); // keep JUnit's own thread clean whatever a test left
    }

    @Test
    void anInterruptedWriterStillAppendsAndTheJournalKeepsWorking() {
        try (Journal journal = Journal.open(Samples.small(folder))) {
            Thread.currentThread().interrupt();
            Admission answer = journal.offer(Samples.records(1, 0, 3));
            assertThat(Thread.interrupted())
                    .as("the caller keeps its interrupt")
                    .isTrue();
            assertThat(answer).isEqualTo(Admission.ACCEPTED);
            assertThat(journal.offer(Samples.records(1, 3, 2))).isEqualTo(Admission.ACCEPTED);
            assertThat(Samples.drain(journal))
                    .extracting(JournalEntry::record)
                    .containsExactlyElementsOf(Samples.records(1, 0, 5));
            assertThat(journal.problems()).isEmpty();
        }
    }

    @Test
    void anInterruptedConsumerDoesNotCloseTheSegmentUnderTheWriters() {
        try (Journal journal = Journal.open(Samples.small(folder))) {
            journal.offer(Samples.records(1, 0, 3));
            Thread.currentThread().interrupt();
            List<JournalEntry> first = journal.poll(2, Duration.ofMillis(10));
            assertThat(Thread.interrupted())
                    .as("the caller keeps its interrupt")
                    .isTrue();
            assertThat(first).extracting(JournalEntry::position).containsExactly(0L, 1L);
            assertThat(journal.offer(Samples.records(1, 3, 2))).isEqualTo(Admission.ACCEPTED);
            assertThat(Samples.drain(journal))
                    .extracting(JournalEntry::record)
                    .containsExactlyElementsOf(Samples.records(1, 2, 3));
        }
    }
}
