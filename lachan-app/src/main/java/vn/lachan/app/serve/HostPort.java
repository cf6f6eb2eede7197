package vn.lachan.app.serve;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Names an address to listen on.
 *
 * @param host a host name or IP literal ({@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::1})
 * @param port 0 to 65535; 0 lets the system choose
 */
record HostPort(String host, int port) {
    HostPort {
        if (host.isBlank() || port < 0 || port > 65_535) {
            throw new IllegalArgumentException("bad address " + host + ":" + port);
        }
    }

    /** Returns the address {@code HOST:PORT} or {@code [IPV6]:PORT} names, or empty when it is malformed. */
    static Optional<HostPort> parse(String text) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            return Optional.empty();
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(t.substring(colon + 1));
            return port < 0 || port > 65_535 || host.isBlank()
                    ? Optional.empty()
                    : Optional.of(new HostPort(host, port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    InetSocketAddress socket() {
        return new InetSocketAddress(host, port);
    }

    /** Returns whether the address is loopback only. */
    boolean loopback() {
        return host.equals("localhost")
                || socket().getAddress() != null && socket().getAddress().isLoopbackAddress();
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
