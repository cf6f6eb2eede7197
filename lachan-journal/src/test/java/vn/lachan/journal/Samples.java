package vn.lachan.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.lachan.core.intake.RawRecord;

/** Builds records whose payload can be checked from their labels, and drains journals, for the tests. */
final class Samples {
    private Samples() {}

    /** Returns record {@code k} of writer {@code writer}: its payload is a pure function of both. */
    static RawRecord record(int writer, long k) {
        return new RawRecord(
                Instant.ofEpochSecond(1_700_000_000L + k, k % 1_000_000_000L),
                "syslog-tcp",
                "10.0.0." + writer + ":514",
                RawRecord.AUTO,
                "w" + writer + "/" + k,
                payload(writer, k));
    }

    /** Returns 40 to 400 bytes, not all valid UTF-8, derived from the writer and the sequence number. */
    static byte[] payload(int writer, long k) {
        SplittableRandom random = new SplittableRandom(writer * 1_000_003L + k);
        byte[] bytes = new byte[40 + random.nextInt(361)];
        random.nextBytes(bytes);
        byte[] label = ("<13>w" + writer + " #" + k + " ").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(label, 0, bytes, 0, label.length);
        return bytes;
    }

    /** Returns {@code count} records of writer {@code writer} from sequence number {@code from}. */
    static List<RawRecord> records(int writer, long from, int count) {
        List<RawRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(record(writer, from + i));
        }
        return out;
    }

    /** Polls until a poll comes back empty after a short wait, and returns everything read. */
    static List<JournalEntry> drain(Journal journal) {
        List<JournalEntry> all = new ArrayList<>();
        for (List<JournalEntry> got = journal.poll(500, Duration.ofMillis(50));
                !got.isEmpty();
                got = journal.poll(500, Duration.ofMillis(50))) {
            all.addAll(got);
        }
        return all;
    }

    /** Returns a configuration with small segments so that tests roll and trim them. */
    static JournalConfig small(Path folder) {
        return new JournalConfig(folder, 16 * 1024, 1024 * 1024, 4096, true);
    }
}
