package vn.lachan.input.syslog;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.core.tls.TlsIdentity;

/**
 * Configures the syslog listeners; a listener whose address is null is off, port 0 picks a free port.
 *
 * @param udp where to receive syslog over UDP (RFC 5426), null for none
 * @param tcp where to receive syslog over TCP (RFC 6587, octet-counting or newline framing), null for
 *     none
 * @param tls where to receive syslog over TLS 1.2/1.3 (RFC 5425), null for none; needs {@code
 *     tlsIdentity}
 * @param tlsIdentity the server's certificate and key for the TLS listener, null when there is none
 * @param maxMessageBytes the longest message kept whole, in bytes; longer ones are cut there and marked
 * @param maxTcpConnections how many TCP and TLS connections may be open at once (each listener);
 *     connections beyond are refused and counted
 * @param idleTimeout how long a TCP or TLS connection may stay silent before it is closed
 * @param format the format label put on every record ({@value RawRecord#AUTO} to detect it)
 */
public record SyslogConfig(
        @Nullable InetSocketAddress udp,
        @Nullable InetSocketAddress tcp,
        @Nullable InetSocketAddress tls,
        @Nullable TlsIdentity tlsIdentity,
        int maxMessageBytes,
        int maxTcpConnections,
        Duration idleTimeout,
        String format) {
    /** The default longest message: 64 KiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;

    /** The default cap on open connections per listener. */
    public static final int DEFAULT_MAX_TCP_CONNECTIONS = 4096;

    /** The default idle timeout of a connection: ten minutes. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);

    public SyslogConfig {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(format, "format");
        if (tls != null && tlsIdentity == null) {
            throw new IllegalArgumentException("the TLS listener on " + tls + " needs a certificate and key");
        }
        if (maxMessageBytes < 1 || maxMessageBytes > 64 * 1024 * 1024) {
            throw new IllegalArgumentException(
                    "the message size limit must be between 1 byte and 64 MiB, not " + maxMessageBytes);
        }
        if (maxTcpConnections < 1) {
            throw new IllegalArgumentException("at least one TCP connection must be allowed, not " + maxTcpConnections);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "the idle timeout must be positive and under 24 days, not " + idleTimeout);
        }
        if (format.isBlank()) {
            throw new IllegalArgumentException(
                    "the format label must not be blank ('" + RawRecord.AUTO + "' to detect)");
        }
    }

    /** Returns a configuration with every listener off and the default limits. */
    public static SyslogConfig defaults() {
        return new SyslogConfig(
                null,
                null,
                null,
                null,
                DEFAULT_MAX_MESSAGE_BYTES,
                DEFAULT_MAX_TCP_CONNECTIONS,
                DEFAULT_IDLE_TIMEOUT,
                RawRecord.AUTO);
    }

    /** Returns this configuration with the UDP listener on {@code address} (null turns it off). */
    public SyslogConfig withUdp(@Nullable InetSocketAddress address) {
        return new SyslogConfig(
                address, tcp, tls, tlsIdentity, maxMessageBytes, maxTcpConnections, idleTimeout, format);
    }

    /** Returns this configuration with the TCP listener on {@code address} (null turns it off). */
    public SyslogConfig withTcp(@Nullable InetSocketAddress address) {
        return new SyslogConfig(
                udp, address, tls, tlsIdentity, maxMessageBytes, maxTcpConnections, idleTimeout, format);
    }

    /** Returns this configuration with the TLS listener on {@code address} serving {@code identity}. */
    public SyslogConfig withTls(InetSocketAddress address, TlsIdentity identity) {
        return new SyslogConfig(udp, tcp, address, identity, maxMessageBytes, maxTcpConnections, idleTimeout, format);
    }

    /** Returns this configuration with another message size limit, in bytes. */
    public SyslogConfig withMaxMessageBytes(int bytes) {
        return new SyslogConfig(udp, tcp, tls, tlsIdentity, bytes, maxTcpConnections, idleTimeout, format);
    }

    /** Returns this configuration with another cap on open connections per listener. */
    public SyslogConfig withMaxTcpConnections(int connections) {
        return new SyslogConfig(udp, tcp, tls, tlsIdentity, maxMessageBytes, connections, idleTimeout, format);
    }

    /** Returns this configuration with another idle timeout for connections. */
    public SyslogConfig withIdleTimeout(Duration timeout) {
        return new SyslogConfig(udp, tcp, tls, tlsIdentity, maxMessageBytes, maxTcpConnections, timeout, format);
    }

    /** Returns this configuration with another format label on the records. */
    public SyslogConfig withFormat(String label) {
        return new SyslogConfig(udp, tcp, tls, tlsIdentity, maxMessageBytes, maxTcpConnections, idleTimeout, label);
    }
}
