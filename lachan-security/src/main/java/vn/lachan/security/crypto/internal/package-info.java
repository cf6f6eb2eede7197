/** Writes and reads key files crash-safely with owner-only permissions, for the crypto packages only. */
@NullMarked
package vn.lachan.security.crypto.internal;

import org.jspecify.annotations.NullMarked;
