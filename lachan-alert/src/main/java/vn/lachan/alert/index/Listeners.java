package vn.lachan.alert.index;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.alert.AlertRecord;

/**
 * Holds the subscribers of the alert stream (copy-on-write: subscribing never blocks a write) and
 * hands them each written alert; a subscriber that throws is logged and skipped, the others still get
 * every alert.
 */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
    private final CopyOnWriteArrayList<Consumer<AlertRecord>> all = new CopyOnWriteArrayList<>();

    /** Adds the listener; closing the result removes this subscription only. */
    AutoCloseable add(Consumer<AlertRecord> listener) {
        Consumer<AlertRecord> own = listener::accept;
        all.add(own);
        return () -> all.remove(own);
    }

    void fire(List<AlertRecord> alerts) {
        for (Consumer<AlertRecord> listener : all) {
            int failed = 0;
            @Nullable RuntimeException first = null;
            for (AlertRecord alert : alerts) {
                try {
                    listener.accept(alert);
                } catch (RuntimeException e) {
                    failed++;
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                LOG.warn(
                        "an alert subscriber failed on {} of {} alerts; the alerts are stored",
                        failed,
                        alerts.size(),
                        first);
            }
        }
    }

    int size() {
        return all.size();
    }
}
