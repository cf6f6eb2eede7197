/** Lists, fetches and streams alerts (server-sent events) from the alert store. */
@NullMarked
package vn.lachan.web.alert;

import org.jspecify.annotations.NullMarked;
