package vn.lachan.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;

/** Damaged files: every kind of damage is reported with its place, and what is intact is still read. */
class EvtxCorruptionTest {
    private final byte[] good = EvtxSamples.bytes(EvtxSamples.SIX_EVENTS);

    @Test
    void theIntactFileReadsCleanly() {
        EvtxSamples.Outcome outcome = EvtxSamples.read(good);
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.summary()).isEqualTo(new EvtxSummary(6, 0, 1, 0, 0));
        assertThat(outcome.recordIds()).containsExactly(26359L, 26362L, 26366L, 26369L, 26373L, 26376L);
    }

    @Test
    void aTruncatedFileYieldsTheRecordsItHolds(@TempDir Path dir) throws IOException {
        // Cut inside the fourth record: three records are whole.
        Path file = dir.resolve("cut.evtx");
        Files.write(file, Arrays.copyOf(good, EvtxSamples.SIX_EVENT_RECORD_OFFSETS[3] + 100));
        List<SourcedEvent> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();

        EvtxSummary summary = EvtxReader.read(file, "cut.evtx", events::add, problems::add);

        assertThat(summary.records()).isEqualTo(3);
        assertThat(summary.corruptChunks()).isEqualTo(1);
        assertThat(problems).extracting(Problem::location).contains("chunk 0 at offset 0x1000");
        assertThat(problems).anyMatch(p -> p.message().contains("file ends inside this chunk"));
        assertThat(events).extracting(SourcedEvent::index).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aFileCutInsideItsHeaderIsReportedNotThrown() {
        EvtxSamples.Outcome outcome = EvtxSamples.read(Arrays.copyOf(good, 100));
        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.locations()).containsExactly("file header");
    }

    @Test
    void aFlippedChunkHeaderChecksumIsReportedAndTheRecordsAreStillRead() {
        byte[] file = good.clone();
        file[EvtxSamples.CHUNK + 124] ^= 0x01;
        EvtxSamples.Outcome outcome = EvtxSamples.read(file);
        assertThat(outcome.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("chunk 0 at offset 0x1000");
            assertThat(p.message()).contains("header checksum mismatch");
        });
        assertThat(outcome.summary().corruptChunks()).isEqualTo(1);
        assertThat(outcome.events()).hasSize(6);
    }

    @Test
    void aFlippedFileHeaderChecksumIsReported() {
        byte[] file = good.clone();
        file[124] ^= 0x10;
        EvtxSamples.Outcome outcome = EvtxSamples.read(file);
        assertThat(outcome.locations()).containsExactly("file header");
        assertThat(outcome.events()).hasSize(6);
    }

    @Test
    void aDamagedRecordIsSkippedWithItsPlaceAndTheOthersAreRead() {
        byte[] file = good.clone();
        int third = EvtxSamples.SIX_EVENT_RECORD_OFFSETS[2];
        file[third] = 'X'; // breaks the record signature
        EvtxSamples.Outcome outcome = EvtxSamples.read(file);

        assertThat(outcome.locations()).contains("chunk 0 at offset 0x1000", "record 2 at offset 0x1df0");
        assertThat(outcome.problems()).anyMatch(p -> p.message().contains("records checksum mismatch"));
        assertThat(outcome.recordIds()).containsExactly(26359L, 26362L, 26369L, 26373L, 26376L);
    }

    @Test
    void aRecordWithBadBinaryXmlIsReportedWithItsIdAndTheNextRecordsStillUseTheTemplate() {
        byte[] file = good.clone();
        int second = EvtxSamples.SIX_EVENT_RECORD_OFFSETS[1];
        file[second + 24] = (byte) 0x7f; // an unknown token where the fragment header should be
        EvtxSamples.Outcome outcome = EvtxSamples.read(file);

        assertThat(outcome.problems())
                .anyMatch(p -> p.location().equals("record 1 at offset 0x1b38")
                        && p.message().contains("record id 2 is malformed"));
        assertThat(outcome.summary().corruptRecords()).isEqualTo(1);
        assertThat(outcome.recordIds()).containsExactly(26359L, 26366L, 26369L, 26373L, 26376L);
        assertThat(outcome.events()).extracting(SourcedEvent::index).containsExactly(0L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aGarbageChunkBetweenGoodOnesIsSkippedAndTheGoodOnesAreRead() {
        byte[] chunk = Arrays.copyOfRange(good, EvtxSamples.CHUNK, EvtxSamples.CHUNK + 0x10000);
        byte[] garbage = new byte[0x10000];
        new Random(42).nextBytes(garbage);
        byte[] file = concat(Arrays.copyOf(good, EvtxSamples.CHUNK), chunk, garbage, chunk);

        EvtxSamples.Outcome outcome = EvtxSamples.read(file);

        assertThat(outcome.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("chunk 1 at offset 0x11000");
            assertThat(p.message()).contains("no chunk signature");
        });
        assertThat(outcome.summary()).isEqualTo(new EvtxSummary(12, 0, 2, 1, 1));
        assertThat(outcome.recordIds())
                .containsExactly(
                        26359L, 26362L, 26366L, 26369L, 26373L, 26376L, 26359L, 26362L, 26366L, 26369L, 26373L, 26376L);
        assertThat(outcome.events())
                .extracting(SourcedEvent::index)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    }

    @Test
    void anUnusedAllZeroChunkIsNeitherReadNorReported() {
        byte[] file = concat(good, new byte[0x10000]);
        EvtxSamples.Outcome outcome = EvtxSamples.read(file);
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.summary()).isEqualTo(new EvtxSummary(6, 0, 1, 0, 0));
    }

    @Test
    void aFileThatIsNotEvtxIsReportedAsSuch() {
        byte[] text = "{\"EventID\": 1}\n".repeat(5000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        EvtxSamples.Outcome outcome = EvtxSamples.read(text);
        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.problems())
                .first()
                .satisfies(p -> assertThat(p.message()).contains("no EVTX signature"));
        assertThat(outcome.locations()).contains("chunk 0 at offset 0x1000");
    }

    @Test
    void aTemplateThatRefersToItselfIsReportedNotFollowedForever() {
        byte[] file = good.clone();
        int first = EvtxSamples.SIX_EVENT_RECORD_OFFSETS[0];
        // Record 1: fragment header (4 bytes), then a template instance whose definition is inline at +10.
        int instance = first + 24 + 4;
        assertThat(file[instance]).isEqualTo((byte) 0x0c);
        int definition = instance + 10 - EvtxSamples.CHUNK;
        int body = instance + 10 + 24;
        assertThat(file[body]).isEqualTo((byte) 0x0f);
        // Replace the template's first element by an instance of the template itself.
        file[body + 4] = 0x0c;
        file[body + 5] = 0x01;
        writeInt(file, body + 10, definition);
        EvtxSamples.Outcome outcome = EvtxSamples.read(file);

        assertThat(outcome.problems()).anyMatch(p -> p.message().contains("refers to itself"));
        assertThat(outcome.events()).isEmpty();
    }

    private static void writeInt(byte[] data, int at, int value) {
        for (int i = 0; i < 4; i++) {
            data[at + i] = (byte) (value >>> (8 * i));
        }
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
