package vn.lachan.input.syslog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.Intake;
import vn.lachan.core.intake.RawRecord;

/**
 * Receives syslog datagrams (RFC 5426, one message per datagram) on one platform thread, offering what
 * the socket has ready as one batch; UDP cannot push back, so datagrams the intake has no room for are
 * counted as dropped.
 */
final class DatagramListener implements Listener {
    static final String INPUT = "syslog-udp";
    private static final Logger LOG = LoggerFactory.getLogger(DatagramListener.class);
    /** Ask for this much receive buffer; the OS grants up to its own maximum (net.core.rmem_max). */
    private static final int WANTED_RECEIVE_BUFFER = 64 * 1024 * 1024;

    private static final int MAX_BATCH = 4096;

    private final DatagramChannel channel;
    private final Selector selector;
    private final Intake intake;
    private final SyslogConfig config;
    private final InetSocketAddress address;
    private final int receiveBuffer;
    private final Counters counters = new Counters();
    private final byte[] scratch;
    private final Thread thread;
    private volatile boolean closing;

    private DatagramListener(DatagramChannel channel, Selector selector, Intake intake, SyslogConfig config)
            throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.intake = intake;
        this.config = config;
        this.address = (InetSocketAddress) channel.getLocalAddress();
        this.receiveBuffer = channel.getOption(StandardSocketOptions.SO_RCVBUF);
        this.scratch = new byte[config.maxMessageBytes() + 1];
        this.thread = Thread.ofPlatform().name(INPUT).daemon().unstarted(this::receiveLoop);
    }

    /** Binds the UDP socket and starts receiving. */
    static DatagramListener start(InetSocketAddress bind, Intake intake, SyslogConfig config) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, WANTED_RECEIVE_BUFFER);
            channel.bind(bind);
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            DatagramListener listener = new DatagramListener(channel, selector, intake, config);
            listener.thread.start();
            LOG.info(
                    "{} listening on {} with a {} byte receive buffer",
                    INPUT,
                    listener.address,
                    listener.receiveBuffer);
            return listener;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public ListenerStats stats() {
        return counters.snapshot(INPUT, address, receiveBuffer);
    }

    private void receiveLoop() {
        try {
            while (!closing) {
                selector.select();
                selector.selectedKeys().clear();
                List<RawRecord> batch = drain();
                if (!batch.isEmpty()) {
                    offer(batch);
                }
            }
        } catch (IOException e) {
            if (!closing) {
                LOG.error("{} on {} stopped receiving: {}", INPUT, address, e.toString());
                throw new UncheckedIOException(e);
            }
        }
    }

    private List<RawRecord> drain() throws IOException {
        List<RawRecord> batch = new ArrayList<>();
        Instant now = Instant.now();
        ByteBuffer buffer = ByteBuffer.wrap(scratch);
        while (batch.size() < MAX_BATCH) {
            buffer.clear();
            SocketAddress source = channel.receive(buffer);
            if (source == null) {
                break;
            }
            int length = buffer.position();
            counters.bytes.add(length);
            RawRecord record =
                    toRecord(now, ((InetSocketAddress) source).getAddress().getHostAddress(), length);
            if (record != null) {
                batch.add(record);
            }
        }
        return batch;
    }

    private @Nullable RawRecord toRecord(Instant now, String peer, int length) {
        int limit = config.maxMessageBytes();
        boolean oversize = length > limit;
        byte[] payload = Arrays.copyOf(scratch, Frame.trimmedLength(scratch, 0, Math.min(length, limit)));
        if (payload.length == 0 && !oversize) {
            return null; // an empty datagram holds no message
        }
        counters.received.increment();
        String problem = "";
        if (oversize) {
            counters.oversize.increment();
            problem = "a datagram longer than the limit of " + limit + " bytes: the first " + limit
                    + " bytes are kept and the rest is dropped";
        }
        return new RawRecord(now, INPUT, peer, config.format(), "", payload, problem);
    }

    private void offer(List<RawRecord> batch) {
        Admission admission;
        try {
            admission = intake.offer(batch);
        } catch (RuntimeException e) {
            LOG.error("{}: the intake failed on {} datagrams", INPUT, batch.size(), e);
            admission = Admission.CLOSED;
        }
        if (admission == Admission.ACCEPTED) {
            counters.accepted.add(batch.size());
        } else {
            counters.dropped.add(batch.size());
            LOG.debug("{}: dropped {} datagrams: the intake is {}", INPUT, batch.size(), admission);
        }
    }

    @Override
    public void stopAccepting() {
        closing = true;
        selector.wakeup();
    }

    @Override
    public boolean awaitIdle(Instant deadline) {
        try {
            boolean done = thread.join(StreamListener.until(deadline));
            if (done) {
                StreamListener.closeQuietly(selector);
                StreamListener.closeQuietly(channel);
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void halt() {
        stopAccepting();
        StreamListener.closeQuietly(selector);
        StreamListener.closeQuietly(channel);
    }
}
