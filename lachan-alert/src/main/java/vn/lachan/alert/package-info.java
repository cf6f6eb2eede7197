/**
 * Groups detections into alerts ({@code grouping}) and keeps them in an embedded Lucene index
 * ({@code index}).
 */
@NullMarked
package vn.lachan.alert;

import org.jspecify.annotations.NullMarked;
