/** User account management over HTTP: list, create, read, change, reset the second factor and the password. */
@NullMarked
package vn.lachan.web.user;

import org.jspecify.annotations.NullMarked;
