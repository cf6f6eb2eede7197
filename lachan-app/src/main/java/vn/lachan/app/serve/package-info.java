/** Runs the platform as one process ({@code lachan serve}, {@code lachan demo}): configuration and wiring. */
@NullMarked
package vn.lachan.app.serve;

import org.jspecify.annotations.NullMarked;
