/** Wires the platform foundation (metadata database, keys, identity, audit) and its admin commands. */
@NullMarked
package vn.lachan.app.security;

import org.jspecify.annotations.NullMarked;
