package vn.lachan.bench;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Holds the harness's command line.
 *
 * @param rounds measured rounds; each runs both phases, their order alternating between rounds
 * @param warmup rounds run first and not counted, to let the JIT compile the hot paths
 * @param limit the most events read per phase; {@link Long#MAX_VALUE} for the whole corpus
 * @param json where to write the results as JSON; null for none
 * @param events the folder of event files (the OTRF corpus); null for the one the test kit finds
 */
record HarnessOptions(
        int rounds,
        int warmup,
        long limit,
        @Nullable Path json,
        @Nullable Path events) {
    static final String USAGE =
            "usage: HuntHarness [--rounds N] [--warmup N] [--limit EVENTS] [--json FILE] [EVENTS_FOLDER]";

    HarnessOptions {
        if (rounds < 1 || warmup < 0 || limit < 1) {
            throw new IllegalArgumentException("need --rounds >= 1, --warmup >= 0 and --limit >= 1\n" + USAGE);
        }
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with the usage on a bad one. */
    static HarnessOptions parse(List<String> args) {
        HarnessArgs a = HarnessArgs.parse(args, 3, 1, USAGE);
        return new HarnessOptions(a.rounds, a.warmup, a.limit, a.json, a.events);
    }
}
