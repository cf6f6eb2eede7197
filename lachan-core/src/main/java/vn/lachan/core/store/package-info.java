/** The storage port: what the pipeline and the search API ask of any event store, with no engine type. */
@NullMarked
package vn.lachan.core.store;

import org.jspecify.annotations.NullMarked;
