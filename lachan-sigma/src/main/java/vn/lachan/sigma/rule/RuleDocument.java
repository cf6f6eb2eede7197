package vn.lachan.sigma.rule;

/** One YAML document of a rule file: a detection rule, a correlation rule or a filter. */
public sealed interface RuleDocument permits DetectionRule, CorrelationRule, FilterRule {

    /** Returns the document's descriptive fields. */
    RuleInfo info();
}
