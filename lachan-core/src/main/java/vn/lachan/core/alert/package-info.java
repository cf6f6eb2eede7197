/** The alert port: what detection hands to alert storage, how alerts are kept, found and streamed. */
@NullMarked
package vn.lachan.core.alert;

import org.jspecify.annotations.NullMarked;
