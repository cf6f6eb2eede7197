/** Keeps alerts in an embedded Apache Lucene index behind the core's alert port. */
@NullMarked
package vn.lachan.alert.index;

import org.jspecify.annotations.NullMarked;
