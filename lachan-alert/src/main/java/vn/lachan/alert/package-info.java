/** Groups detections into alerts and keeps them in an embedded Lucene index. */
@NullMarked
package vn.lachan.alert;

import org.jspecify.annotations.NullMarked;
