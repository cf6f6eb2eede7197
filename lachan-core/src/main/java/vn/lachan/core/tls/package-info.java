/**
 * Loads a server's TLS identity (a PEM certificate chain with its PKCS#8 key, or a PKCS#12 keystore) into a
 * TLS context that every listener of the platform shares: the HTTP API and syslog over TLS.
 */
@NullMarked
package vn.lachan.core.tls;

import org.jspecify.annotations.NullMarked;
