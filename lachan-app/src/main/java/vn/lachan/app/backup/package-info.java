/** Backs up a platform's data folder into a signed, recipient-encrypted envelope and restores it: {@code lachan backup}, {@code lachan restore}. */
@NullMarked
package vn.lachan.app.backup;

import org.jspecify.annotations.NullMarked;
