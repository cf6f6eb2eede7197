/**
 * Evaluates Sigma correlation rules over the stream of rule matches, in sliding windows of event
 * time, per group-by values, with bounded memory.
 */
@NullMarked
package vn.lachan.sigma.correlate;

import org.jspecify.annotations.NullMarked;
