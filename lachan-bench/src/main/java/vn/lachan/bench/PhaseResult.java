package vn.lachan.bench;

import java.util.Objects;

/**
 * Holds one measured pass over the events.
 *
 * @param phase what the pass did
 * @param round the round it belongs to, from 1 (0 for warm-up)
 * @param events events delivered to the phase
 * @param nanos wall time of the pass
 * @param alerts alerts the engine reported (0 in the parse-only phase)
 * @param problems problems the reader reported (malformed events, unreadable content)
 * @param skipped archive members and folder entries that are not event files
 * @param loadBefore the one-minute load average when the pass began
 * @param loadAfter the one-minute load average when it ended
 */
record PhaseResult(
        Phase phase,
        int round,
        long events,
        long nanos,
        long alerts,
        long problems,
        long skipped,
        double loadBefore,
        double loadAfter) {
    PhaseResult {
        Objects.requireNonNull(phase, "phase");
        if (nanos <= 0) {
            throw new IllegalArgumentException("a pass takes time, got " + nanos + " ns");
        }
    }

    double seconds() {
        return nanos / 1e9;
    }

    double eventsPerSecond() {
        return events / seconds();
    }
}
