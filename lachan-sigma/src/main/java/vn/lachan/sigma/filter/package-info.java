/**
 * Applies Sigma filters (meta filters) to detection rules before they are compiled, as pySigma does:
 * {@code (rule) and (filter)}, with the filter's condition as written.
 */
@NullMarked
package vn.lachan.sigma.filter;

import org.jspecify.annotations.NullMarked;
