/** Stores passkeys (WebAuthn credentials) in the metadata database. */
@NullMarked
package vn.lachan.meta.passkey;

import org.jspecify.annotations.NullMarked;
