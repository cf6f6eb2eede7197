package vn.lachan.sigma.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads composed YAML nodes, reporting shape errors (wrong type, duplicate key) as issues. */
final class Nodes {
    private Nodes() {}

    /** One key of a mapping, with the nodes of its key and value. */
    record Entry(String key, Node keyNode, Node value) {}

    /** Returns the mapping's entries by key in order, or null (reported) when the node is not a mapping. */
    static @Nullable Map<String, Entry> mapping(Node node, String what, Issues issues) {
        if (!(node instanceof MappingNode map)) {
            issues.error(node, what + " must be a map of keys to values, not " + describe(node));
            return null;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                issues.error(
                        tuple.getKeyNode(),
                        "a key in " + what + " must be plain text, not " + describe(tuple.getKeyNode()));
                continue;
            }
            Entry previous = entries.get(key.getValue());
            if (previous != null) {
                issues.error(
                        key,
                        "duplicate key '" + key.getValue() + "' in " + what + " (first at "
                                + Issues.where(previous.keyNode()) + ")");
                continue;
            }
            entries.put(key.getValue(), new Entry(key.getValue(), key, tuple.getValueNode()));
        }
        return entries;
    }

    /** Returns whether the node is the YAML null (or an empty value). */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** Returns the text of a scalar, or null (reported) when the node is a list, a map or null. */
    static @Nullable String text(Node node, String what, Issues issues) {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return s.getValue();
        }
        issues.error(node, what + " must be a single value, not " + describe(node));
        return null;
    }

    /** Returns the texts of a scalar or of a list of scalars (reported and skipped otherwise). */
    static List<String> texts(Node node, String what, Issues issues) {
        List<String> out = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                String text = text(item, "each entry of " + what, issues);
                if (text != null) {
                    out.add(text);
                }
            }
        } else if (!isNull(node)) {
            String text = text(node, what, issues);
            if (text != null) {
                out.add(text);
            }
        }
        return out;
    }

    /** Names the node's kind for a message: "a list", "a map", "null" or "the value 'x'". */
    static String describe(Node node) {
        return switch (node) {
            case SequenceNode s -> "a list";
            case MappingNode m -> "a map";
            case ScalarNode s when s.getTag().equals(Tag.NULL) -> "null";
            case ScalarNode s -> "the value '" + abbreviate(s.getValue()) + "'";
            default -> "a " + node.getNodeId();
        };
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
