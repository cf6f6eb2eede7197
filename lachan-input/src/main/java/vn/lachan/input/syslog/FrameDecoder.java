package vn.lachan.input.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cuts the byte stream of one syslog connection into messages (RFC 6587), deciding the framing anew
 * for every frame: a frame that starts with a non-zero digit followed by digits and a space is
 * octet-counted ({@code LEN SP MSG}), any other frame runs to its trailer (LF, CRLF or NUL).
 *
 * <p>Bytes may arrive in chunks of any size; the decoder keeps at most {@code limit} bytes of a frame.
 * Not thread-safe: one decoder per connection.
 */
final class FrameDecoder {
    /** A count of ten or more digits (a gigabyte or more) is no syslog message: the framing is broken. */
    static final int MAX_COUNT_DIGITS = 9;

    private enum State {
        START,
        COUNT,
        COUNTED,
        LINE,
        SKIP_COUNTED,
        SKIP_LINE
    }

    private final int limit;
    private byte[] pending = new byte[256];
    private int size;
    private State state = State.START;
    private long declared;
    private int digits;
    private long remaining;
    private long toSkip;
    private String lineProblem = "";

    FrameDecoder(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the message size limit must be positive, not " + limit);
        }
        this.limit = limit;
    }

    /** Decodes {@code len} bytes of {@code bytes} from {@code off}, adding each completed frame to out. */
    void feed(byte[] bytes, int off, int len, List<Frame> out) {
        int i = off;
        int end = off + len;
        while (i < end) {
            i = switch (state) {
                case START -> start(bytes, i, end);
                case COUNT -> count(bytes, i, end);
                case COUNTED -> counted(bytes, i, end, out);
                case LINE -> line(bytes, i, end, out);
                case SKIP_COUNTED -> skipCounted(i, end);
                case SKIP_LINE -> skipLine(bytes, i, end);
            };
        }
    }

    /** Ends the stream: adds the frame in progress, if any, marking it when the framing was cut short. */
    void finish(List<Frame> out) {
        switch (state) {
            case COUNT ->
                emit(out, Frame.Fault.FRAMING, "the connection closed inside the octet count '" + pendingText() + "'");
            case COUNTED ->
                emit(
                        out,
                        Frame.Fault.FRAMING,
                        String.format(
                                Locale.ROOT,
                                "the connection closed after %d of the %d bytes of an octet-counted frame",
                                declared - remaining - Math.max(0, declared - limit),
                                declared));
            case LINE -> emit(out, lineProblem.isEmpty() ? Frame.Fault.NONE : Frame.Fault.FRAMING, lineProblem);
            case START, SKIP_COUNTED, SKIP_LINE -> {}
        }
        size = 0;
        state = State.START;
    }

    private int start(byte[] b, int from, int end) {
        int i = from;
        while (i < end && Frame.isTrailer(b[i])) {
            i++;
        }
        if (i < end) {
            boolean counted = b[i] >= '1' && b[i] <= '9';
            state = counted ? State.COUNT : State.LINE;
            declared = 0;
            digits = 0;
        }
        return i;
    }

    private int count(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            byte c = b[i];
            if (c == ' ') {
                size = 0;
                remaining = Math.min(declared, limit);
                toSkip = declared - remaining;
                state = State.COUNTED;
                return i + 1;
            }
            if (c < '0' || c > '9') {
                state = State.LINE; // digits without a space: a line that happens to start with a number
                return i;
            }
            if (digits == MAX_COUNT_DIGITS) {
                lineProblem = "broken octet count: more than " + MAX_COUNT_DIGITS
                        + " digits before the space; the frame was read up to its line end instead";
                state = State.LINE;
                return i;
            }
            declared = declared * 10 + (c - '0');
            digits++;
            append(b, i, 1);
        }
        return end;
    }

    private int counted(byte[] b, int from, int end, List<Frame> out) {
        int n = (int) Math.min(remaining, end - from);
        if (size == 0 && n == remaining && toSkip == 0) {
            addFrame(out, Arrays.copyOfRange(b, from, from + Frame.trimmedLength(b, from, from + n)));
            state = State.START;
            return from + n;
        }
        append(b, from, n);
        remaining -= n;
        if (remaining == 0) {
            if (toSkip == 0) {
                emit(out, Frame.Fault.NONE, "");
            } else {
                emit(out, Frame.Fault.OVERSIZE, oversize("an octet-counted frame of " + declared + " bytes"));
            }
            state = toSkip == 0 ? State.START : State.SKIP_COUNTED;
        }
        return from + n;
    }

    private int line(byte[] b, int from, int end, List<Frame> out) {
        int j = from;
        while (j < end && b[j] != '\n' && b[j] != 0) {
            j++;
        }
        int n = j - from;
        int kept = j < end && n > 0 && b[j - 1] == '\r' ? n - 1 : n;
        if (size + kept > limit) {
            append(b, from, limit - size);
            emit(out, Frame.Fault.OVERSIZE, oversize("a line"));
            state = j < end ? State.START : State.SKIP_LINE;
            return j < end ? j + 1 : end;
        }
        if (j == end) {
            append(b, from, n);
            return end;
        }
        if (size == 0 && lineProblem.isEmpty()) {
            addFrame(out, Arrays.copyOfRange(b, from, from + Frame.trimmedLength(b, from, j)));
        } else {
            append(b, from, n);
            emit(out, lineProblem.isEmpty() ? Frame.Fault.NONE : Frame.Fault.FRAMING, lineProblem);
        }
        state = State.START;
        return j + 1;
    }

    private int skipCounted(int from, int end) {
        int n = (int) Math.min(toSkip, end - from);
        toSkip -= n;
        if (toSkip == 0) {
            state = State.START;
        }
        return from + n;
    }

    private int skipLine(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == '\n' || b[i] == 0) {
                state = State.START;
                return i + 1;
            }
        }
        return end;
    }

    private String oversize(String what) {
        return what + " is longer than the limit of " + limit + " bytes: the first " + limit
                + " bytes are kept and the rest is dropped";
    }

    private void append(byte[] b, int from, int n) {
        if (size + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(size + n, Math.min(limit + 2, pending.length * 2)));
        }
        System.arraycopy(b, from, pending, size, n);
        size += n;
    }

    private void emit(List<Frame> out, Frame.Fault fault, String problem) {
        byte[] payload = Arrays.copyOf(pending, Frame.trimmedLength(pending, 0, size));
        size = 0;
        lineProblem = "";
        if (fault == Frame.Fault.NONE) {
            addFrame(out, payload);
        } else {
            out.add(new Frame(payload, fault, problem));
        }
        if (pending.length > 4096) {
            pending = new byte[256]; // a connection that once sent a large frame does not keep its buffer
        }
    }

    private static void addFrame(List<Frame> out, byte[] payload) {
        if (payload.length > 0) {
            out.add(Frame.of(payload));
        }
    }

    private String pendingText() {
        return new String(pending, 0, size, StandardCharsets.US_ASCII);
    }
}
