/** Roles, permissions and the one policy that decides who may do what in which organization. */
@NullMarked
package vn.lachan.security.access;

import org.jspecify.annotations.NullMarked;
