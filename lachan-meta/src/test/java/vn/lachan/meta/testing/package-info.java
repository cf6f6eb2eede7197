/** Test fixtures: the two databases every repository test runs on, and a test sealer. */
@NullMarked
package vn.lachan.meta.testing;

import org.jspecify.annotations.NullMarked;
