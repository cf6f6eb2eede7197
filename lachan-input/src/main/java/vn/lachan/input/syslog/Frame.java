package vn.lachan.input.syslog;

import java.time.Instant;
import vn.lachan.core.intake.RawRecord;

/**
 * One syslog message cut out of a byte stream or a datagram, with what was wrong with its framing.
 *
 * @param payload the message bytes, without framing and without trailing LF, CR or NUL
 * @param fault what went wrong, {@link Fault#NONE} when nothing
 * @param problem the fault in words a person can act on; empty when the fault is {@link Fault#NONE}
 */
@SuppressWarnings("ArrayRecordComponent") // the bytes pass on to a RawRecord, which owns them; nobody compares frames
record Frame(byte[] payload, Fault fault, String problem) {
    /** Classifies what went wrong with a frame, for the listener's counters. */
    enum Fault {
        NONE,
        /** The message was longer than the limit and was cut there; the first part is kept. */
        OVERSIZE,
        /** The framing was broken: a bad octet count, a frame cut by the end of the connection. */
        FRAMING
    }

    /** Returns the frame as a raw record received now from {@code peer} on {@code input}. */
    RawRecord toRecord(Instant received, String input, String peer, String format) {
        return new RawRecord(received, input, peer, format, "", payload, problem);
    }

    static Frame of(byte[] payload) {
        return new Frame(payload, Fault.NONE, "");
    }

    /** Returns the length of the payload once trailing LF, CR and NUL bytes are left out. */
    static int trimmedLength(byte[] bytes, int from, int to) {
        int end = to;
        while (end > from && isTrailer(bytes[end - 1])) {
            end--;
        }
        return end - from;
    }

    static boolean isTrailer(byte b) {
        return b == '\n' || b == '\r' || b == 0;
    }
}
