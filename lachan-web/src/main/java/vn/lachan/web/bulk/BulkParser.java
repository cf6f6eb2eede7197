package vn.lachan.web.bulk;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.NdjsonLines;

/**
 * Reads the NDJSON of a bulk request: an action line, then (except for {@code delete}) a source line. A bad
 * line becomes a refused item and the rest is still read: after a malformed action line, the next line is
 * read as an action when it is one, else skipped as that action's source.
 */
final class BulkParser {
    private static final Set<String> ACTIONS = Set.of("index", "create", "update", "delete");

    private final JsonCodec json;

    BulkParser(JsonCodec json) {
        this.json = json;
    }

    List<BulkItem> parse(byte[] body, String defaultIndex) {
        List<byte[]> lines = NdjsonLines.split(body);
        List<BulkItem> items = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int lineNumber = i + 1;
            Map.@Nullable Entry<String, JsonNode> action = action(lines.get(i));
            if (action == null) {
                items.add(BulkItem.refused(
                        "index",
                        defaultIndex,
                        "",
                        "parse_exception",
                        "line " + lineNumber + ": not a bulk action; expected {\"index\"|\"create\"|\"update\"|"
                                + "\"delete\": {…}}"));
                i += i + 1 < lines.size() && action(lines.get(i + 1)) == null ? 2 : 1;
                continue;
            }
            i += 1;
            byte @Nullable [] source = null;
            if (!action.getKey().equals("delete") && i < lines.size()) {
                source = lines.get(i++);
            }
            items.add(item(action.getKey(), action.getValue(), source, defaultIndex, lineNumber));
        }
        return items;
    }

    private Map.@Nullable Entry<String, JsonNode> action(byte[] line) {
        JsonNode node = json.treeOrNull(line, 0, line.length);
        if (node == null || !node.isObject() || node.size() != 1) {
            return null;
        }
        var entry = node.properties().iterator().next();
        return ACTIONS.contains(entry.getKey()) && entry.getValue().isObject() ? entry : null;
    }

    private BulkItem item(String action, JsonNode meta, byte @Nullable [] source, String defaultIndex, int line) {
        String index = text(meta, "_index", defaultIndex);
        String id = text(meta, "_id", "");
        if (action.equals("update") || action.equals("delete")) {
            return BulkItem.refused(
                    action,
                    index,
                    id,
                    "illegal_argument_exception",
                    "line " + line + ": '" + action + "' is not supported: stored events are never changed");
        }
        String givenId = id.isEmpty() ? generatedId() : id;
        if (index.isEmpty()) {
            return BulkItem.refused(
                    action,
                    index,
                    givenId,
                    "action_request_validation_exception",
                    "line " + line + ": index is missing; name it in the action or post to /{index}/_bulk");
        }
        if (source == null) {
            return BulkItem.refused(
                    action,
                    index,
                    givenId,
                    "action_request_validation_exception",
                    "line " + line + ": the action has no source line after it");
        }
        JsonNode document = json.treeOrNull(source, 0, source.length);
        if (document == null || !document.isObject()) {
            return BulkItem.refused(
                    action,
                    index,
                    givenId,
                    "mapper_parsing_exception",
                    "line " + (line + 1) + ": the source is not a JSON object");
        }
        return BulkItem.taken(action, index, givenId, source);
    }

    private static String text(JsonNode meta, String name, String fallback) {
        JsonNode value = meta.get(name);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : fallback;
    }

    /** Returns a 20-character URL-safe id, the shape of an Elasticsearch auto-generated id. */
    private static String generatedId() {
        byte[] bytes = new byte[15];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
