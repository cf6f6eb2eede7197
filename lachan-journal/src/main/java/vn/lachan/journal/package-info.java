/** Appends raw records to checksummed disk segments, hands them to one reader and trims what is stored. */
@NullMarked
package vn.lachan.journal;

import org.jspecify.annotations.NullMarked;
