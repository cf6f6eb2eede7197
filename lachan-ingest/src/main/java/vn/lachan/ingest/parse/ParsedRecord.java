package vn.lachan.ingest.parse;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;

/**
 * Holds what {@link RecordParser#parse} made of one raw record.
 *
 * @param fields the event as a JSON-like tree (values as in {@link vn.lachan.core.event.SourcedEvent}),
 *     with ECS fields as dotted top-level keys ({@code source.ip}) beside the original fields the
 *     Sigma rules read; a mutable map the parser hands over and holds no more: its receiver may add to it
 *     (the pipeline puts its time flags in without a copy)
 * @param time the event time the record carries, or null when it carries none (the pipeline then uses
 *     the receipt time)
 * @param parser the name of the parser that understood the record ({@code json}, {@code syslog},
 *     {@code syslog+cef}, {@code grok:apache_custom}…), or {@link #RAW} when none did
 * @param problem what went wrong: why the record is kept raw, or what was repaired in a record that
 *     was parsed (invalid UTF-8 replaced, malformed structured data); null when nothing
 */
public record ParsedRecord(
        Map<String, @Nullable Object> fields,
        @Nullable Instant time,
        String parser,
        @Nullable Problem problem) {
    /** The parser name of a record kept raw. */
    public static final String RAW = "raw";

    // Explicit canonical constructor: see SourcedEvent on type-use annotations of generic parameters.
    public ParsedRecord(
            Map<String, @Nullable Object> fields, @Nullable Instant time, String parser, @Nullable Problem problem) {
        this.fields = Objects.requireNonNull(fields, "fields");
        this.time = time;
        this.parser = Objects.requireNonNull(parser, "parser");
        this.problem = problem;
        if (parser.equals(RAW) && problem == null) {
            throw new IllegalArgumentException("a record kept raw needs the problem that kept it raw");
        }
    }

    /** Tells how the parse went, for counting. */
    public enum Outcome {
        /** A parser understood the record and nothing was wrong. */
        PARSED,
        /** A parser understood the record, but something in it was repaired or left out. */
        REPAIRED,
        /** No parser understood the record: it is kept raw with the reason. */
        RAW
    }

    /** Returns how the parse went. */
    public Outcome outcome() {
        if (parser.equals(RAW)) {
            return Outcome.RAW;
        }
        return problem == null ? Outcome.PARSED : Outcome.REPAIRED;
    }
}
