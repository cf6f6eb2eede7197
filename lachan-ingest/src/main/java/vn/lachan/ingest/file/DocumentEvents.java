package vn.lachan.ingest.file;

import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a stream of JSON documents: objects (each one event) and arrays of objects, one after the
 * other, pretty-printed or not, as {@code evtx_dump} writes them. A syntax error ends the file,
 * since nothing after it can be trusted to start a document; a non-object costs only itself. When the
 * output keeps text, each event's raw is the exact span of its object in the content, '{' to '}'.
 */
final class DocumentEvents {
    private final EventOutput out;
    private final String source;
    private final @Nullable TextTape tape;
    private long index;

    private DocumentEvents(EventOutput out, String source, @Nullable TextTape tape) {
        this.out = out;
        this.source = source;
        this.tape = tape;
    }

    /** Reads every document of {@code in} (left open) as events of {@code source}. */
    static void read(InputStream in, String source, JsonFactory factory, EventOutput out) {
        TextTape tape = out.keepsText() ? new TextTape(in) : null;
        new DocumentEvents(out, source, tape).readAll(tape == null ? in : tape, factory);
    }

    private void readAll(InputStream in, JsonFactory factory) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), in)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    readArray(parser);
                } else {
                    readElement(parser, token, "the document");
                }
            }
        } catch (JacksonException e) {
            out.parseError(
                    source,
                    where(e.getLocation()),
                    "malformed JSON, the rest of this file is not read: " + e.getOriginalMessage());
        }
    }

    private void readArray(JsonParser parser) {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new IllegalStateException("the JSON input ended inside an array");
            }
            readElement(parser, token, "the array element");
        }
    }

    private void readElement(JsonParser parser, JsonToken token, String what) {
        if (token == JsonToken.START_OBJECT) {
            long start = parser.currentTokenLocation().getByteOffset();
            var fields = JsonTree.readObject(parser);
            out.event(
                    source,
                    index++,
                    fields,
                    text(start, parser.currentTokenLocation().getByteOffset() + 1));
            return;
        }
        String location = where(parser.currentTokenLocation());
        parser.skipChildren();
        if (tape != null) {
            tape.release(parser.currentTokenLocation().getByteOffset());
        }
        out.parseError(
                source,
                location,
                what + " is " + JsonTree.describe(token) + ", not a JSON object: each event must be an object");
    }

    /**
     * Returns the text between the stream offsets, or null when no text is kept; the tape may drop what lies
     * before.
     */
    private @Nullable String text(long start, long end) {
        if (tape == null) {
            return null;
        }
        String text = tape.text(start, end);
        tape.release(end);
        return text;
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
