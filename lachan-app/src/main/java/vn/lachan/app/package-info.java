/** The {@code lachan} command line: its entry point and the wiring of every command. */
@NullMarked
package vn.lachan.app;

import org.jspecify.annotations.NullMarked;
