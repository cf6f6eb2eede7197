package vn.lachan.sigma.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.lachan.sigma.rule.Condition;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.FilterRule;
import vn.lachan.sigma.rule.LogSource;
import vn.lachan.sigma.rule.Origin;
import vn.lachan.sigma.rule.RuleDocument;
import vn.lachan.sigma.rule.RuleInfo;
import vn.lachan.sigma.rule.Search;

/** Reads one YAML document as a detection rule, a correlation rule or a filter, reporting every problem. */
final class DocumentParser {
    private static final List<String> KINDS = List.of("detection", "correlation", "filter");

    private final YamlDocuments yaml;
    private final Placeholders placeholders;

    DocumentParser(YamlDocuments yaml, Placeholders placeholders) {
        this.yaml = yaml;
        this.placeholders = placeholders;
    }

    /** Returns the document, or null when it has problems (all reported in {@code issues}). */
    @Nullable
    RuleDocument parse(Node root, Issues issues) {
        Map<String, Nodes.Entry> doc = Nodes.mapping(root, "a rule document", issues);
        if (doc == null) {
            return null;
        }
        Nodes.Entry action = doc.get("action");
        if (action != null) {
            issues.error(
                    action.value(),
                    "'action: " + Nodes.describe(action.value()).replace("the value ", "")
                            + "' is a Sigma 1.x rule collection, which Sigma 2 removed: write each rule as a complete document");
            return null;
        }
        List<String> kinds = KINDS.stream().filter(doc::containsKey).toList();
        if (kinds.size() != 1) {
            issues.error(
                    root,
                    kinds.isEmpty()
                            ? "the document has none of 'detection', 'correlation' or 'filter'"
                            : "the document mixes " + String.join(" and ", kinds)
                                    + ": put each in its own YAML document");
            return null;
        }
        Origin origin = new Origin(issues.source(), root.getStartMark().getLine() + 1);
        InfoParser infos = new InfoParser(issues);
        RuleInfo info = infos.info(doc, root, origin);
        Node block = java.util.Objects.requireNonNull(doc.get(kinds.getFirst())).value();
        return switch (kinds.getFirst()) {
            case "correlation" -> new CorrelationParser(yaml, issues).parse(doc, block, info);
            case "filter" -> filter(info, infos.logsource(doc, root), block, doc, issues);
            default -> detection(info, infos.logsource(doc, root), block, issues);
        };
    }

    private @Nullable DetectionRule detection(
            @Nullable RuleInfo info, @Nullable LogSource logsource, Node block, Issues issues) {
        Map<String, Nodes.Entry> detection = Nodes.mapping(block, "detection", issues);
        if (detection == null) {
            return null;
        }
        Nodes.Entry timeframe = detection.get("timeframe");
        if (timeframe != null) {
            issues.error(
                    timeframe.keyNode(),
                    "'timeframe' is a Sigma 1.x aggregation, which Sigma 2 removed: write a correlation rule");
        }
        Body body = body(detection, block, issues, "detection");
        if (info == null || logsource == null || body == null || issues.hasErrors()) {
            return null;
        }
        return new DetectionRule(info, logsource, body.searches(), body.condition());
    }

    private @Nullable FilterRule filter(
            @Nullable RuleInfo info,
            @Nullable LogSource logsource,
            Node block,
            Map<String, Nodes.Entry> doc,
            Issues issues) {
        for (String key : List.of("level", "status")) {
            Nodes.Entry entry = doc.get(key);
            if (entry != null) {
                issues.warn(entry.keyNode(), "a filter has no '" + key + "': it is ignored");
            }
        }
        Map<String, Nodes.Entry> filter = Nodes.mapping(block, "filter", issues);
        if (filter == null) {
            return null;
        }
        List<String> rules = filterRules(filter.get("rules"), issues);
        Body body = body(filter, block, issues, "filter");
        if (body != null && !hasNot(body.condition())) {
            issues.warn(
                    java.util.Objects.requireNonNull(filter.get("condition")).value(),
                    "the filter's condition has no 'not': it restricts the rules to "
                            + "what it selects instead of excluding it (write 'not selection' to exclude)");
        }
        if (info == null || logsource == null || body == null || issues.hasErrors()) {
            return null;
        }
        return new FilterRule(info, logsource, rules, body.searches(), body.condition());
    }

