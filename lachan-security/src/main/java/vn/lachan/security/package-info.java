/** Identity, roles and permissions, sign-in, tokens, sessions, audit trail and encryption for the platform. */
@NullMarked
package vn.lachan.security;

import org.jspecify.annotations.NullMarked;
