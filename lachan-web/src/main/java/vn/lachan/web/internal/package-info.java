/** Shared internals of the HTTP server: problem responses, JSON, request bodies; used by the route packages only. */
@NullMarked
package vn.lachan.web.internal;

import org.jspecify.annotations.NullMarked;
