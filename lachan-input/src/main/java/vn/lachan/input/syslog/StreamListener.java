package vn.lachan.input.syslog;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.intake.Intake;

/**
 * Accepts syslog connections over TCP or TLS, each read by its own named virtual thread, up to a cap.
 */
final class StreamListener implements Listener {
    private static final Logger LOG = LoggerFactory.getLogger(StreamListener.class);

    final String input;
    final Intake intake;
    final SyslogConfig config;
    final Counters counters = new Counters();
    private final ServerSocket server;
    private final InetSocketAddress address;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closing;
    private volatile boolean halted;

    private StreamListener(String input, ServerSocket server, Intake intake, SyslogConfig config) {
        this.input = input;
        this.server = server;
        this.intake = intake;
        this.config = config;
        this.address = (InetSocketAddress) server.getLocalSocketAddress();
        this.acceptor = Thread.ofVirtual().name(input + "-accept").unstarted(this::acceptLoop);
    }

    /** Starts accepting on a bound server socket; the listener owns the socket from now on. */
    static StreamListener start(String input, ServerSocket server, Intake intake, SyslogConfig config) {
        StreamListener listener = new StreamListener(input, server, intake, config);
        listener.acceptor.start();
        LOG.info("{} listening on {}", input, listener.address);
        return listener;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public ListenerStats stats() {
        return counters.snapshot(input, address, 0);
    }

    /** Tells whether batches still waiting for room in the intake should give up. */
    boolean halted() {
        return halted;
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.warn("{} could not accept a connection on {}: {}", input, address, e.toString());
                    pause(); // e.g. out of file descriptors: do not spin
                }
                continue;
            }
            admit(socket);
        }
    }

    private void admit(Socket socket) {
        if (counters.connectionsOpen.incrementAndGet() > config.maxTcpConnections() || closing) {
            counters.connectionsOpen.decrementAndGet();
            counters.connectionsRefused.increment();
            LOG.debug(
                    "{} refused a connection from {}: {} are open",
                    input,
                    socket.getInetAddress(),
                    config.maxTcpConnections());
            closeQuietly(socket);
            return;
        }
        Connection connection = new Connection(this, socket);
        connections.add(connection);
        connection.start();
    }

    /** Forgets a connection that has ended. */
    void ended(Connection connection) {
        connections.remove(connection);
        counters.connectionsOpen.decrementAndGet();
    }

    @Override
    public void stopAccepting() {
        closing = true;
        closeQuietly(server);
        // A reader blocked in read() wakes with an exception; one busy offering finishes its offer first.
        connections.forEach(Connection::closeSocket);
    }

    @Override
    public boolean awaitIdle(Instant deadline) {
        try {
            if (!acceptor.join(until(deadline))) {
                return false;
            }
            for (Connection c : connections) {
                if (!c.join(until(deadline))) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void halt() {
        halted = true;
        stopAccepting();
    }

    static Duration until(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed: {}", closeable, e.toString());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
