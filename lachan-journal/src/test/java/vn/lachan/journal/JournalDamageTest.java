package vn.lachan.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.core.problem.Problem;

/** Damages journal files the way crashes and failing disks do, then reopens them. */
class JournalDamageTest {
    private static final long FORGED = 1_000_000;

    @TempDir
    Path folder;

    @Test
    void aTornTailIsCutOffReportedAndWrittenOver() throws IOException {
        writeRecords(100);
        Path tail = segments().getLast();
        long size = Files.size(tail);
        try (FileChannel channel = FileChannel.open(tail, StandardOpenOption.WRITE)) {
            channel.truncate(size - 7); // the last record's write was cut short
        }
        try (Journal journal = Journal.open(Samples.small(folder))) {
            assertThat(journal.end()).isEqualTo(99);
            assertThat(journal.stats().recoveryTruncations()).isEqualTo(1);
            assertThat(journal.problems()).singleElement().satisfies(p -> {
                assertThat(p.source()).isEqualTo(tail.toString());
                assertThat(p.message()).contains("cut off");
            });
            journal.offer(Samples.records(9, 0, 1));
            List<JournalEntry> read = Samples.drain(journal);
            assertThat(read).hasSize(100);
            assertThat(read.subList(0, 99))
                    .extracting(JournalEntry::record)
                    .containsExactlyElementsOf(Samples.records(1, 0, 99));
            assertThat(read.get(99)).isEqualTo(new JournalEntry(99, Samples.record(9, 0)));
        }
    }

