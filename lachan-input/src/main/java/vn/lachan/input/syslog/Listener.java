package vn.lachan.input.syslog;

import java.net.InetSocketAddress;
import java.time.Instant;

/** One running syslog listener, stopped in steps so that batches in flight finish their offer. */
interface Listener {
    /** Returns the address the listener is bound to, with the port it got. */
    InetSocketAddress address();

    /** Returns the listener's counters now. */
    ListenerStats stats();

    /** Stops taking new connections and datagrams; batches already read still go to the intake. */
    void stopAccepting();

    /** Waits until every batch in flight has had its answer or {@code deadline} passes; returns whether done. */
    boolean awaitIdle(Instant deadline);

    /** Gives up on batches still waiting for room in the intake (counting them dropped) and closes all. */
    void halt();
}
