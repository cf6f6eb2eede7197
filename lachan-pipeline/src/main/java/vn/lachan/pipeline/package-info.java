/** Reads the journal, parses, normalizes, enriches, detects and stores every event, and raises alerts. */
@NullMarked
package vn.lachan.pipeline;

import org.jspecify.annotations.NullMarked;