    @Test
    void garbageAfterTheLastRecordIsCutOff() throws IOException {
        writeRecords(50);
        Path tail = segments().getLast();
        try (FileChannel channel = FileChannel.open(tail, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(
                    new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21}));
        }
        try (Journal journal = Journal.open(Samples.small(folder))) {
            assertThat(journal.end()).isEqualTo(50);
            assertThat(journal.stats().recoveryTruncations()).isEqualTo(1);
            assertThat(Samples.drain(journal)).hasSize(50);
        }
    }

    @Test
    void aDamagedBodyInASealedSegmentIsReportedWithItsPlaceAndSkipped() throws IOException {
        writeRecords(300);
        assertThat(segments()).as("the first segment is sealed").hasSizeGreaterThan(1);
        Path first = segments().getFirst();
        long offset = Segment.HEADER + Frames.HEADER + 30; // inside the body of record 0
        flipByte(first, offset);
        try (Journal journal = Journal.open(Samples.small(folder))) {
            List<JournalEntry> read = Samples.drain(journal);
            assertThat(read)
                    .extracting(JournalEntry::position)
                    .doesNotContain(0L)
                    .hasSize(299);
            assertThat(read.get(0)).isEqualTo(new JournalEntry(1, Samples.record(1, 1)));
            assertThat(journal.stats().corruptRegions()).isEqualTo(1);
            Problem problem = journal.problems().getFirst();
            assertThat(problem.source()).endsWith(first.getFileName().toString());
            assertThat(problem.location()).isEqualTo("offset " + Segment.HEADER);
            assertThat(problem.message()).contains("position 0 fails its checksum");
        }
    }

    @Test
    void aDamagedHeaderInASealedSegmentIsSteppedOverToTheNextGoodRecord() throws IOException {
        writeRecords(300);
        assertThat(segments()).as("the first segment is sealed").hasSizeGreaterThan(1);
        Path first = segments().getFirst();
        flipByte(first, Segment.HEADER + 5); // inside the position of record 0's header
        try (Journal journal = Journal.open(Samples.small(folder))) {
            List<JournalEntry> read = Samples.drain(journal);
            assertThat(read).hasSize(299);
            assertThat(read).extracting(JournalEntry::record).containsExactlyElementsOf(Samples.records(1, 1, 299));
            assertThat(journal.problems()).singleElement().satisfies(p -> {
                assertThat(p.location()).isEqualTo("offset " + Segment.HEADER);
                assertThat(p.message()).contains("damaged bytes hold no valid record");
            });
        }
    }

    @Test
    void aFrameCarriedInAPayloadIsNotTakenForARecordWhenSteppingOverDamage() throws IOException {
        writeCarrierThenRecords(300);
        assertThat(segments()).as("the first segment is sealed").hasSizeGreaterThan(1);
        flipByte(segments().getFirst(), Segment.HEADER + 5); // record 0's header: the reader must search
        try (Journal journal = Journal.open(Samples.small(folder))) {
            List<JournalEntry> read = Samples.drain(journal);
            assertThat(read)
                    .extracting(JournalEntry::position)
                    .doesNotContain(FORGED)
                    .hasSize(299);
            assertThat(read).extracting(JournalEntry::record).containsExactlyElementsOf(Samples.records(1, 1, 299));
            assertThat(journal.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("damaged bytes hold no valid record"));
        }
    }

    @Test
    void aFrameCarriedInAPayloadDoesNotMoveTheEndWhenRecoveryStepsOverDamage() throws IOException {
        writeCarrierThenRecords(5);
        assertThat(segments()).as("one segment: the tail, which recovery walks").hasSize(1);
        flipByte(segments().getFirst(), Segment.HEADER + 5);
        try (Journal journal = Journal.open(Samples.small(folder))) {
            assertThat(journal.end()).isEqualTo(5);
            assertThat(Samples.drain(journal))
                    .extracting(JournalEntry::record)
                    .containsExactlyElementsOf(Samples.records(1, 1, 4));
        }
    }

    /** Writes record 0, whose payload carries a whole valid frame claiming position {@link #FORGED}, then more. */
    private void writeCarrierThenRecords(int count) {
        Batch forged = Batch.encode(List.of(Samples.record(7, 7)), 4096);
        forged.assign(FORGED);
        byte[] frame = new byte[forged.size()];
        forged.buffer().get(frame);
        byte[] payload = new byte[frame.length + 64];
        System.arraycopy(frame, 0, payload, 32, frame.length);
        RawRecord carrier =
                new RawRecord(Instant.EPOCH, "syslog-tcp", "10.0.0.9:514", RawRecord.AUTO, "carrier", payload);
        try (Journal journal = Journal.open(Samples.small(folder).withFsync(false))) {
            journal.offer(List.of(carrier));
            for (int k = 1; k < count; k++) {
                journal.offer(Samples.records(1, k, 1));
            }
        }
    }

    @Test
    void aDamagedHeaderOfTheLastSegmentKeepsItsAcknowledgedRecords() throws IOException {
        writeRecords(5);
        assertThat(segments()).as("one segment: the tail").hasSize(1);
        flipByte(segments().getFirst(), 3); // inside the magic number
        try (Journal journal = Journal.open(Samples.small(folder))) {
            assertThat(journal.end()).isEqualTo(5);
            assertThat(journal.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("header is damaged"));
            assertThat(journal.offer(Samples.records(1, 5, 1))).isEqualTo(Admission.ACCEPTED);
            assertThat(Samples.drain(journal))
                    .extracting(JournalEntry::record)
                    .containsExactlyElementsOf(Samples.records(1, 0, 6));
        }
        try (Journal journal = Journal.open(Samples.small(folder))) {
            assertThat(journal.problems()).as("the header was written again").isEmpty();
            assertThat(journal.end()).isEqualTo(6);
        }
    }

    @Test
    void aDamagedCommitFileIsReportedAndReadingStartsFromTheOldestRecord() throws IOException {
        writeRecords(20);
        Files.write(folder.resolve(CommitFile.NAME), new byte[] {1, 2, 3});
        try (Journal journal = Journal.open(Samples.small(folder))) {
            assertThat(journal.committed()).isZero();
            assertThat(journal.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("damaged"));
            assertThat(Samples.drain(journal)).hasSize(20);
        }
    }

    private void writeRecords(int count) {
        try (Journal journal = Journal.open(Samples.small(folder).withFsync(false))) {
            for (int k = 0; k < count; k++) {
                journal.offer(Samples.records(1, k, 1));
            }
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind();
            channel.write(one, offset);
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found =
                    files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
            return found;
        }
    }
}
