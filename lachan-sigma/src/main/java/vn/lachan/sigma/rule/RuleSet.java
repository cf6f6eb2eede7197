package vn.lachan.sigma.rule;

import java.util.List;
import vn.lachan.core.problem.Problem;

/**
 * Holds every rule document loaded from a set of files, with the problems found.
 *
 * @param detections detection rules that loaded
 * @param correlations correlation rules that loaded
 * @param filters filters that loaded
 * @param rejected one problem per document (or file) that could not be loaded, with its reason
 * @param warnings problems in documents that loaded all the same (for instance a filter whose
 *     condition has no {@code not})
 */
public record RuleSet(
        List<DetectionRule> detections,
        List<CorrelationRule> correlations,
        List<FilterRule> filters,
        List<Problem> rejected,
        List<Problem> warnings) {
    public RuleSet {
        detections = List.copyOf(detections);
        correlations = List.copyOf(correlations);
        filters = List.copyOf(filters);
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
    }
}
