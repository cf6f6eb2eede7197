/** Creates, stores and loads the platform's ML-DSA-65 signing keys, and signs and verifies with them. */
@NullMarked
package vn.lachan.security.crypto.signing;

import org.jspecify.annotations.NullMarked;
