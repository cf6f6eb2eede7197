/** The embedded event store: one Apache Lucene index per time partition behind the core's storage port. */
@NullMarked
package vn.lachan.store;

import org.jspecify.annotations.NullMarked;
