/**
 * The Sigma rule model (detection rules, correlation rules, filters) as parsed from YAML, knowing
 * nothing of how events are matched. Every value modifier has been applied by the parser: a {@link
 * vn.lachan.sigma.rule.ValueTest} is the final test on one event value.
 */
@NullMarked
package vn.lachan.sigma.rule;

import org.jspecify.annotations.NullMarked;
