package vn.lachan.ingest.parse;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configures a {@link RecordParser}.
 *
 * @param grokPatterns grok expressions by name, used by the format {@code grok:<name>}; each may also
 *     refer to the others and to the bundled patterns ({@code %{IP:source.ip}})
 * @param maxMessageBytes the largest payload parsed, in bytes; a larger record is kept raw, cut at this
 *     size
 * @param localZone the zone of timestamps that carry none (RFC 3164 syslog, access logs without
 *     offset, FortiGate {@code date}/{@code time} without {@code tz}); UTC unless configured
 * @param grokTimeout how long one grok match may run before the watchdog interrupts it
 */
public record ParserConfig(
        Map<String, String> grokPatterns, int maxMessageBytes, ZoneId localZone, Duration grokTimeout) {
    /** The default payload limit: 1 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

    public ParserConfig {
        Objects.requireNonNull(grokPatterns, "grokPatterns");
        Objects.requireNonNull(localZone, "localZone");
        Objects.requireNonNull(grokTimeout, "grokTimeout");
        grokPatterns.forEach((name, pattern) -> {
            if (name.isBlank() || pattern.isBlank()) {
                throw new IllegalArgumentException(
                        "a grok pattern needs a name and an expression, got '" + name + "' = '" + pattern + "'");
            }
        });
        grokPatterns = Map.copyOf(grokPatterns);
        if (maxMessageBytes < 64) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 64, was " + maxMessageBytes);
        }
        if (grokTimeout.isNegative() || grokTimeout.isZero() || grokTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("grokTimeout must be at least 1 ms, was " + grokTimeout);
        }
    }

    /** Returns the defaults: no grok patterns, 1 MiB messages, UTC, a 1 s grok timeout. */
    public static ParserConfig defaults() {
        return new ParserConfig(Map.of(), DEFAULT_MAX_MESSAGE_BYTES, ZoneOffset.UTC, Duration.ofSeconds(1));
    }

    /** Returns this configuration with one more grok pattern (replacing one of the same name). */
    public ParserConfig withGrokPattern(String name, String pattern) {
        Map<String, String> all = new LinkedHashMap<>(grokPatterns);
        all.put(name, pattern);
        return new ParserConfig(all, maxMessageBytes, localZone, grokTimeout);
    }

    /** Returns this configuration with another zone for timestamps that carry none. */
    public ParserConfig withLocalZone(ZoneId zone) {
        return new ParserConfig(grokPatterns, maxMessageBytes, zone, grokTimeout);
    }

    /** Returns this configuration with another payload limit, in bytes. */
    public ParserConfig withMaxMessageBytes(int bytes) {
        return new ParserConfig(grokPatterns, bytes, localZone, grokTimeout);
    }
}
