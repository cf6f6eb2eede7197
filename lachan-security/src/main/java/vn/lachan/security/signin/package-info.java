/** Sign-in with password and second factor, throttling and temporary lockout. */
@NullMarked
package vn.lachan.security.signin;

import org.jspecify.annotations.NullMarked;
