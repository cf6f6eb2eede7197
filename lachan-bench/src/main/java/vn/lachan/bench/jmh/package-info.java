/** Runs the JMH micro-benchmarks: matching, parsing and rule compilation, each on its own. */
@NullMarked
package vn.lachan.bench.jmh;

import org.jspecify.annotations.NullMarked;
