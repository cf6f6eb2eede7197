package vn.lachan.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.RawRecord;

class JournalRoundTripTest {
    @TempDir
    Path folder;

    private static final List<RawRecord> ODD_RECORDS = List.of(
            new RawRecord(Instant.EPOCH, "udp", "", "auto", "", new byte[0]),
            new RawRecord(
                    Instant.parse("2025-03-01T08:09:10.123456789Z"),
                    "syslog-tls",
                    "[2001:db8::1]:6514",
                    "cef",
                    "tường lửa Sở TT&TT 🔥",
                    new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) 0xC3, 0x28, (byte) 0x80},
                    "oversize frame cut at 65536 bytes"),
            new RawRecord(
                    Instant.parse("-000001-12-31T23:59:59.999999999Z"),
                    "bulk",
                    "10.1.2.3",
                    "json",
                    "x".repeat(300),
                    "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_8)),
            new RawRecord(Instant.MAX, "file", "", "evtx", "/var/log/a.evtx", new byte[3000], "broken frame"),
            // an agency's ingest token: the origin travels beside the largest nanosecond value
            new RawRecord(
                    Instant.parse("2026-11-24T01:02:03.999999999Z"),
                    "http",
                    "10.9.8.7",
                    "auto",
                    "",
                    "{}".getBytes(StandardCharsets.UTF_8),
                    "",
                    "XA-PHU-LUONG"),
            new RawRecord(Instant.EPOCH, "bulk", "", "json", "winlogbeat", new byte[0], "broken frame", "SO-TTTT"));

    @Test
    void everyComponentComesBackAsOffered() {
        try (Journal journal = Journal.open(Samples.small(folder))) {
            assertThat(journal.offer(ODD_RECORDS)).isEqualTo(Admission.ACCEPTED);
            List<JournalEntry> read = journal.poll(100, Duration.ZERO);
            assertThat(read).extracting(JournalEntry::position).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(read).extracting(JournalEntry::record).containsExactlyElementsOf(ODD_RECORDS);
        }
    }

    @Test
    void recordsReadFromDiskAfterReopenEqualTheOffered() {
        try (Journal journal = Journal.open(Samples.small(folder))) {
            journal.offer(ODD_RECORDS);
            journal.offer(Samples.records(7, 0, 200));
        }
        try (Journal journal = Journal.open(Samples.small(folder))) {
            List<JournalEntry> read = Samples.drain(journal);
            assertThat(read).hasSize(206);
            assertThat(read.subList(0, 6)).extracting(JournalEntry::record).containsExactlyElementsOf(ODD_RECORDS);
            assertThat(read.subList(6, 206))
                    .extracting(JournalEntry::record)
                    .containsExactlyElementsOf(Samples.records(7, 0, 200));
            assertThat(journal.problems()).isEmpty();
        }
    }

    @Test
    void anEmptyOfferIsAcceptedWithoutTakingAPosition() {
        try (Journal journal = Journal.open(Samples.small(folder))) {
            assertThat(journal.offer(List.of())).isEqualTo(Admission.ACCEPTED);
            assertThat(journal.end()).isZero();
            assertThat(journal.stats().flushes()).isZero();
        }
    }

    @Test
    void aRecordOverTheMaximumIsRefusedWithItsSize() {
        try (Journal journal = Journal.open(Samples.small(folder))) {
            RawRecord big = new RawRecord(Instant.EPOCH, "http", "", "json", "", new byte[5000]);
            assertThatThrownBy(() -> journal.offer(List.of(Samples.record(1, 1), big)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maximum of 4096 bytes");
            assertThat(journal.end()).as("all or none").isZero();
        }
    }

    @Test
    void offersAfterCloseAreAnsweredClosed() {
        Journal journal = Journal.open(Samples.small(folder));
        journal.close();
        assertThat(journal.offer(Samples.records(1, 0, 1))).isEqualTo(Admission.CLOSED);
        assertThat(journal.awaitRoom(Duration.ofMillis(1))).isFalse();
        assertThat(journal.poll(1, Duration.ofMillis(1))).isEmpty();
    }
}
