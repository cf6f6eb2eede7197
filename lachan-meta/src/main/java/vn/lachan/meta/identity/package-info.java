/** Stores user accounts, their roles and credentials in the metadata database. */
@NullMarked
package vn.lachan.meta.identity;

import org.jspecify.annotations.NullMarked;
