/** Fixtures shared by the modules' tests: where the shared corpus of real data lies. */
@NullMarked
package vn.lachan.testkit;

import org.jspecify.annotations.NullMarked;
