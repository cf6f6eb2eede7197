package vn.lachan.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import vn.lachan.core.intake.RawRecord;

/** Builds raw records for the parser tests. */
final class Records {
    static final Instant RECEIVED = Instant.parse("2024-03-05T10:00:05Z");

    private Records() {}

    static RawRecord of(String format, String text) {
        return of(format, text.getBytes(StandardCharsets.UTF_8));
    }

    static RawRecord of(String format, byte[] payload) {
        return new RawRecord(RECEIVED, "syslog-udp", "10.1.2.3", format, "", payload);
    }

    /** Returns the record's problem message, failing when it has none. */
    static String problem(ParsedRecord parsed) {
        return Objects.requireNonNull(parsed.problem(), "the record has no problem")
                .message();
    }

    static RawRecord at(Instant received, String format, String text) {
        return new RawRecord(received, "syslog-udp", "10.1.2.3", format, "", text.getBytes(StandardCharsets.UTF_8));
    }
}
