/**
 * Encrypts streams of any size to recipients with hybrid X25519 + ML-KEM-768 key agreement, signs
 * them with ML-DSA-65, and reads them back refusing any alteration (see docs/adr/0003).
 */
@NullMarked
package vn.lachan.security.envelope;

import org.jspecify.annotations.NullMarked;