    private static List<String> filterRules(Nodes.@Nullable Entry entry, Issues issues) {
        if (entry == null || Nodes.isNull(entry.value())) {
            return List.of();
        }
        if (entry.value() instanceof ScalarNode s && s.getValue().equals("any")) {
            return List.of();
        }
        return Nodes.texts(entry.value(), "the filter's 'rules'", issues);
    }

    private record Body(Map<String, Search> searches, Condition condition) {}

    private @Nullable Body body(Map<String, Nodes.Entry> block, Node at, Issues issues, String what) {
        Nodes.Entry condition = block.get("condition");
        if (condition == null) {
            issues.error(at, "the " + what + " has no 'condition' (required)");
        }
        List<Nodes.Entry> identifiers = block.values().stream()
                .filter(e -> !List.of("condition", "timeframe", "rules").contains(e.key())
                        || (e.key().equals("rules") && what.equals("detection")))
                .toList();
        if (identifiers.isEmpty()) {
            issues.error(at, "the " + what + " defines no search identifier");
            return null;
        }
        Map<String, Search> searches = new SearchParser(yaml, issues, placeholders).searches(identifiers);
        List<String> names = identifiers.stream().map(Nodes.Entry::key).toList();
        Condition parsed = condition == null ? null : condition(condition.value(), names, issues);
        return parsed == null || searches.size() != identifiers.size() ? null : new Body(searches, parsed);
    }

    private static @Nullable Condition condition(Node node, List<String> identifiers, Issues issues) {
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        List<Condition> alternatives = new ArrayList<>();
        boolean failed = items.isEmpty();
        if (items.isEmpty()) {
            issues.error(node, "the condition list is empty");
        }
        for (Node item : items) {
            Condition parsed = item instanceof ScalarNode s && !Nodes.isNull(s)
                    ? one(s, identifiers, issues)
                    : notText(item, issues);
            failed |= parsed == null;
            if (parsed != null) {
                alternatives.add(parsed);
            }
        }
        return failed ? null : alternatives.size() == 1 ? alternatives.getFirst() : new Condition.Or(alternatives);
    }

    private static @Nullable Condition notText(Node item, Issues issues) {
        issues.error(item, "a condition must be text (or a list of texts), not " + Nodes.describe(item));
        return null;
    }

    private static @Nullable Condition one(ScalarNode node, List<String> identifiers, Issues issues) {
        ConditionText text = ConditionText.of(node);
        int pipe = text.value().indexOf('|');
        if (pipe >= 0) {
            issues.error(
                    text.location(pipe),
                    "the condition uses a Sigma 1.x aggregation ('| count() ...'), which Sigma 2 "
                            + "removed: write a correlation rule");
            return null;
        }
        if (ConditionParser.tokenize(text.value()).stream()
                .anyMatch(t -> t.text().equals("near"))) {
            issues.error(
                    text.location(0),
                    "the condition uses the Sigma 1.x 'near' operator, which Sigma 2 removed: "
                            + "write a temporal correlation rule");
            return null;
        }
        return ConditionParser.parse(text, identifiers, issues);
    }

    private static boolean hasNot(Condition condition) {
        return switch (condition) {
            case Condition.Not n -> true;
            case Condition.And a -> a.operands().stream().anyMatch(DocumentParser::hasNot);
            case Condition.Or o -> o.operands().stream().anyMatch(DocumentParser::hasNot);
            case Condition.Ref r -> false;
        };
    }
}
