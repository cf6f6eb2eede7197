/** Makes throw-away TLS certificates for tests that talk to the platform's listeners over TLS. */
@NullMarked
package vn.lachan.testkit.tls;

import org.jspecify.annotations.NullMarked;
