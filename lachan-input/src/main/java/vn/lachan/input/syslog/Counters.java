package vn.lachan.input.syslog;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counts what one listener does; thread-safe, written by every connection of the listener. */
final class Counters {
    final LongAdder received = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder oversize = new LongAdder();
    final LongAdder frameErrors = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final AtomicLong connectionsOpen = new AtomicLong();
    final LongAdder connectionsRefused = new LongAdder();
    final LongAdder handshakeFailures = new LongAdder();
    final LongAdder bytes = new LongAdder();

    /** Counts a batch of frames as received, sorting the faulty ones. */
    void countFrames(List<Frame> frames) {
        received.add(frames.size());
        for (Frame f : frames) {
            switch (f.fault()) {
                case OVERSIZE -> oversize.increment();
                case FRAMING -> frameErrors.increment();
                case NONE -> {}
            }
        }
    }

    ListenerStats snapshot(String input, InetSocketAddress address, int receiveBufferBytes) {
        return new ListenerStats(
                input,
                address,
                received.sum(),
                accepted.sum(),
                oversize.sum(),
                frameErrors.sum(),
                dropped.sum(),
                connectionsOpen.get(),
                connectionsRefused.sum(),
                handshakeFailures.sum(),
                bytes.sum(),
                receiveBufferBytes);
    }
}
