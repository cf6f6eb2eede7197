/** Argon2id password hashing in PHC format and the password policy. */
@NullMarked
package vn.lachan.security.password;

import org.jspecify.annotations.NullMarked;
