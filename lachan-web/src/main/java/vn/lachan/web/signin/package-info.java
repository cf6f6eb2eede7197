/** The sign-in routes: password and second factor, enrolment, sign-out, and who am I. */
@NullMarked
package vn.lachan.web.signin;

import org.jspecify.annotations.NullMarked;
