/** The event search language: its syntax tree ({@link vn.lachan.core.query.Query}), parser and renderer. */
@NullMarked
package vn.lachan.core.query;

import org.jspecify.annotations.NullMarked;
