/** Receives syslog over UDP, TCP (octet-counting and newline framing) and TLS into the intake. */
@NullMarked
package vn.lachan.input.syslog;

import org.jspecify.annotations.NullMarked;
