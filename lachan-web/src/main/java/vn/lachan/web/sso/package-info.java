/** Serves single sign-on through OpenID Connect: the provider list, the start, the callback, the second factor. */
@NullMarked
package vn.lachan.web.sso;

import org.jspecify.annotations.NullMarked;
