/**
 * Encrypts data at rest under a key hierarchy rooted in one master key, and keeps the platform's
 * ML-DSA-65 signing keys.
 */
@NullMarked
package vn.lachan.security.crypto;

import org.jspecify.annotations.NullMarked;
