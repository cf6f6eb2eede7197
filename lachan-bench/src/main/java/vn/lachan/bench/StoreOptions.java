package vn.lachan.bench;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Holds the store harness's command line.
 *
 * @param rounds measured rounds; each runs both phases, their order alternating between rounds
 * @param limit the most events read per phase; {@link Long#MAX_VALUE} for the whole corpus
 * @param json where to write the results as JSON; null for none
 * @param events the folder of event files; null for the OTRF Windows corpus the test kit finds
 */
record StoreOptions(
        int rounds,
        long limit,
        @Nullable Path json,
        @Nullable Path events) {
    static final String USAGE = "usage: StoreHarness [--rounds N] [--limit EVENTS] [--json FILE] [EVENTS_FOLDER]";

    StoreOptions {
        if (rounds < 1 || limit < 1) {
            throw new IllegalArgumentException("need --rounds >= 1 and --limit >= 1\n" + USAGE);
        }
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with the usage on a bad one. */
    static StoreOptions parse(List<String> args) {
        HarnessArgs a = HarnessArgs.parse(args, 1, null, USAGE);
        return new StoreOptions(a.rounds, a.limit, a.json, a.events);
    }
}
