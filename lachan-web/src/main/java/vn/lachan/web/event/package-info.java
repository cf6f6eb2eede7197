/** Searches, fetches and exports stored events. */
@NullMarked
package vn.lachan.web.event;

import org.jspecify.annotations.NullMarked;
