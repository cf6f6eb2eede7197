/** Writes a folder tree into a signed, recipient-encrypted envelope and restores it into an empty folder. */
@NullMarked
package vn.lachan.security.backup;

import org.jspecify.annotations.NullMarked;
