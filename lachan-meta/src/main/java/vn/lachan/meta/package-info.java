/** The metadata database (H2 or PostgreSQL, Flyway migrations) and its JDBC repositories. */
@NullMarked
package vn.lachan.meta;

import org.jspecify.annotations.NullMarked;
