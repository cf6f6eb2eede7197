package vn.lachan.sigma.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.rule.CorrelationRule;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.RuleDocument;

/**
 * Resolves correlation references to the loaded rules, rejects what cannot run (unknown references,
 * cycles, chains too deep, missing settings) with problems, and wires the rest into {@link Node}s.
 */
final class Plan {
    final List<Node> nodes = new ArrayList<>();
    final Map<DetectionRule, List<Node.Input>> inputs = new IdentityHashMap<>();
    final Map<DetectionRule, Boolean> reported = new IdentityHashMap<>();
    final List<Problem> problems = new ArrayList<>();

    private final Map<String, RuleDocument> byReference = new HashMap<>();
    private final Map<CorrelationRule, List<RuleDocument>> resolved = new IdentityHashMap<>();
    private final Map<CorrelationRule, Boolean> valid = new IdentityHashMap<>();
    private final int maxDepth;

    private Plan(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    static Plan build(List<DetectionRule> detections, List<CorrelationRule> correlations, int maxDepth) {
        Plan plan = new Plan(maxDepth);
        detections.forEach(plan::index);
        correlations.forEach(plan::index);
        for (CorrelationRule rule : correlations) {
            plan.resolve(rule);
        }
        Map<CorrelationRule, Integer> depths = new IdentityHashMap<>();
        for (CorrelationRule rule : correlations) {
            plan.depth(rule, depths, new ArrayList<>());
        }
        plan.wire(correlations, depths);
        return plan;
    }

    private void index(RuleDocument rule) {
        for (@Nullable
        String key : new @Nullable String[] {rule.info().id(), rule.info().name()}) {
            if (key == null) {
                continue;
            }
            RuleDocument before = byReference.putIfAbsent(key, rule);
            if (before != null && before != rule) {
                problems.add(problem(
                        rule,
                        "the id or name '" + key + "' is already used by the rule at "
                                + before.info().origin().file() + " line "
                                + before.info().origin().line()
                                + ": correlations referencing it use the first one; give each rule its own"));
            }
        }
    }

    private void resolve(CorrelationRule rule) {
        List<RuleDocument> targets = new ArrayList<>();
        boolean ok = Settings.check(rule, problems);
        for (String reference : rule.rules()) {
            RuleDocument target = byReference.get(reference);
            if (target == null) {
                problems.add(problem(
                        rule,
                        "references rule '" + reference
                                + "', which is not loaded (no detection or correlation has this id or name)"));
                ok = false;
            } else if (!(target instanceof DetectionRule) && !(target instanceof CorrelationRule)) {
                problems.add(problem(rule, "references '" + reference + "', which is a filter, not a rule"));
                ok = false;
            } else {
                targets.add(target);
            }
        }
        if (rule.rules().isEmpty()) {
            problems.add(problem(rule, "names no rules in correlation.rules"));
            ok = false;
        }
        Settings.checkAliases(rule, targets, problems);
        resolved.put(rule, targets);
        valid.put(rule, ok);
    }

    /** Returns the chain depth of the rule (1 = only detections below), or -1 when it cannot run. */
    private int depth(CorrelationRule rule, Map<CorrelationRule, Integer> depths, List<CorrelationRule> path) {
        Integer known = depths.get(rule);
        if (known != null) {
            return known;
        }
        if (path.contains(rule)) {
            problems.add(problem(rule, "is part of a reference cycle: " + cycle(path, rule)));
            return -1;
        }
        path.add(rule);
        int depth = Boolean.TRUE.equals(valid.get(rule)) ? 1 : -1;
        for (RuleDocument target : resolved.getOrDefault(rule, List.of())) {
            if (target instanceof CorrelationRule inner && depth > 0) {
                int below = depth(inner, depths, path);
                depth = below < 0 ? cascade(rule, inner) : Math.max(depth, below + 1);
            }
        }
        path.remove(path.size() - 1);
        if (depth > maxDepth) {
            problems.add(problem(rule, "stacks " + depth + " correlations, more than the limit of " + maxDepth));
            depth = -1;
        }
        depths.put(rule, depth);
        return depth;
    }

    private int cascade(CorrelationRule rule, CorrelationRule inner) {
        problems.add(problem(
                rule,
                "references correlation '" + inner.info().reference() + "', which cannot run (see its own problem)"));
        return -1;
    }

    private static String cycle(List<CorrelationRule> path, CorrelationRule back) {
        StringBuilder text = new StringBuilder();
        for (CorrelationRule step : path.subList(path.indexOf(back), path.size())) {
            text.append(step.info().reference()).append(" -> ");
        }
        return text.append(back.info().reference()).toString();
    }

    private void wire(List<CorrelationRule> correlations, Map<CorrelationRule, Integer> depths) {
        Map<CorrelationRule, Node> built = new LinkedHashMap<>();
        for (CorrelationRule rule : correlations) {
            if (depths.getOrDefault(rule, -1) > 0) {
                built.put(rule, Settings.node(built.size(), rule, problems));
            }
        }
        Map<Object, Boolean> generated = new IdentityHashMap<>();
        for (Node node : built.values()) {
            List<RuleDocument> targets = resolved.getOrDefault(node.rule, List.of());
            for (int position = 0; position < targets.size(); position++) {
                RuleDocument target = targets.get(position);
                Node.Input input = Settings.input(node, position, target);
                generated.merge(target, node.rule.generate(), Boolean::logicalOr);
                if (target instanceof DetectionRule detection) {
                    inputs.computeIfAbsent(detection, d -> new ArrayList<>()).add(input);
                } else if (target instanceof CorrelationRule inner && built.containsKey(inner)) {
                    built.get(inner).downstream.add(input);
                }
            }
        }
        for (Node node : built.values()) {
            node.reported = generated.getOrDefault(node.rule, true);
        }
        for (DetectionRule detection : inputs.keySet()) {
            reported.put(detection, generated.getOrDefault(detection, true));
        }
        nodes.addAll(built.values());
    }

    static Problem problem(RuleDocument rule, String message) {
        String what = "correlation '" + rule.info().title() + "' ";
        return new Problem(
                rule.info().origin().file(),
                "line " + rule.info().origin().line(),
                rule instanceof CorrelationRule
                        ? what + message
                        : "rule '" + rule.info().title() + "': " + message);
    }
}
