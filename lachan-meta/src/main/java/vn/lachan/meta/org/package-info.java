/** Stores the organization tree and the contact points with their history in the metadata database. */
@NullMarked
package vn.lachan.meta.org;

import org.jspecify.annotations.NullMarked;
