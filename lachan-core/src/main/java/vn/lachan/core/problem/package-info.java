/** Problems found in user input (a rule, a log line, a file), kept as values and reported, never thrown. */
@NullMarked
package vn.lachan.core.problem;

import org.jspecify.annotations.NullMarked;
