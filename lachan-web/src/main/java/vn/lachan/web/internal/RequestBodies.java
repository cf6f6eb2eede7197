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
        byte[] buffer = new byte[(int) Math.min(declared > 0 ? declared : 8192, maxBytes + 1)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length > maxBytes) {
                    throw tooLarge(length);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxBytes + 1));
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        if (length > maxBytes) {
            throw tooLarge(length);
        }
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
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
