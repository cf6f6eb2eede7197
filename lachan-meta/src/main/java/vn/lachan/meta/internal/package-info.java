/** Shared internals of the repositories (column sealing); not for use outside lachan-meta. */
@NullMarked
package vn.lachan.meta.internal;

import org.jspecify.annotations.NullMarked;
