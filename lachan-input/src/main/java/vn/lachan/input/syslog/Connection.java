package vn.lachan.input.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.RawRecord;

/**
 * Reads one syslog connection on its own virtual thread: the frames of each read go to the intake as one
 * batch, and nothing more is read until the intake has accepted it (backpressure reaches the sender
 * through TCP flow control).
 */
final class Connection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final int READ_BUFFER = 64 * 1024;
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ROOM_WAIT = Duration.ofMillis(500);

    private final StreamListener listener;
    private final Socket socket;
    private final String peer;
    private final FrameDecoder decoder;
    private final Thread thread;

    Connection(StreamListener listener, Socket socket) {
        this.listener = listener;
        this.socket = socket;
        this.peer = socket.getInetAddress().getHostAddress();
        this.decoder = new FrameDecoder(listener.config.maxMessageBytes());
        this.thread = Thread.ofVirtual()
                .name(listener.input + "-" + peer + ":" + socket.getPort())
                .unstarted(this);
    }

    void start() {
        thread.start();
    }

    boolean join(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    void closeSocket() {
        StreamListener.closeQuietly(socket);
    }

    @Override
    public void run() {
        List<Frame> frames = new ArrayList<>();
        // the socket closes only after the last frames are in the journal: a sender that sees the
        // connection end knows everything it sent before was taken
        try {
            if (handshake()) {
                read(frames);
            }
        } catch (SocketTimeoutException e) {
            LOG.debug("{} closed the idle connection from {}", listener.input, peer);
        } catch (IOException e) {
            LOG.debug("{} connection from {} ended: {}", listener.input, peer, e.toString());
        } finally {
            decoder.finish(frames);
            deliver(frames);
            closeSocket();
            listener.ended(this);
        }
    }

    private boolean handshake() throws IOException {
        int idle = (int) listener.config.idleTimeout().toMillis();
        if (socket instanceof SSLSocket tls) {
            tls.setSoTimeout((int) Math.min(idle, HANDSHAKE_TIMEOUT.toMillis()));
            try {
                tls.startHandshake();
            } catch (IOException e) {
                listener.counters.handshakeFailures.increment();
                LOG.warn("{}: the TLS handshake with {} failed: {}", listener.input, peer, e.toString());
                return false;
            }
        }
        socket.setSoTimeout(idle);
        return true;
    }

    private void read(List<Frame> frames) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[READ_BUFFER];
        int n;
        while ((n = readSome(in, buffer)) >= 0) {
            listener.counters.bytes.add(n);
            decoder.feed(buffer, 0, n, frames);
            if (!deliver(frames)) {
                return;
            }
        }
    }

    private static int readSome(InputStream in, byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (SSLException e) {
            // A TLS peer that closes without close_notify is common among syslog senders: treat as the end.
            LOG.debug("TLS stream ended: {}", e.toString());
            return -1;
        }
    }

    /** Offers the frames as one batch until the intake takes them; returns false when it never will. */
    private boolean deliver(List<Frame> frames) {
        if (frames.isEmpty()) {
            return true;
        }
        Counters counters = listener.counters;
        counters.countFrames(frames);
        Instant now = Instant.now();
        String format = listener.config.format();
        List<RawRecord> batch = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            batch.add(f.toRecord(now, listener.input, peer, format));
        }
        frames.clear();
        Admission admission = offer(batch);
        if (admission == Admission.ACCEPTED) {
            counters.accepted.add(batch.size());
            return true;
        }
        counters.dropped.add(batch.size());
        LOG.warn(
                "{}: {} messages from {} were not taken: the intake is {}",
                listener.input,
                batch.size(),
                peer,
                admission);
        return false;
    }

    private Admission offer(List<RawRecord> batch) {
        while (true) {
            Admission admission;
            try {
                admission = listener.intake.offer(batch);
            } catch (RuntimeException e) {
                LOG.error("{}: the intake failed on {} messages from {}", listener.input, batch.size(), peer, e);
                return Admission.CLOSED;
            }
            if (admission != Admission.FULL || listener.halted()) {
                return admission;
            }
            listener.intake.awaitRoom(ROOM_WAIT);
        }
    }
}
