/** Browser sessions with idle and absolute timeouts, and CSRF tokens bound to them. */
@NullMarked
package vn.lachan.security.session;

import org.jspecify.annotations.NullMarked;
