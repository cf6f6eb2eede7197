/** Small encodings shared by the security packages; not an API. */
@NullMarked
package vn.lachan.security.internal;

import org.jspecify.annotations.NullMarked;
