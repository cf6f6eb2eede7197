package vn.lachan.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.intake.Admission;

class JournalBudgetTest {
    @TempDir
    Path folder;

    private JournalConfig config() {
        return new JournalConfig(folder, 4096, 16 * 1024, 1024, true);
    }

    @Test
    void aFullJournalAnswersFullUntilCommittedSegmentsAreTrimmed() throws Exception {
        try (Journal journal = Journal.open(config())) {
            long k = 0;
            while (journal.offer(Samples.records(1, k, 1)) == Admission.ACCEPTED) {
                k++;
            }
            assertThat(k).as("records that fit").isGreaterThan(20);
            assertThat(journal.bytes()).isLessThanOrEqualTo(16 * 1024);
            assertThat(journal.offer(Samples.records(1, k, 1))).isEqualTo(Admission.FULL);
            assertThat(journal.stats().fullAnswers()).isEqualTo(2);
            assertThat(journal.awaitRoom(Duration.ZERO)).isFalse();

            CompletableFuture<Boolean> waiter =
                    CompletableFuture.supplyAsync(() -> journal.awaitRoom(Duration.ofMinutes(1)));
            List<JournalEntry> read = Samples.drain(journal);
            assertThat(read).hasSize((int) k);
            long segmentsBefore = journal.stats().segments();
            journal.commit(k);

            assertThat(waiter.get(1, TimeUnit.MINUTES)).isTrue();
            assertThat(journal.stats().trimmedSegments()).isEqualTo(segmentsBefore - 1);
            assertThat(journal.stats().segments()).isEqualTo(1);
            assertThat(journal.offer(Samples.records(1, k, 1))).isEqualTo(Admission.ACCEPTED);
        }
    }

    @Test
    void anOfferThatWouldCrossTheBudgetIsRefusedWhole() {
        try (Journal journal = Journal.open(config())) {
            Admission answer = Admission.ACCEPTED;
            long k = 0;
            while (answer == Admission.ACCEPTED) {
                answer = journal.offer(Samples.records(2, k, 10));
                k += 10;
            }
            long end = journal.end();
            assertThat(end % 10).as("no part of a refused offer is taken").isZero();
            assertThat(Samples.drain(journal)).hasSize((int) end);
        }
    }
}
