package vn.lachan.core.intake;

import java.time.Duration;
import java.util.List;

/**
 * Takes raw records from the inputs into durable storage before they are acknowledged: the port the
 * journal implements.
 *
 * <p>Implementations are thread-safe: every input thread offers concurrently, and concurrent offers
 * share one disk flush (group commit).
 */
public interface Intake {
    /**
     * Appends the records durably, all or none, and returns once they are on disk ({@link
     * Admission#ACCEPTED}); never blocks on a full journal but answers {@link Admission#FULL} at once.
     */
    Admission offer(List<RawRecord> records);

    /**
     * Appends the records of {@code lines} as {@link #offer(List)} does; an implementation may take them
     * from the body without a copy of each. The default hands their {@link RawLines#records()} over.
     */
    default Admission offer(RawLines lines) {
        return offer(lines.records());
    }

    /**
     * Waits until the journal has room below its budget again or {@code timeout} passes; returns
     * whether there is room (false also when the intake is closed).
     */
    boolean awaitRoom(Duration timeout);
}
