package vn.lachan.input.syslog;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Reports what one syslog listener has done since it started; a snapshot, taken at any time.
 *
 * @param input the listener's input name: {@code syslog-udp}, {@code syslog-tcp} or {@code syslog-tls}
 * @param address the address the listener is bound to (with the port it got)
 * @param received messages received (each becomes one record, whole or marked)
 * @param accepted messages the intake took durably
 * @param oversize messages longer than the limit, cut there
 * @param frameErrors messages whose framing was broken (bad octet count, cut by a disconnect)
 * @param dropped messages lost: UDP datagrams the intake had no room for, records of connections the
 *     intake closed on
 * @param connectionsOpen connections open now (0 for UDP)
 * @param connectionsRefused connections refused because the cap was reached (0 for UDP)
 * @param handshakeFailures TLS handshakes that failed (0 for UDP and TCP)
 * @param bytes bytes read from the network (after TLS decryption)
 * @param receiveBufferBytes the socket receive buffer the OS granted (UDP), 0 when not set
 */
public record ListenerStats(
        String input,
        InetSocketAddress address,
        long received,
        long accepted,
        long oversize,
        long frameErrors,
        long dropped,
        long connectionsOpen,
        long connectionsRefused,
        long handshakeFailures,
        long bytes,
        int receiveBufferBytes) {
    public ListenerStats {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(address, "address");
    }
}
