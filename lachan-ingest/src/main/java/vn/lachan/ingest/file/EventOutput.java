package vn.lachan.ingest.file;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;

/** Delivers events and problems to their consumers and counts them; counts are thread-safe. */
final class EventOutput {
    private final Consumer<SourcedEvent> events;
    private final Consumer<Problem> problems;
    private final Tally tally;
    private final boolean keepsText;

    EventOutput(Consumer<SourcedEvent> events, Consumer<Problem> problems, Tally tally, boolean keepsText) {
        this.events = events;
        this.problems = problems;
        this.tally = tally;
        this.keepsText = keepsText;
    }

    /** Tells whether the readers should give each event its original text (it costs a copy per event). */
    boolean keepsText() {
        return keepsText;
    }

    void event(String source, long index, Map<String, @Nullable Object> fields, @Nullable String raw) {
        tally.events.increment();
        events.accept(new SourcedEvent(source, index, fields, raw));
    }

    /** Delivers an event read elsewhere (the EVTX reader) and counts it. */
    void deliver(SourcedEvent event) {
        tally.events.increment();
        events.accept(event);
    }

    /** Reports a problem found elsewhere (the EVTX reader), counted as a parse error. */
    void problem(Problem problem) {
        tally.parseErrors.increment();
        problems.accept(problem);
    }

    /** Reports a malformed event or unreadable content, counted as a parse error. */
    void parseError(String source, String location, String message) {
        tally.parseErrors.increment();
        problems.accept(new Problem(source, location, message));
    }

    void skipped() {
        tally.skipped.increment();
    }

    void file() {
        tally.files.increment();
    }

    /** Holds the counts of a run; several outputs may share one. */
    static final class Tally {
        final LongAdder files = new LongAdder();
        final LongAdder events = new LongAdder();
        final LongAdder parseErrors = new LongAdder();
        final LongAdder skipped = new LongAdder();

        ReadCounts snapshot() {
            return new ReadCounts(files.sum(), events.sum(), parseErrors.sum(), skipped.sum());
        }
    }
}
