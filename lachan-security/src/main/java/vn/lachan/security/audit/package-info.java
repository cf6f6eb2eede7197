/** The hash-chained audit trail with signed checkpoints and its verifier. */
@NullMarked
package vn.lachan.security.audit;

import org.jspecify.annotations.NullMarked;
