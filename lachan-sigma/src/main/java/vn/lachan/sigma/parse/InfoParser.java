package vn.lachan.sigma.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import vn.lachan.core.problem.Suggestions;
import vn.lachan.sigma.rule.Level;
import vn.lachan.sigma.rule.LogSource;
import vn.lachan.sigma.rule.Origin;
import vn.lachan.sigma.rule.RuleInfo;

/** Reads the descriptive fields every document shares (title, id, status, level, tags …) and the log source. */
final class InfoParser {
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 65_535;
    static final List<String> STATUSES = List.of("stable", "test", "experimental", "deprecated", "unsupported");
    static final List<String> LEVELS = List.of("informational", "low", "medium", "high", "critical");
    static final List<String> RELATED = List.of("derived", "obsolete", "merged", "renamed", "similar");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]+\\.[a-z0-9._-]+");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Issues issues;

    InfoParser(Issues issues) {
        this.issues = issues;
    }

    /** Returns the document's descriptive fields, or null when the title is missing or unusable. */
    @Nullable
    RuleInfo info(Map<String, Nodes.Entry> doc, Node root, Origin origin) {
        String title = title(doc, root);
        String id = optional(doc, "id");
        if (id != null && !UUID.matcher(id).matches()) {
            issues.error(at(doc, "id"), "id '" + id + "' is not a UUID such as 929a690e-bef0-4204-a928-ef5e620d6fcc");
        }
        String status = word(doc, "status", STATUSES);
        String level = word(doc, "level", LEVELS);
        List<String> tags = list(doc, "tags");
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                issues.warn(
                        at(doc, "tags"),
                        "tag '" + tag + "' should be lowercase and dot-namespaced, such as attack.t1059.001");
            }
        }
        String description = Optional.ofNullable(optional(doc, "description")).orElse("");
        if (description.length() > MAX_DESCRIPTION) {
            issues.error(at(doc, "description"), "the description is longer than " + MAX_DESCRIPTION + " characters");
        }
        dates(doc);
        related(doc);
        if (title == null) {
            return null;
        }
        String author = Optional.ofNullable(optional(doc, "author")).orElse("");
        Level parsedLevel = level == null ? null : Level.parse(level).orElse(null);
        return new RuleInfo(
                title,
                id,
                optional(doc, "name"),
                status,
                parsedLevel,
                tags,
                description,
                author,
                list(doc, "references"),
                list(doc, "falsepositives"),
                origin);
    }

    private @Nullable String title(Map<String, Nodes.Entry> doc, Node root) {
        Nodes.Entry entry = doc.get("title");
        if (entry == null) {
            issues.error(root, "the document has no 'title' (required)");
            return null;
        }
        String title = Nodes.text(entry.value(), "title", issues);
        if (title != null && title.isBlank()) {
            issues.error(entry.value(), "the title is empty");
        } else if (title != null && title.length() > MAX_TITLE) {
            issues.error(entry.value(), "the title is " + title.length() + " characters long, more than " + MAX_TITLE);
        }
        return title;
    }

    private @Nullable String optional(Map<String, Nodes.Entry> doc, String key) {
        Nodes.Entry entry = doc.get(key);
        return entry == null || Nodes.isNull(entry.value()) ? null : Nodes.text(entry.value(), "'" + key + "'", issues);
    }

    private List<String> list(Map<String, Nodes.Entry> doc, String key) {
        Nodes.Entry entry = doc.get(key);
        return entry == null ? List.of() : Nodes.texts(entry.value(), "'" + key + "'", issues);
    }

    private @Nullable String word(Map<String, Nodes.Entry> doc, String key, List<String> allowed) {
        String word = optional(doc, key);
        if (word != null && !allowed.contains(word)) {
            issues.error(
                    at(doc, key),
                    "unknown " + key + " '" + word + "' (expected one of " + String.join(", ", allowed) + ")"
                            + Suggestions.hint(word, allowed));
            return null;
        }
        return word;
    }

    private void dates(Map<String, Nodes.Entry> doc) {
        for (String key : List.of("date", "modified")) {
            String date = optional(doc, key);
            if (date != null && !DATE.matcher(date).matches()) {
                issues.warn(at(doc, key), key + " '" + date + "' should be written YYYY-MM-DD");
            }
        }
    }

    private void related(Map<String, Nodes.Entry> doc) {
        Nodes.Entry entry = doc.get("related");
        if (entry == null || !(entry.value() instanceof org.yaml.snakeyaml.nodes.SequenceNode seq)) {
            if (entry != null && !Nodes.isNull(entry.value())) {
                issues.error(entry.value(), "'related' must be a list of {id, type} maps");
            }
            return;
        }
        for (Node item : seq.getValue()) {
            Map<String, Nodes.Entry> map = Nodes.mapping(item, "each entry of 'related'", issues);
            String type = map == null ? null : word(map, "type", RELATED);
            if (map != null && (type == null || optional(map, "id") == null)) {
                issues.warn(item, "each entry of 'related' needs an 'id' and a 'type'");
            }
        }
    }

    private static @Nullable Node at(Map<String, Nodes.Entry> doc, String key) {
        Nodes.Entry entry = doc.get(key);
        return entry == null ? null : entry.value();
    }

    /** Returns the log source, or null (reported) when the block is missing or malformed. */
    @Nullable
    LogSource logsource(Map<String, Nodes.Entry> doc, Node root) {
        Nodes.Entry entry = doc.get("logsource");
        if (entry == null) {
            issues.error(root, "the document has no 'logsource' (required)");
            return null;
        }
        Map<String, Nodes.Entry> map = Nodes.mapping(entry.value(), "logsource", issues);
        if (map == null) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (Nodes.Entry item : map.values()) {
            String text = Nodes.isNull(item.value())
                    ? null
                    : Nodes.text(item.value(), "logsource '" + item.key() + "'", issues);
            if (text != null && !item.key().equals("definition")) {
                values.put(item.key(), text);
            }
        }
        String category = values.remove("category");
        String product = values.remove("product");
        String service = values.remove("service");
        return new LogSource(category, product, service, values);
    }
}
