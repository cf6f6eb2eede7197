/** Measures what the gate (authentication and authorization) adds to real API calls of {@code lachan serve}. */
@NullMarked
package vn.lachan.bench.authz;

import org.jspecify.annotations.NullMarked;
