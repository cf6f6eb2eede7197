package vn.lachan.sigma.filter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lachan.sigma.rule.Condition;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.FilterRule;
import vn.lachan.sigma.rule.Search;

/**
 * Builds {@code (rule) and (filter)}: the filter's searches join the rule's under a prefix no search
 * of the rule uses, and the filter's condition is rewritten to the new names. Quantifiers were
 * resolved by the parser into references, so renaming each reference keeps them right.
 */
final class Combination {
    private Combination() {}

    static DetectionRule combine(DetectionRule rule, FilterRule filter, int filterIndex) {
        String prefix = prefix(rule, filterIndex);
        Map<String, Search> searches = new LinkedHashMap<>(rule.searches());
        filter.searches().forEach((name, search) -> searches.put(prefix + name, search));
        Condition condition = new Condition.And(List.of(rule.condition(), rename(filter.condition(), prefix)));
        return new DetectionRule(rule.info(), rule.logsource(), searches, condition);
    }

    /** Returns {@code _filter<N>_}, lengthened until no search of the rule starts with it. */
    static String prefix(DetectionRule rule, int filterIndex) {
        String prefix = "_filter" + filterIndex + "_";
        while (clashes(rule, prefix)) {
            prefix = "_" + prefix;
        }
        return prefix;
    }

    private static boolean clashes(DetectionRule rule, String prefix) {
        for (String name : rule.searches().keySet()) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static Condition rename(Condition condition, String prefix) {
        return switch (condition) {
            case Condition.And and ->
                new Condition.And(
                        and.operands().stream().map(c -> rename(c, prefix)).toList());
            case Condition.Or or ->
                new Condition.Or(
                        or.operands().stream().map(c -> rename(c, prefix)).toList());
            case Condition.Not not -> new Condition.Not(rename(not.operand(), prefix));
            case Condition.Ref ref -> new Condition.Ref(prefix + ref.identifier());
        };
    }
}
