/** Measures {@code lachan serve} end to end under load: a paced sender, a server in its own JVM, zero-loss checks. */
@NullMarked
package vn.lachan.bench.e2e;

import org.jspecify.annotations.NullMarked;
