package vn.lachan.core.intake;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Holds one accepted piece of input exactly as it arrived, before any parsing: one syslog message, one
 * NDJSON line, one bulk document, one event read from a file.
 *
 * @param received when the input accepted it
 * @param input the input's name, such as {@code syslog-tcp}, {@code http}, {@code bulk}, {@code file}
 * @param peer the sender's address ({@code 10.1.2.3} or {@code 10.1.2.3:51514}); empty when unknown
 * @param format the parser to use: {@code auto} to detect it, or a parser's name such as {@code json},
 *     {@code syslog}, {@code cef}
 * @param source a label the sender gave (an index name, a file path, a source name); empty when none
 * @param payload the bytes as received (not necessarily valid UTF-8); the record owns the array and
 *     nobody mutates it
 * @param problem what the input found wrong with the record (an oversize frame cut at the limit, a
 *     broken frame), empty when nothing; the pipeline keeps such a record raw with this reason
 * @param origin the code of the organization whose credential sent the record (an agency's ingest
 *     token), empty when the sender is bound to none (syslog, a monitoring-center token): the pipeline
 *     attributes the event to that organization's subtree only, whatever the sender claims
 */
public record RawRecord(
        Instant received,
        String input,
        String peer,
        String format,
        String source,
        byte[] payload,
        String problem,
        String origin) {
    /** The format that asks the pipeline to detect the parser. */
    public static final String AUTO = "auto";

    public RawRecord {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(origin, "origin");
        if (input.isBlank()) {
            throw new IllegalArgumentException("a raw record needs the name of its input");
        }
        if (format.isBlank()) {
            throw new IllegalArgumentException("a raw record needs a format ('" + AUTO + "' to detect it)");
        }
    }

    /** Returns a record without a problem, from a sender bound to no organization. */
    public RawRecord(Instant received, String input, String peer, String format, String source, byte[] payload) {
        this(received, input, peer, format, source, payload, "", "");
    }

    /** Returns a record from a sender bound to no organization. */
    public RawRecord(
            Instant received, String input, String peer, String format, String source, byte[] payload, String problem) {
        this(received, input, peer, format, source, payload, problem, "");
    }

    /** Returns this record as sent by a credential of the organization {@code code}. */
    public RawRecord withOrigin(String code) {
        return new RawRecord(received, input, peer, format, source, payload, problem, code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawRecord r
                && received.equals(r.received)
                && input.equals(r.input)
                && peer.equals(r.peer)
                && format.equals(r.format)
                && source.equals(r.source)
                && Arrays.equals(payload, r.payload)
                && problem.equals(r.problem)
                && origin.equals(r.origin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(received, input, peer, format, source, Arrays.hashCode(payload), problem, origin);
    }

    @Override
    public String toString() {
        return "RawRecord[" + input + " from '" + peer + "' at " + received + ", format " + format + ", source '"
                + source + "', " + payload.length + " bytes" + (problem.isEmpty() ? "" : ", problem: " + problem)
                + (origin.isEmpty() ? "" : ", origin " + origin) + "]";
    }
}
