package vn.lachan.sigma.correlate;

import java.util.ArrayList;
import java.util.List;
import vn.lachan.sigma.rule.CorrelationRule;

/** Holds one correlation rule ready to run: its checked settings and where its alerts go. */
final class Node {
    final int index;
    final CorrelationRule rule;
    final List<CorrelationRule.Bound> bounds;
    final double percentile;
    final long timespanMicros;
    final List<Input> downstream = new ArrayList<>();
    boolean reported = true;

    Node(int index, CorrelationRule rule, List<CorrelationRule.Bound> bounds, double percentile) {
        this.index = index;
        this.rule = rule;
        this.bounds = List.copyOf(bounds);
        this.percentile = percentile;
        this.timespanMicros = rule.timespan().toNanos() / 1000;
    }

    /**
     * Says how one referenced rule feeds a correlation.
     *
     * @param node the correlation fed
     * @param position the referenced rule's position in the correlation's {@code rules}
     * @param groupFields for each group-by name, the field to read in this rule's matches
     * @param valueFields for each {@code condition.field}, the field to read in this rule's matches
     */
    record Input(Node node, int position, List<String> groupFields, List<String> valueFields) {}
}
