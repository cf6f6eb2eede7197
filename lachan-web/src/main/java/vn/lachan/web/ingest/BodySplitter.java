package vn.lachan.web.ingest;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.NdjsonLines;

/**
 * Splits an ingest body into the payloads of its records, each exactly as the body spells it: the lines of
 * NDJSON (a line that is not JSON is kept as it is), the elements of a JSON array, or one JSON object. No
 * record is re-serialized: what is stored as the original is what the sender sent.
 */
final class BodySplitter {
    /**
     * Holds the payloads as ranges of the body.
     *
     * @param body the bytes the payloads lie in: the request body itself
     * @param bounds the start and the end (exclusive) of each payload, two ints per payload
     */
    record Split(byte[] body, int[] bounds) {}

    private final JsonCodec json;

    BodySplitter(JsonCodec json) {
        this.json = json;
    }

    /** Returns the payloads; throws a 400 problem only for a body that cannot be split (a broken array). */
    Split split(byte[] body, @Nullable String contentType) {
        int first = firstNonBlank(body);
        if (first < 0) {
            throw ApiProblem.of(
                    400, "empty-body", "Empty request body", "the body holds no record; send NDJSON or a JSON array");
        }
        if (isNdjson(contentType)) {
            return new Split(body, NdjsonLines.bounds(body));
        }
        if (body[first] == '[') {
            return new Split(body, json.elementSpans(body, "the JSON array body"));
        }
        if (body[first] == '{') {
            JsonNode one = json.treeOrNull(body, 0, body.length);
            if (one != null && one.isObject()) {
                return new Split(body, new int[] {first, lastNonBlank(body) + 1});
            }
        }
        return new Split(body, NdjsonLines.bounds(body));
    }

    private static boolean isNdjson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-ndjson")
                || type.startsWith("application/ndjson")
                || type.startsWith("application/jsonl")
                || type.startsWith("application/x-jsonlines");
    }

    /** Returns the first byte that is not blank, after a UTF-8 byte order mark (Windows tools write one). */
    private static int firstNonBlank(byte[] body) {
        boolean bom =
                body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf;
        return NdjsonLines.firstNonBlank(body, bom ? 3 : 0, body.length);
    }

    private static int lastNonBlank(byte[] body) {
        int i = body.length - 1;
        while (i >= 0 && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
            i--;
        }
        return i;
    }
}
