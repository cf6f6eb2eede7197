/** Serves passkey (WebAuthn) registration, management and sign-in over HTTP. */
@NullMarked
package vn.lachan.web.passkey;

import org.jspecify.annotations.NullMarked;
