package vn.lachan.ingest.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads JSON lines: one object per line, each parsed from the shared byte buffer in place, so that a
 * bad line costs only itself. Blank lines are passed over; CRLF and a leading BOM are accepted. When
 * the output keeps text, each event's raw is its line as read, without the line break and the BOM.
 */
final class LineEvents {
    private static final int INITIAL_BUFFER = 1 << 16;

    private final JsonFactory factory;
    private final EventOutput out;
    private final String source;
    private long index;
    private long lineNumber;

    private LineEvents(JsonFactory factory, EventOutput out, String source) {
        this.factory = factory;
        this.out = out;
        this.source = source;
    }

    /** Reads every line of {@code in} (left open) as one event of {@code source}. */
    static void read(InputStream in, String source, JsonFactory factory, EventOutput out) throws IOException {
        new LineEvents(factory, out, source).readAll(in);
    }

    private void readAll(InputStream in) throws IOException {
        byte[] buf = new byte[INITIAL_BUFFER];
        int start = 0;
        int end = 0;
        int scanned = 0;
        while (true) {
            int newline = indexOf(buf, scanned, end);
            if (newline >= 0) {
                line(buf, start, newline);
                start = newline + 1;
                scanned = start;
                continue;
            }
            if (start > 0) { // keep the partial line at the front of the buffer
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            scanned = end;
            int read = in.read(buf, end, buf.length - end);
            if (read < 0) {
                break;
            }
            end += read;
        }
        if (end > start) {
            line(buf, start, end);
        }
    }

    private static int indexOf(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void line(byte[] buf, int from, int to) {
        lineNumber++;
        int start = from;
        if (lineNumber == 1
                && to - from >= 3
                && buf[from] == (byte) 0xEF
                && buf[from + 1] == (byte) 0xBB
                && buf[from + 2] == (byte) 0xBF) {
            start += 3;
        }
        int first = start;
        while (first < to && isBlank(buf[first])) {
            first++;
        }
        if (first < to) {
            parse(buf, first, to - first, start, to);
        }
    }

    /** Returns the line {@code [from, to)} as text, without the CR of a CRLF line break. */
    private @Nullable String text(byte[] buf, int from, int to) {
        if (!out.keepsText()) {
            return null;
        }
        int end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        return new String(buf, from, end - from, StandardCharsets.UTF_8);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private void parse(byte[] buf, int offset, int length, int lineStart, int lineEnd) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), buf, offset, length)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                out.parseError(
                        source,
                        "line " + lineNumber,
                        "the line holds " + JsonTree.describe(first)
                                + ", not a JSON object: each line must be one event object");
                return;
            }
            var fields = JsonTree.readObject(parser);
            if (parser.nextToken() != null) {
                out.parseError(
                        source,
                        "line " + lineNumber,
                        "the line goes on after the event object closes: put one object per line");
                return;
            }
            out.event(source, index++, fields, text(buf, lineStart, lineEnd));
        } catch (JacksonException e) {
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            String where = column > 0 ? "line " + lineNumber + ", column " + column : "line " + lineNumber;
            out.parseError(source, where, "malformed JSON: " + e.getOriginalMessage());
        }
    }
}
