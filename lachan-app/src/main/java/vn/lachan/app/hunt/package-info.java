/** The {@code lachan hunt} command: runs Sigma rules over event files and reports the detections. */
@NullMarked
package vn.lachan.app.hunt;

import org.jspecify.annotations.NullMarked;
