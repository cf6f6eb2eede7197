package vn.lachan.sigma.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.lachan.sigma.rule.Glob;
import vn.lachan.sigma.rule.Search;
import vn.lachan.sigma.rule.ValueTest;

/** Reads the search identifiers of a detection (or filter) block into {@link Search} trees. */
final class SearchParser {
    private final YamlDocuments yaml;
    private final Issues issues;
    private final Placeholders placeholders;

    SearchParser(YamlDocuments yaml, Issues issues, Placeholders placeholders) {
        this.yaml = yaml;
        this.issues = issues;
        this.placeholders = placeholders;
    }

    /** Returns the searches by identifier in order; identifiers with problems are reported and left out. */
    Map<String, Search> searches(List<Nodes.Entry> identifiers) {
        Map<String, Search> searches = new LinkedHashMap<>();
        for (Nodes.Entry entry : identifiers) {
            Search search = search(entry.key(), entry.value());
            if (search != null) {
                searches.put(entry.key(), search);
            }
        }
        return searches;
    }

    private @Nullable Search search(String identifier, Node node) {
        return switch (node) {
            case MappingNode map -> map(identifier, map);
            case SequenceNode seq -> list(identifier, seq);
            case ScalarNode s when Nodes.isNull(s) -> empty(identifier, node);
            default -> values("", List.of(), List.of(node), node);
        };
    }

    private @Nullable Search empty(String identifier, Node node) {
        issues.error(
                node, "search identifier '" + identifier + "' is empty: give it a map of fields or a list of keywords");
        return null;
    }

    private @Nullable Search map(String identifier, MappingNode node) {
        Map<String, Nodes.Entry> entries = Nodes.mapping(node, "search identifier '" + identifier + "'", issues);
        if (entries == null || entries.isEmpty()) {
            return entries == null ? null : empty(identifier, node);
        }
        List<Search> parts = new ArrayList<>();
        boolean failed = false;
        for (Nodes.Entry entry : entries.values()) {
            Search part = field(entry);
            failed |= part == null;
            if (part != null) {
                parts.add(part);
            }
        }
        return failed ? null : parts.size() == 1 ? parts.getFirst() : new Search.AllOf(parts);
    }

    private @Nullable Search list(String identifier, SequenceNode node) {
        List<Node> items = node.getValue();
        if (items.isEmpty()) {
            return empty(identifier, node);
        }
        if (items.stream().allMatch(n -> n instanceof ScalarNode)) {
            return values("", List.of(), items, node);
        }
        List<Search> parts = new ArrayList<>();
        boolean failed = false;
        for (Node item : items) {
            Search part = item instanceof SequenceNode ? nested(identifier, item) : search(identifier, item);
            failed |= part == null;
            if (part != null) {
                parts.add(part);
            }
        }
        return failed ? null : parts.size() == 1 ? parts.getFirst() : new Search.AnyOf(parts);
    }

    private @Nullable Search nested(String identifier, Node item) {
        issues.error(
                item,
                "search identifier '" + identifier + "' holds a list inside a list: use a list of maps or of values");
        return null;
    }

    private @Nullable Search field(Nodes.Entry entry) {
        FieldKey key = FieldKey.parse(entry.key(), entry.keyNode(), issues);
        if (key == null) {
            return null;
        }
        Node value = entry.value();
        if (key.modifiers().contains(Modifier.EXISTS)) {
            return exists(key, value);
        }
        if (value instanceof MappingNode) {
            issues.error(value, "the value of " + key.subject() + " must be a value or a list of values, not a map");
            return null;
        }
        if (value instanceof SequenceNode seq) {
            if (seq.getValue().isEmpty()) {
                return emptyList(key, value);
            }
            return values(key.field(), key.modifiers(), seq.getValue(), value);
        }
        if (key.modifiers().contains(Modifier.ALL)) {
            issues.warn(
                    value,
                    "'all' on " + key.subject() + " has a single value, so it changes nothing "
                            + "(the specification allows it only with a list)");
        }
        return values(key.field(), key.modifiers(), List.of(value), value);
    }

