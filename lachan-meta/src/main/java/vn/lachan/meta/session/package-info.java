/** Stores browser sessions (the id's hash only) in the metadata database. */
@NullMarked
package vn.lachan.meta.session;

import org.jspecify.annotations.NullMarked;
