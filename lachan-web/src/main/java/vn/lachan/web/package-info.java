/** Serves the platform's HTTP API on Javalin: one routes class per feature, problems as RFC 9457. */
@NullMarked
package vn.lachan.web;

import org.jspecify.annotations.NullMarked;
