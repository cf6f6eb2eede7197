/** The organization tree as the API serves it, limited to what the caller sees. */
@NullMarked
package vn.lachan.web.org;

import org.jspecify.annotations.NullMarked;
