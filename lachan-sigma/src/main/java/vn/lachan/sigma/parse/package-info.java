/**
 * Reads Sigma rule files (detection rules, correlation rules, filters) from YAML into the rule model,
 * collecting every problem with its file, line and column.
 */
@NullMarked
package vn.lachan.sigma.parse;

import org.jspecify.annotations.NullMarked;
