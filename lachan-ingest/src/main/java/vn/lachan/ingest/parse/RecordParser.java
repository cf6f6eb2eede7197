package vn.lachan.ingest.parse;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.core.problem.Problem;
import vn.lachan.ingest.normalize.EcsNormalizer;

/**
 * Parses raw records into ECS field trees, choosing the parser by {@link RawRecord#format()}: {@code json},
 * {@code syslog} (RFC 5424, RFC 3164, a bare {@code <PRI>}; the message then parsed further when it is
 * CEF, LEEF, auditd, Linux auth, a web log or key=value), {@code cef}, {@code leef}, {@code kv}
 * (FortiGate, Sophos, netfilter), {@code nginx}, {@code apache}, {@code auth}, {@code auditd},
 * {@code plain}, {@code grok:<name>} with the configured patterns, or {@code auto} to detect it.
 *
 * <p>Fields are written as the {@link EcsNormalizer} writes them: ECS fields as dotted top-level keys
 * ({@code source.ip}, {@code event.category}), the record's own fields (CEF extension keys, firewall
 * keys, auditd keys) under their own names, so that Sigma rules find both. Linux syslog carries
 * {@code host.os.type: linux} and {@code event.dataset: system.syslog} or {@code system.auth}, web logs
 * {@code event.category: web} and the W3C names, firewalls {@code event.category: firewall}, auditd
 * {@code event.module: auditd}: the fields the bundled Sigma log-source map routes on.
 *
 * <p>Timestamps without a zone are read in {@link ParserConfig#localZone()}; RFC 3164 timestamps
 * without a year take the year that puts them nearest the receipt time.
 *
 * <p>Nothing is dropped and nothing throws: a record no parser understands, one over the size limit,
 * one with broken JSON, an unknown format or an input problem is kept raw ({@code event.original},
 * {@code message}, {@code error.message}, {@code event.kind: pipeline_error}) with parser name {@link
 * ParsedRecord#RAW} and the reason. Invalid UTF-8 is decoded with U+FFFD and reported as a repair.
 *
 * <p>Thread-safe: one instance serves every pipeline thread. {@link #close()} stops the grok watchdog.
 */
public final class RecordParser implements AutoCloseable {
    private final ParserConfig config;
    private final Formats formats;

    /**
     * Creates a parser.
     *
     * @throws IllegalArgumentException when a configured grok pattern does not compile, naming it
     */
    public RecordParser(ParserConfig config) {
        this.config = config;
        this.formats = new Formats(config, EcsNormalizer.bundled());
    }

    /** Parses one record; never throws for anything in the record, and never returns null. */
    public ParsedRecord parse(RawRecord record) {
        ParsedRecord json = jsonBytes(record);
        return json != null ? json : parseText(record);
    }

    /**
     * Parses a JSON record from its bytes, with no string of the whole record and no char copy of it (the
     * detect thread's largest cost was decoding the payload and reading the string back); returns null
     * whenever the text path must run: its outcome, problems and columns are then exactly the text path's.
     */
    private @Nullable ParsedRecord jsonBytes(RawRecord record) {
        byte[] payload = record.payload();
        if (!record.problem().isEmpty() || payload.length > config.maxMessageBytes()) {
            return null;
        }
        int start = Utf8.start(payload, payload.length);
        int end = Utf8.end(payload, start, payload.length);
        Event event = new Event();
        try {
            String parser = formats.json(record.format(), payload, start, end, event);
            if (parser == null) {
                return null;
            }
            String repair = event.repair();
            if (repair != null) {
                event.put("error.message", repair);
            }
            return new ParsedRecord(event.finish(), event.time(), parser, problem(record, repair));
        } catch (RuntimeException e) {
            return null; // the text path meets the same bug and keeps the record raw with it
        }
    }

    /** Parses one record through its decoded text: the path for every format, and the reference the JSON byte parse must agree with. */
    ParsedRecord parseText(RawRecord record) {
        int limit = config.maxMessageBytes();
        byte[] payload = record.payload();
        Texts.Decoded decoded = Texts.decode(payload, Math.min(payload.length, limit));
        if (!record.problem().isEmpty()) {
            return raw(record, decoded, record.problem());
        }
        if (payload.length > limit) {
            return raw(
                    record,
                    decoded,
                    "the record has " + payload.length + " bytes, more than the limit of " + limit
                            + ": kept raw, cut to " + limit + " bytes");
        }
        try {
            Event event = new Event();
            Formats.Attempt attempt = formats.parse(record.format(), decoded.text(), record.received(), event);
            String parser = attempt.parser();
            if (parser == null) {
                return raw(record, decoded, attempt.reason());
            }
            String repair = joined(utf8(decoded), event.repair());
            if (repair != null) {
                event.put("error.message", repair);
            }
            return new ParsedRecord(event.finish(), event.time(), parser, problem(record, repair));
        } catch (RuntimeException e) {
            // A bug in a parser must cost one record, not the pipeline: keep the record and say so.
            return raw(record, decoded, "internal parser error (please report it): " + e);
        }
    }

    private static ParsedRecord raw(RawRecord record, Texts.Decoded decoded, String reason) {
        String message = joined(reason, utf8(decoded));
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("message", decoded.text());
        fields.put("event.original", decoded.text());
        fields.put("event.kind", "pipeline_error");
        fields.put("error.message", message);
        return new ParsedRecord(fields, null, ParsedRecord.RAW, problem(record, message));
    }

    private static @Nullable String utf8(Texts.Decoded decoded) {
        return decoded.invalid() == 0
                ? null
                : "the record is not valid UTF-8: " + decoded.invalid()
                        + (decoded.invalid() == 1 ? " invalid byte sequence" : " invalid byte sequences")
                        + " replaced with U+FFFD";
    }

    private static @Nullable String joined(@Nullable String a, @Nullable String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }

    private static @Nullable Problem problem(RawRecord record, @Nullable String message) {
        if (message == null) {
            return null;
        }
        String source = record.source().isEmpty() ? record.input() : record.input() + " " + record.source();
        String location = record.peer().isEmpty() ? "" : "from " + record.peer();
        return new Problem(source, location, message);
    }

    /** Stops the grok watchdog thread: call it once the parser is no longer used (grok formats fail afterwards). */
    @Override
    public void close() {
        formats.close();
    }
}
