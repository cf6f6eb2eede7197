/** Second factor: RFC 6238 time-based one-time passwords and one-use recovery codes. */
@NullMarked
package vn.lachan.security.mfa;

import org.jspecify.annotations.NullMarked;
