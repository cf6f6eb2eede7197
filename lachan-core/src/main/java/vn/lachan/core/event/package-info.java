/** The event as every module sees it: a tree of JSON-like fields and where it was read from. */
@NullMarked
package vn.lachan.core.event;

import org.jspecify.annotations.NullMarked;
