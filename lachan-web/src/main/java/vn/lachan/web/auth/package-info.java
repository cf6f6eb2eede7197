/** Authentication and authorization of every API request, in one place before the handlers. */
@NullMarked
package vn.lachan.web.auth;

import org.jspecify.annotations.NullMarked;
