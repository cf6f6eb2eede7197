/** API tokens for machines: issued once, stored hashed, scoped, expiring and revocable. */
@NullMarked
package vn.lachan.security.token;

import org.jspecify.annotations.NullMarked;
