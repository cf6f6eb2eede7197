package vn.lachan.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRestartTest {
    @TempDir
    Path folder;

    @Test
    void positionsContinueAndTheCommittedPositionSurvivesAReopen() throws IOException {
        List<Path> before;
        try (Journal journal = Journal.open(Samples.small(folder))) {
            for (int k = 0; k < 300; k += 10) {
                journal.offer(Samples.records(1, k, 10));
            }
            assertThat(Samples.drain(journal)).hasSize(300);
            before = segmentFiles();
            journal.commit(250);
            assertThat(journal.stats().trimmedSegments()).isPositive();
        }
        List<Path> after = segmentFiles();
        assertThat(after).hasSizeLessThan(before.size());
        assertThat(before).containsAll(after);
        try (Journal journal = Journal.open(Samples.small(folder))) {
            assertThat(journal.committed()).isEqualTo(250);
            assertThat(journal.end()).isEqualTo(300);
            journal.offer(Samples.records(2, 0, 5));
            List<JournalEntry> read = Samples.drain(journal);
            assertThat(read).extracting(JournalEntry::position).first().isEqualTo(250L);
            assertThat(read).extracting(JournalEntry::position).last().isEqualTo(304L);
            assertThat(read.get(0).record()).isEqualTo(Samples.record(1, 250));
            assertThat(read.get(50).record()).isEqualTo(Samples.record(2, 0));
        }
    }

    @Test
    void positionsAreNotReusedWhenEverythingWasCommittedAndTrimmed() throws IOException {
        try (Journal journal = Journal.open(Samples.small(folder))) {
            for (int k = 0; k < 200; k += 10) {
                journal.offer(Samples.records(1, k, 10));
            }
            Samples.drain(journal);
            journal.commit(200);
        }
        try (Journal journal = Journal.open(Samples.small(folder))) {
            assertThat(journal.committed()).isEqualTo(200);
            assertThat(journal.end()).isEqualTo(200);
            assertThat(Samples.drain(journal)).isEmpty();
            journal.offer(Samples.records(3, 0, 1));
            assertThat(Samples.drain(journal))
                    .extracting(JournalEntry::position)
                    .containsExactly(200L);
        }
    }

    @Test
    void aSecondJournalOnTheSameFolderIsRefusedByName() {
        try (Journal journal = Journal.open(Samples.small(folder))) {
            assertThatThrownBy(() -> Journal.open(Samples.small(folder)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(folder.toString())
                    .hasMessageContaining("in use by another lachan process");
        }
        try (Journal again = Journal.open(Samples.small(folder))) {
            assertThat(again.end()).isZero();
        }
    }

    @Test
    void committingPastWhatWasReadIsRefused() {
        try (Journal journal = Journal.open(Samples.small(folder))) {
            journal.offer(Samples.records(1, 0, 10));
            assertThat(journal.poll(4, java.time.Duration.ZERO)).hasSize(4);
            assertThatThrownBy(() -> journal.commit(5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("next unread one 4");
        }
    }

    @Test
    void aConfigurationOutOfRangeIsRefusedWithTheBadValue() {
        assertThatThrownBy(() -> new JournalConfig(folder, 100, 1 << 20, 50, true))
                .hasMessageContaining("at least 1024 bytes, was 100");
        assertThatThrownBy(() -> new JournalConfig(folder, 1 << 20, 1 << 20, 1024, true))
                .hasMessageContaining("at least twice the segment size");
        assertThatThrownBy(() -> new JournalConfig(folder, 4096, 1 << 20, 8192, true))
                .hasMessageContaining("must not exceed the segment size");
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
        }
    }
}
