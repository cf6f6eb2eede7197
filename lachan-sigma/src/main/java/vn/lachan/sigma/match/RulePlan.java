package vn.lachan.sigma.match;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import vn.lachan.sigma.rule.DetectionRule;

/**
 * One rule ready for routing: for each distinct field mapping among the log-source entries that
 * provide the rule's log source, the entries and the mapped condition tree.
 *
 * @param rule the rule
 * @param ruleId the rule's index in the detector
 * @param variants one per distinct (renames, keyword fields) pair; empty when no entry provides
 *     the rule's log source
 */
record RulePlan(DetectionRule rule, int ruleId, List<Variant> variants) {
    /**
     * The rule as read through some entries.
     *
     * @param entries indexes of the log-source entries this mapping comes from
     * @param renames rule field to event field
     * @param expr the mapped condition tree
     */
    record Variant(BitSet entries, Map<String, String> renames, Expr expr) {}
}
