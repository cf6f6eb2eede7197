package vn.lachan.ingest.file;

import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a stream of JSON documents: objects (each one event) and arrays of objects, one after the
 * other, pretty-printed or not, as {@code evtx_dump} writes them. A syntax error ends the file,
 * since nothing after it can be trusted to start a document; a non-object costs only itself.
 */
final class DocumentEvents {
    private final EventOutput out;
    private final String source;
    private long index;

    private DocumentEvents(EventOutput out, String source) {
        this.out = out;
        this.source = source;
    }

    /** Reads every document of {@code in} (left open) as events of {@code source}. */
    static void read(InputStream in, String source, JsonFactory factory, EventOutput out) {
        new DocumentEvents(out, source).readAll(in, factory);
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
            out.event(source, index++, JsonTree.readObject(parser));
            return;
        }
        String location = where(parser.currentTokenLocation());
        parser.skipChildren();
        out.parseError(
                source,
                location,
                what + " is " + JsonTree.describe(token) + ", not a JSON object: each event must be an object");
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
