/** User accounts and the port that stores them with their credentials. */
@NullMarked
package vn.lachan.security.identity;

import org.jspecify.annotations.NullMarked;
