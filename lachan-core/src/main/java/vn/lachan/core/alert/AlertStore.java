package vn.lachan.core.alert;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps alerts durably, finds them and streams every change to subscribers: the port the embedded
 * alert index implements.
 *
 * <p>Implementations are thread-safe: one pipeline thread writes, any number of threads search and
 * subscribe. Problems in a query (a bad cursor) are {@link IllegalArgumentException}s that name the
 * value; other exceptions mean a broken disk or a bug.
 */
public interface AlertStore extends AutoCloseable {
    /**
     * Stores the alerts (replacing any stored alert with the same id) and returns once they are durable
     * together with {@code position}, the journal position they cover; then hands each to the
     * subscribers.
     */
    void write(List<AlertRecord> alerts, long position);

    /** Returns the journal position of the last durable write, or -1 when none was written. */
    long durablePosition();

    /** Returns one page of the alerts that match. */
    AlertPage search(AlertQuery query);

    /** Returns the alert with this id, or empty when there is none. */
    Optional<AlertRecord> get(String id);

    /**
     * Calls {@code listener} with every alert written from now on, on the writing thread (the listener
     * must not block); closing the returned handle ends the subscription.
     */
    AutoCloseable subscribe(Consumer<AlertRecord> listener);

    /** Commits and releases every file; the store is unusable afterwards. */
    @Override
    void close();
}
