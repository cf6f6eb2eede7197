package vn.lachan.web.internal;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/** Reads request bodies up to the configured maximum, answering 413 beyond it. Thread-safe. */
public final class RequestBodies {
    private final long maxBytes;

    /** Creates a reader that refuses bodies over {@code maxBytes} bytes. */
    public RequestBodies(long maxBytes) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a maximum body size is 1 byte to 2 GiB, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Returns the whole body, or throws a 413 problem when it is larger than the maximum. */
    public byte[] read(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            return read(in, ctx.req().getContentLengthLong());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    /**
     * Returns the whole of {@code in}, whose length the sender declared as {@code declared} bytes (-1: not
     * declared), or throws a 413 problem when it is larger than the maximum. Leaves {@code in} open.
     *
     * @throws IOException when {@code in} fails
     */
    public byte[] read(InputStream in, long declared) throws IOException {
        if (declared > maxBytes) {
            throw tooLarge(declared);
        }
        if (declared < 0) {
            return rest(in, new byte[0], -1);
        }
        // the declared length is read into an array of that size, the one copy of the body: growing a
        // buffer to find the end took four times the body (exact buffer, doubled, cut back)
        byte[] body = new byte[(int) declared];
        int length = in.readNBytes(body, 0, body.length);
        if (length < body.length) {
            return Arrays.copyOf(body, length);
        }
        int next = in.read();
        return next < 0 ? body : rest(in, body, next);
    }

    /**
     * Returns {@code head} followed by {@code next} (a byte already read, or nothing when negative) and the
     * rest of {@code in}, when the sender declared no length or sent more than it declared.
     */
    private byte[] rest(InputStream in, byte[] head, int next) throws IOException {
        int extra = next < 0 ? 0 : 1;
        long room = maxBytes + 1 - head.length - extra;
        byte[] tail = room > 0 ? in.readNBytes((int) room) : new byte[0];
        long length = (long) head.length + extra + tail.length;
        if (length > maxBytes) {
            throw tooLarge(length);
        }
        if (length == tail.length) {
            return tail;
        }
        byte[] body = Arrays.copyOf(head, (int) length);
        if (extra == 1) {
            body[head.length] = (byte) next;
        }
        System.arraycopy(tail, 0, body, head.length + extra, tail.length);
        return body;
    }

    private ApiProblem tooLarge(long size) {
        return ApiProblem.of(
                        413,
                        "body-too-large",
                        "Request body too large",
                        String.format(
                                Locale.ROOT,
                                "the body has %s bytes, more than the limit of %d bytes; send smaller batches",
                                size > maxBytes + 1 ? Long.toString(size) : "more than " + maxBytes,
                                maxBytes))
                .with("max_bytes", maxBytes);
    }
}
