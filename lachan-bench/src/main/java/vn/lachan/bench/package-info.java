/** Measures Lachan end to end over the shared corpus: hunt throughput with and without rules. */
@NullMarked
package vn.lachan.bench;

import org.jspecify.annotations.NullMarked;
