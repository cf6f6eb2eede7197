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
    /**
     * Holds the payloads as ranges of one array: the body itself for NDJSON (no line copied), the compact
     * elements one after the other for a JSON array or object.
     *
     * @param body the bytes the payloads lie in
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
            return joined(elements(body));
        }
        if (body[first] == '{') {
            JsonNode one = json.treeOrNull(body, 0, body.length);
            if (one != null && one.isObject()) {
                return joined(List.of(json.compact(one)));
            }
        }
        return new Split(body, NdjsonLines.bounds(body));
    }

    private static Split joined(List<byte[]> payloads) {
        int size = 0;
        for (byte[] payload : payloads) {
            size += payload.length;
        }
        byte[] body = new byte[size];
        int[] bounds = new int[payloads.size() * 2];
        int at = 0;
        for (int i = 0; i < payloads.size(); i++) {
            byte[] payload = payloads.get(i);
            System.arraycopy(payload, 0, body, at, payload.length);
            bounds[2 * i] = at;
            at += payload.length;
            bounds[2 * i + 1] = at;
        }
        return new Split(body, bounds);
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
