package vn.lachan.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.RawLines;
import vn.lachan.core.intake.RawRecord;

/** A body offered as lines is journalled byte for byte as its lines offered as records of their own. */
class RawLinesOfferTest {
    private static final String[] LABELS = {"", "http", "10.0.0.7:51514", "Sở TT&TT 🔥", "x".repeat(200), "SO-TTTT"};

    @TempDir
    Path folder;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void linesEncodeAsTheirRecords(long seed) {
        RawLines lines = randomLines(new Random(seed));
        Batch fromLines = Batch.encode(lines, JournalConfig.DEFAULT_MAX_RECORD_BYTES);
        Batch fromRecords = Batch.encode(lines.records(), JournalConfig.DEFAULT_MAX_RECORD_BYTES);
        assertThat(fromLines.count()).isEqualTo(lines.count());
        assertThat(bytes(fromLines)).isEqualTo(bytes(fromRecords));
        assertThat(fromLines.buffer().array()).hasSize(fromLines.size()); // sized exactly, never grown
    }

    @Test
    void linesComeBackFromTheJournalAsTheRecordsTheyHold() {
        RawLines lines = randomLines(new Random(42));
        try (Journal journal = Journal.open(JournalConfig.of(folder).withFsync(false))) {
            assertThat(journal.offer(lines)).isEqualTo(Admission.ACCEPTED);
            List<RawRecord> back = journal.poll(1000, Duration.ofSeconds(5)).stream()
                    .map(JournalEntry::record)
                    .toList();
            assertThat(back).isEqualTo(lines.records());
        }
    }

    @Test
    void aLineOverTheMaximumIsRefusedByName() {
        byte[] body = new byte[5000];
        RawLines lines =
                new RawLines(Instant.EPOCH, "http", "peer-9", "json", "", "", body, new int[] {0, 10, 11, 5000});
        assertThatThrownBy(() -> Batch.encode(lines, 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("over the journal's maximum of 1024 bytes")
                .hasMessageContaining("4989 bytes")
                .hasMessageContaining("peer-9");
    }

    private static RawLines randomLines(Random random) {
        int count = 1 + random.nextInt(60);
        byte[] body = new byte[count * 400];
        random.nextBytes(body);
        List<Integer> bounds = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < count; i++) {
            int start = at + random.nextInt(3); // separators between lines, or none
            int end = Math.min(body.length, start + random.nextInt(398));
            bounds.add(start);
            bounds.add(end);
            at = end;
        }
        return new RawLines(
                Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000)),
                "in" + LABELS[random.nextInt(LABELS.length)],
                LABELS[random.nextInt(LABELS.length)],
                "f" + LABELS[random.nextInt(LABELS.length)],
                LABELS[random.nextInt(LABELS.length)],
                LABELS[random.nextInt(LABELS.length)],
                body,
                bounds.stream().mapToInt(Integer::intValue).toArray());
    }

    private static byte[] bytes(Batch batch) {
        batch.assign(7); // positions and header checksums as the appender writes them
        ByteBuffer buffer = batch.buffer();
        return Arrays.copyOfRange(buffer.array(), 0, batch.size());
    }
}
