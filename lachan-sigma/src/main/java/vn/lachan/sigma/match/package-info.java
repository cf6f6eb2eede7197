/**
 * Compiles Sigma detection rules into a log-source-routed matcher and runs it over events.
 */
@NullMarked
package vn.lachan.sigma.match;

import org.jspecify.annotations.NullMarked;
