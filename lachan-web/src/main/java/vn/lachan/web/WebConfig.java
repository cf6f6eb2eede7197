package vn.lachan.web;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.tls.TlsIdentity;

/**
 * Configures the HTTP server; the app fills it once from its configuration.
 *
 * @param host the address to bind, such as {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port the port to bind, 0 for any free port
 * @param maxBodyBytes the largest request body taken, in bytes; larger bodies are answered 413
 * @param heartbeat how often an idle server-sent event stream gets a comment line, which keeps proxies from
 *     closing it and finds clients that went away
 * @param retryAfterSeconds the {@code Retry-After} sent with 429 (intake full) and 503 (shutting down)
 * @param drainTimeout how long {@link WebServer#close()} waits for in-flight requests to finish
 * @param tls the certificate and key the server answers HTTPS with (TLS 1.2 and 1.3, HTTP/1.1) on {@code port};
 *     null for plain HTTP. With TLS the port speaks nothing else: plain HTTP to it fails
 */
public record WebConfig(
        String host,
        int port,
        long maxBodyBytes,
        Duration heartbeat,
        int retryAfterSeconds,
        Duration drainTimeout,
        @Nullable TlsIdentity tls) {
    public WebConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the web server needs a host to bind, such as 0.0.0.0");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is 0 to 65535, was " + port);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > 1L << 30) {
            throw new IllegalArgumentException("the body size limit is 1 byte to 1 GiB, was " + maxBodyBytes);
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("the heartbeat interval must be positive, was " + heartbeat);
        }
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("Retry-After must be at least 1 second, was " + retryAfterSeconds);
        }
        if (drainTimeout.isNegative()) {
            throw new IllegalArgumentException("the drain timeout cannot be negative, was " + drainTimeout);
        }
    }

    /**
     * Returns the defaults on {@code host:port}: plain HTTP, bodies up to 16 MiB, a heartbeat every 15 s,
     * Retry-After 5 s, 10 s to drain.
     */
    public static WebConfig defaults(String host, int port) {
        return new WebConfig(host, port, 16L << 20, Duration.ofSeconds(15), 5, Duration.ofSeconds(10), null);
    }

    /** Returns this configuration serving HTTPS with {@code identity} instead of plain HTTP. */
    public WebConfig withTls(TlsIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        return new WebConfig(host, port, maxBodyBytes, heartbeat, retryAfterSeconds, drainTimeout, identity);
    }

    /** Returns the URL scheme the server answers: {@code https} with a TLS identity, else {@code http}. */
    public String scheme() {
        return tls == null ? "http" : "https";
    }
}
