/** Stores API tokens (selector and hash only, never the token) in the metadata database. */
@NullMarked
package vn.lachan.meta.token;

import org.jspecify.annotations.NullMarked;
