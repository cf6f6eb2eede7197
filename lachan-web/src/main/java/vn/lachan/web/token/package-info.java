/** API token management over HTTP: list (never the secret), issue (the secret shown once) and revoke. */
@NullMarked
package vn.lachan.web.token;

import org.jspecify.annotations.NullMarked;
