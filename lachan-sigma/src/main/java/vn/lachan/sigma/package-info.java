/**
 * The Sigma engine's facade: compiles rules, filters and correlations once, then turns events into
 * detection and correlation alerts.
 */
@NullMarked
package vn.lachan.sigma;

import org.jspecify.annotations.NullMarked;
