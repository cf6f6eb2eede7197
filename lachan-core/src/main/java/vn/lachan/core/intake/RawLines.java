package vn.lachan.core.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Holds the records of one request body as ranges of that body, with the labels they all share: an input
 * hands its body over once instead of copying every line into a {@link RawRecord} of its own.
 *
 * @param received when the input accepted the body
 * @param input the input's name, as in {@link RawRecord#input()}
 * @param peer the sender's address; empty when unknown
 * @param format the parser to use, or {@link RawRecord#AUTO}
 * @param source a label the sender gave; empty when none
 * @param origin the code of the organization whose credential sent the body; empty when none
 * @param body the bytes as received; the lines own the array and nobody mutates it
 * @param bounds the start and the end (exclusive) of each record in {@code body}, two ints per record, in
 *     order; owned like {@code body}
 */
public record RawLines(
        Instant received,
        String input,
        String peer,
        String format,
        String source,
        String origin,
        byte[] body,
        int[] bounds) {
    public RawLines {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(body, "body");
        if (input.isBlank() || format.isBlank()) {
            throw new IllegalArgumentException("raw lines need the name of their input and a format");
        }
        if (bounds.length % 2 != 0) {
            throw new IllegalArgumentException("bounds come in pairs, not " + bounds.length + " ints");
        }
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] < 0 || bounds[i] > bounds[i + 1] || bounds[i + 1] > body.length) {
                throw new IllegalArgumentException("record " + i / 2 + " spans [" + bounds[i] + ", " + bounds[i + 1]
                        + "), outside the body of " + body.length + " bytes");
            }
        }
    }

    /** Returns the number of records. */
    public int count() {
        return bounds.length / 2;
    }

    /** Returns the first byte of record {@code i} in {@link #body()}. */
    public int start(int i) {
        return bounds[2 * i];
    }

    /** Returns the end (exclusive) of record {@code i} in {@link #body()}. */
    public int end(int i) {
        return bounds[2 * i + 1];
    }

    /** Returns record {@code i} as a raw record of its own, its payload copied out of the body. */
    public RawRecord record(int i) {
        return new RawRecord(
                received, input, peer, format, source, Arrays.copyOfRange(body, start(i), end(i)), "", origin);
    }

    /** Returns every record as a raw record of its own. */
    public List<RawRecord> records() {
        List<RawRecord> out = new ArrayList<>(count());
        for (int i = 0; i < count(); i++) {
            out.add(record(i));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawLines l && records().equals(l.records());
    }

    @Override
    public int hashCode() {
        return records().hashCode();
    }

    @Override
    public String toString() {
        return "RawLines[" + count() + " records of input " + input + " from '" + peer + "' at " + received + "]";
    }
}
