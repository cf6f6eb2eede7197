/** Signs people in with passkeys (WebAuthn): registration and authentication ceremonies, and the passkey store port. */
@NullMarked
package vn.lachan.security.passkey;

import org.jspecify.annotations.NullMarked;
