/** Finds the benchmark inputs in the shared corpus and compiles the Windows rule set, measured. */
@NullMarked
package vn.lachan.bench.corpus;

import org.jspecify.annotations.NullMarked;
