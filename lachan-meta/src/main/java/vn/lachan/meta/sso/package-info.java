/** Stores the links between OpenID Connect identities and Lachan accounts in the metadata database. */
@NullMarked
package vn.lachan.meta.sso;

import org.jspecify.annotations.NullMarked;
