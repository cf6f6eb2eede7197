/** Answers health checks and Prometheus scrapes. */
@NullMarked
package vn.lachan.web.ops;

import org.jspecify.annotations.NullMarked;
