/** Groups repeated firings of one rule on one entity inside a time window into one counted alert. */
@NullMarked
package vn.lachan.alert.grouping;

import org.jspecify.annotations.NullMarked;
