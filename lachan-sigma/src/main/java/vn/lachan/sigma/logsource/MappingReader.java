package vn.lachan.sigma.logsource;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.rule.LogSource;

/** Reads a log-source map from YAML nodes, so that every problem carries its line. */
final class MappingReader {
    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    MappingReader(String source) {
        this.source = source;
    }

    LogSourceMap read(Reader reader) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (YAMLException e) {
            problems.add(new Problem(source, "", "the log-source map is not valid YAML: " + e.getMessage()));
            return new LogSourceMap(source, List.of(), List.of(), List.of(), problems);
        }
        List<Layout> layouts = new ArrayList<>();
        List<LogSourceEntry> entries = new ArrayList<>();
        List<TimestampField> timestamps = new ArrayList<>();
        if (!(root instanceof MappingNode top)) {
            problem(root, "the log-source map must be a mapping with layouts, logsources and timestamps");
            return new LogSourceMap(source, layouts, entries, timestamps, problems);
        }
        for (NodeTuple tuple : top.getValue()) {
            String key = scalar(tuple.getKeyNode());
            List<Node> items = sequence(tuple.getValueNode(), key);
            switch (key == null ? "" : key) {
                case "layouts" -> items.forEach(n -> addIfPresent(layouts, layout(n)));
                case "logsources" -> items.forEach(n -> addIfPresent(entries, entry(n)));
                case "timestamps" -> items.forEach(n -> addIfPresent(timestamps, timestamp(n)));
                default ->
                    problem(
                            tuple.getKeyNode(),
                            "unknown section '" + key + "'; expected layouts, logsources or timestamps");
            }
        }
        return new LogSourceMap(source, layouts, entries, timestamps, problems);
    }

    private static <T> void addIfPresent(List<T> list, @Nullable T item) {
        if (item != null) {
            list.add(item);
        }
    }

    private @Nullable Layout layout(Node node) {
        Map<String, Node> map = mapping(node, "a layout");
        String name = requiredScalar(map, "name", node);
        if (name == null) {
            return null;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        stringMap(map.get("fields")).forEach((field, path) -> fields.put(field, path(path)));
        List<List<String>> flatten = new ArrayList<>();
        for (String path : strings(map.get("flatten"))) {
            flatten.add(path(path));
        }
        Node marker = map.get("marker");
        Node spaceless = map.get("spaceless_keys");
        boolean spacelessKeys = spaceless != null && "true".equals(scalar(spaceless));
        List<String> keywordSkip = strings(map.get("keywords_skip"));
        return new Layout(name, marker == null ? null : scalar(marker), fields, flatten, spacelessKeys, keywordSkip);
    }

    private @Nullable LogSourceEntry entry(Node node) {
        Map<String, Node> map = mapping(node, "a log-source entry");
        String name = requiredScalar(map, "name", node);
        Node provides = map.get("provides");
        Node when = map.get("when");
        if (name == null || provides == null || when == null) {
            if (name != null) {
                problem(node, "log-source entry '" + name + "' needs both 'provides' and 'when'");
            }
            return null;
        }
        Map<String, String> given = stringMap(provides);
        LogSource logSource = LogSource.of(given.get("category"), given.get("product"), given.get("service"));
        if (logSource.category() == null && logSource.product() == null && logSource.service() == null) {
            problem(provides, "log-source entry '" + name + "' provides no category, product or service");
            return null;
        }
        List<Map<String, List<String>>> alternatives = new ArrayList<>();
        List<Node> whenNodes = when instanceof SequenceNode seq ? seq.getValue() : List.of(when);
        for (Node alternative : whenNodes) {
            Map<String, List<String>> conditions = new LinkedHashMap<>();
            mapping(alternative, "a condition map").forEach((field, values) -> conditions.put(field, strings(values)));
            alternatives.add(conditions);
        }
        int line = node.getStartMark().getLine() + 1;
        return new LogSourceEntry(
                name, logSource, alternatives, stringMap(map.get("renames")), strings(map.get("keywords")), line);
    }

    private @Nullable TimestampField timestamp(Node node) {
        Map<String, Node> map = mapping(node, "a timestamp field");
        String field = requiredScalar(map, "field", node);
        List<TimestampField.Format> formats = new ArrayList<>();
        for (String format : strings(map.get("formats"))) {
            try {
                formats.add(TimestampField.Format.valueOf(format.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problem(
                        node,
                        "unknown timestamp format '" + format
                                + "'; expected iso, sql_utc, epoch_millis or epoch_seconds");
            }
        }
        if (field == null || formats.isEmpty()) {
            return null;
        }
        return new TimestampField(field, formats);
    }

    private static List<String> path(String dotted) {
        return List.of(dotted.split("\\.", -1));
    }

    private Map<String, Node> mapping(Node node, String what) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode map)) {
            problem(node, "expected " + what + " (a mapping)");
            return out;
        }
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (key != null) {
                out.put(key, tuple.getValueNode());
            }
        }
        return out;
    }

    private Map<String, String> stringMap(@Nullable Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        mapping(node, "a mapping of names").forEach((key, value) -> {
            String text = scalar(value);
            if (text != null) {
                out.put(key, text);
            }
        });
        return out;
    }

    private List<String> strings(@Nullable Node node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        for (Node item : items) {
            String text = scalar(item);
            if (text != null) {
                out.add(text);
            }
        }
        return out;
    }

    private List<Node> sequence(Node node, @Nullable String what) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problem(node, "section '" + what + "' must be a list");
        return List.of();
    }

    private @Nullable String requiredScalar(Map<String, Node> map, String key, Node owner) {
        Node node = map.get(key);
        if (node == null) {
            problem(owner, "missing '" + key + "'");
            return null;
        }
        return scalar(node);
    }

    private @Nullable String scalar(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(node, "expected a single value, found a " + (node instanceof MappingNode ? "mapping" : "list"));
        return null;
    }

    private void problem(Node node, String message) {
        problems.add(new Problem(source, "line " + (node.getStartMark().getLine() + 1), message));
    }
}
