package vn.lachan.web.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.NdjsonLines;

/**
 * Splits an ingest body into the payloads of its records: the lines of NDJSON (a line that is not JSON is
 * kept as it is), the elements of a JSON array (each re-serialized compactly), or one JSON object.
 */
final class BodySplitter {
    private final JsonCodec json;

    BodySplitter(JsonCodec json) {
        this.json = json;
    }

    /** Returns the payloads; throws a 400 problem only for a body that cannot be split (a broken array). */
    List<byte[]> split(byte[] body, @Nullable String contentType) {
        int first = firstNonBlank(body);
        if (first < 0) {
            throw ApiProblem.of(
                    400, "empty-body", "Empty request body", "the body holds no record; send NDJSON or a JSON array");
        }
        if (isNdjson(contentType)) {
            return NdjsonLines.split(body);
        }
        if (body[first] == '[') {
            return elements(body);
        }
        if (body[first] == '{') {
            JsonNode one = json.treeOrNull(body, 0, body.length);
            if (one != null && one.isObject()) {
                return List.of(json.compact(one));
            }
        }
        return NdjsonLines.split(body);
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

    private List<byte[]> elements(byte[] body) {
        JsonNode array = json.tree(body, "the JSON array body");
        if (!array.isArray()) {
            throw ApiProblem.of(
                    400, "malformed-json", "Malformed JSON", "the body starts with '[' but is not an array");
        }
        List<byte[]> out = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            out.add(json.compact(element));
        }
        return out;
    }

    private static int firstNonBlank(byte[] body) {
        return NdjsonLines.firstNonBlank(body, 0, body.length);
    }
}
