package vn.lachan.web.event;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Passes an export to the response, holding back only its first {@value #HOLD} bytes: the response starts
 * (status 200, content type) once more arrives or at {@link #finish()}, so an export the store refuses early
 * (after a CSV header, say) can still be answered with a problem. Beyond that, bytes go straight through;
 * the result is never held. Closing it closes nothing (the server completes the response).
 */
final class ExportBody extends OutputStream {
    static final int HOLD = 64 * 1024;

    private final Context ctx;
    private final String contentType;
    private final String filename;
    private final Map<String, String> headers;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private @Nullable OutputStream out;

    /** Creates the body of a response with {@code headers} besides the content type and file name. */
    ExportBody(Context ctx, String contentType, String filename, Map<String, String> headers) {
        this.ctx = ctx;
        this.contentType = contentType;
        this.filename = filename;
        this.headers = Map.copyOf(headers);
    }

    /** Returns whether the response has started, after which no problem can replace it. */
    boolean started() {
        return out != null;
    }

    /** Starts the response if not yet started and sends what is held back. */
    void finish() throws IOException {
        start().flush();
    }

    private OutputStream start() throws IOException {
        OutputStream current = out;
        if (current == null) {
            ctx.res().setStatus(200);
            ctx.res().setContentType(contentType);
            ctx.res().setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
            headers.forEach(ctx.res()::setHeader);
            current = ctx.res().getOutputStream();
            held.writeTo(current);
            held.reset();
            out = current;
        }
        return current;
    }

    private OutputStream target(int more) throws IOException {
        return out == null && held.size() + more <= HOLD ? held : start();
    }

    @Override
    public void write(int b) throws IOException {
        target(1).write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target(len).write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
