/** Stores the append-only audit trail and its signed checkpoints in the metadata database. */
@NullMarked
package vn.lachan.meta.audit;

import org.jspecify.annotations.NullMarked;
