/** Signs users in through OpenID Connect providers: code flow with PKCE, ID token checks, account links. */
@NullMarked
package vn.lachan.security.sso;

import org.jspecify.annotations.NullMarked;
