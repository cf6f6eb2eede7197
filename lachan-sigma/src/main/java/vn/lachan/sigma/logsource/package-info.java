/**
 * Reads the log-source map: event layouts, the Sigma log sources events belong to, field renames
 * and timestamp fields.
 */
@NullMarked
package vn.lachan.sigma.logsource;

import org.jspecify.annotations.NullMarked;