    private @Nullable Search emptyList(FieldKey key, Node value) {
        if (key.field().isEmpty()) {
            issues.error(value, "the keyword list is empty");
            return null;
        }
        return new Search.Field(key.field(), new ValueTest.Null());
    }

    private @Nullable Search exists(FieldKey key, Node value) {
        if (key.modifiers().size() != 1 || key.field().isEmpty()) {
            issues.error(value, "'exists' must be the only modifier, on a field (" + key.subject() + ")");
            return null;
        }
        Object typed = value instanceof ScalarNode s ? yaml.value(s) : null;
        if (!(typed instanceof Boolean present)) {
            issues.error(value, "'exists' on " + key.subject() + " needs true or false, not " + Nodes.describe(value));
            return null;
        }
        return new Search.Field(key.field(), new ValueTest.Exists(present));
    }

    private @Nullable Search values(String field, List<Modifier> modifiers, List<Node> nodes, Node at) {
        List<Search> perValue = new ArrayList<>(nodes.size());
        boolean failed = false;
        for (Node node : nodes) {
            Search search = value(field, modifiers, node, nodes.size() > 1);
            failed |= search == null;
            if (search != null) {
                perValue.add(search);
            }
        }
        if (failed || perValue.isEmpty()) {
            return null;
        }
        Search combined = perValue.size() == 1
                ? perValue.getFirst()
                : modifiers.contains(Modifier.ALL) ? new Search.AllOf(perValue) : new Search.AnyOf(perValue);
        return modifiers.contains(Modifier.NEQ) ? new Search.Not(combined) : combined;
    }

    private @Nullable Search value(String field, List<Modifier> modifiers, Node node, boolean inList) {
        String subject = field.isEmpty() ? "a keyword" : "field '" + field + "'";
        if (!(node instanceof ScalarNode scalar)) {
            issues.error(node, "each value of " + subject + " must be a single value, not " + Nodes.describe(node));
            return null;
        }
        Item item = initial(scalar);
        if (item instanceof Item.Null && inList) {
            issues.warn(
                    node,
                    "null inside a list of values of " + subject + ": the specification wants it as its own selection");
        }
        if (item instanceof Item.Null && field.isEmpty()) {
            issues.error(node, "a keyword cannot be null");
            return null;
        }
        var context = new ModifierChain.Context(field, node, issues, placeholders);
        List<ValueTest> tests = new ModifierChain(context, modifiers).apply(item);
        if (tests == null) {
            return null;
        }
        boolean placed = modifiers.contains(Modifier.CONTAINS)
                || modifiers.contains(Modifier.STARTSWITH)
                || modifiers.contains(Modifier.ENDSWITH);
        List<Search> leaves = tests.stream()
                .map(t -> leaf(field, field.isEmpty() && !placed ? unbound(t) : t))
                .toList();
        return leaves.size() == 1 ? leaves.getFirst() : new Search.AnyOf(leaves);
    }

    /**
     * Makes a plain keyword match anywhere in a value: keywords search the log message's text, as the
     * query backends (Elasticsearch's {@code *value*}, Splunk's term search) and other evaluators read
     * them, while field values match whole.
     */
    private static ValueTest unbound(ValueTest test) {
        if (!(test instanceof ValueTest.Text text) || text.glob().parts().isEmpty()) {
            return test;
        }
        List<Glob.Part> parts = new ArrayList<>(text.glob().parts());
        if (!(parts.getFirst() instanceof Glob.AnyRun)) {
            parts.addFirst(new Glob.AnyRun());
        }
        if (!(parts.getLast() instanceof Glob.AnyRun)) {
            parts.addLast(new Glob.AnyRun());
        }
        return new ValueTest.Text(new Glob(parts), text.cased());
    }

    private static Search leaf(String field, ValueTest test) {
        return field.isEmpty() ? new Search.Keyword(test) : new Search.Field(field, test);
    }

    private Item initial(ScalarNode node) {
        Object typed = yaml.value(node);
        return switch (typed) {
            case null -> new Item.Null();
            case Boolean b -> new Item.Bool(b);
            case BigInteger i -> new Item.Num(new BigDecimal(i), i.toString());
            case BigDecimal d -> new Item.Num(d, d.toString());
            default -> new Item.Raw(node.getValue());
        };
    }
}
