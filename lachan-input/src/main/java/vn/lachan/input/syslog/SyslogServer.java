package vn.lachan.input.syslog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLServerSocket;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.intake.Intake;
import vn.lachan.core.tls.TlsIdentity;

/**
 * Receives syslog over UDP (RFC 5426), TCP (RFC 6587) and TLS (RFC 5425) and hands every message to the
 * intake as a raw record, holding TCP and TLS senders back while the intake is full.
 *
 * <p>Thread-safe. Start with {@link #start}; {@link #close} stops accepting, lets the batches in flight
 * finish their offer, then closes the sockets.
 */
public final class SyslogServer implements AutoCloseable {
    /** How long {@link #close()} lets batches in flight wait for room in the intake. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    static final String TCP = "syslog-tcp";
    static final String TLS = "syslog-tls";
    private static final Logger LOG = LoggerFactory.getLogger(SyslogServer.class);
    private static final int BACKLOG = 1024;

    private final @Nullable Listener udp;
    private final @Nullable Listener tcp;
    private final @Nullable Listener tls;
    private boolean closed;

    private SyslogServer(@Nullable Listener udp, @Nullable Listener tcp, @Nullable Listener tls) {
        this.udp = udp;
        this.tcp = tcp;
        this.tls = tls;
    }

    /**
     * Binds every configured listener and starts receiving into {@code intake}.
     *
     * @throws UncheckedIOException when an address cannot be bound (in use, not local)
     * @throws IllegalArgumentException when the TLS certificate or key cannot be read
     */
    public static SyslogServer start(SyslogConfig config, Intake intake) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(intake, "intake");
        List<Listener> started = new ArrayList<>();
        try {
            Listener tls = config.tls() == null ? null : started(started, startTls(config, intake));
            Listener tcp = config.tcp() == null ? null : started(started, startTcp(config, intake));
            InetSocketAddress udpAddress = config.udp();
            Listener udp = udpAddress == null
                    ? null
                    : started(
                            started,
                            bind("syslog-udp", udpAddress, () -> DatagramListener.start(udpAddress, intake, config)));
            return new SyslogServer(udp, tcp, tls);
        } catch (RuntimeException e) {
            started.forEach(Listener::halt);
            throw e;
        }
    }

    private static Listener started(List<Listener> started, Listener listener) {
        started.add(listener);
        return listener;
    }

    private static Listener startTcp(SyslogConfig config, Intake intake) {
        InetSocketAddress address = Objects.requireNonNull(config.tcp());
        ServerSocket server = bind(TCP, address, () -> {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(address, BACKLOG);
            return socket;
        });
        return StreamListener.start(TCP, server, intake, config);
    }

    private static Listener startTls(SyslogConfig config, Intake intake) {
        InetSocketAddress address = Objects.requireNonNull(config.tls());
        var context = Objects.requireNonNull(config.tlsIdentity()).serverContext();
        ServerSocket server = bind(TLS, address, () -> {
            SSLServerSocket socket =
                    (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            socket.setEnabledProtocols(TlsIdentity.PROTOCOLS.toArray(String[]::new));
            socket.setReuseAddress(true);
            socket.bind(address, BACKLOG);
            return socket;
        });
        return StreamListener.start(TLS, server, intake, config);
    }

    private interface Binding<T> {
        T bind() throws IOException;
    }

    private static <T> T bind(String input, InetSocketAddress address, Binding<T> binding) {
        try {
            return binding.bind();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for " + input + " on " + address + ": " + e.getMessage(), e);
        }
    }

    /** Returns the bound UDP address (with the port the OS gave), empty when UDP is off. */
    public Optional<InetSocketAddress> udpAddress() {
        return Optional.ofNullable(udp).map(Listener::address);
    }

    /** Returns the bound TCP address (with the port the OS gave), empty when TCP is off. */
    public Optional<InetSocketAddress> tcpAddress() {
        return Optional.ofNullable(tcp).map(Listener::address);
    }

    /** Returns the bound TLS address (with the port the OS gave), empty when TLS is off. */
    public Optional<InetSocketAddress> tlsAddress() {
        return Optional.ofNullable(tls).map(Listener::address);
    }

    /** Returns the counters of every running listener now: UDP, TCP, TLS, in that order, those on. */
    public List<ListenerStats> stats() {
        return listeners().stream().map(Listener::stats).toList();
    }

    /** Stops like {@link #close(Duration)} with {@link #DEFAULT_GRACE}. */
    @Override
    public void close() {
        close(DEFAULT_GRACE);
    }

    /**
     * Stops accepting, lets the batches already read finish their offer for up to {@code grace}, then
     * closes every socket; batches still waiting for room after that are counted dropped. Idempotent.
     */
    public synchronized void close(Duration grace) {
        if (closed) {
            return;
        }
        closed = true;
        List<Listener> all = listeners();
        all.forEach(Listener::stopAccepting);
        Instant deadline = Instant.now().plus(grace);
        boolean idle = all.stream().allMatch(l -> l.awaitIdle(deadline));
        if (!idle) {
            LOG.warn("syslog: batches still waiting for the intake after {}; giving up on them", grace);
        }
        all.forEach(Listener::halt);
        Instant last = Instant.now().plusSeconds(1);
        all.forEach(l -> l.awaitIdle(last));
        LOG.info("syslog listeners stopped");
    }

    private List<Listener> listeners() {
        List<Listener> all = new ArrayList<>(3);
        if (udp != null) {
            all.add(udp);
        }
        if (tcp != null) {
            all.add(tcp);
        }
        if (tls != null) {
            all.add(tls);
        }
        return all;
    }
}
