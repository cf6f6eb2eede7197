package vn.lachan.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Holds the store harness's command line.
 *
 * @param rounds measured rounds; each runs both phases, their order alternating between rounds
 * @param limit the most events read per phase; {@link Long#MAX_VALUE} for the whole corpus
 * @param json where to write the results as JSON; null for none
 * @param events the folder of event files; null for the OTRF Windows corpus the test kit finds
 * @param fill with {@code --fill N}: instead of the indexing rounds, fill the store in {@code data} to
 *     at least N events (replaying the corpus with shifted times) and time the queries on it; 0 for none
 * @param data the data folder that {@code --fill} builds and reuses when present; null unless filling
 * @param storeOnly with {@code --store-only}: hold the first {@code limit} events in memory and time only
 *     the writes to a fresh store, {@code rounds} times (see {@link StoreOnly})
 * @param seal with {@code --seal} (only with {@code --fill}): seal every partition of the filled store
 *     (merged to one segment, its manifest written) before the queries, as the store does to closed days
 * @param rebuild with {@code --rebuild}: open the store with the function that rebuilds the fields from
 *     the original text, which it then stores alone (ADR 0002); without it, the store keeps the fields
 *     beside the original, as {@code lachan serve} runs it
 * @param commitEvery with {@code --commit-every N} (only with {@code --store-only}): commit after every N
 *     events written (the store's timer off), as {@code lachan serve} at a steady rate commits every
 *     second, so that each round includes the small segments commits flush and the merges they cause;
 *     0 for the store's own 1 s cadence
 */
record StoreOptions(
        int rounds,
        long limit,
        @Nullable Path json,
        @Nullable Path events,
        long fill,
        @Nullable Path data,
        boolean storeOnly,
        boolean seal,
        boolean rebuild,
        long commitEvery) {
    static final String USAGE =
            "usage: StoreHarness [--rebuild] [--rounds N] [--limit EVENTS] [--json FILE] [EVENTS_FOLDER]\n"
                    + "       StoreHarness --fill EVENTS --data FOLDER [--rebuild] [--seal] [--json FILE] [EVENTS_FOLDER]\n"
                    + "       StoreHarness --store-only [--rebuild] [--commit-every EVENTS] [--rounds N] [--limit EVENTS]"
                    + " [EVENTS_FOLDER]\n"
                    + "  --rebuild: store the original text only, the fields rebuilt from it on reading;\n"
                    + "             without it the fields are stored too, as `lachan serve` does";

    StoreOptions {
        if (rounds < 1 || limit < 1 || fill < 0) {
            throw new IllegalArgumentException("need --rounds >= 1, --limit >= 1 and --fill >= 0\n" + USAGE);
        }
        if ((fill > 0) != (data != null)) {
            throw new IllegalArgumentException("--fill and --data go together\n" + USAGE);
        }
        if (seal && fill == 0) {
            throw new IllegalArgumentException("--seal goes with --fill\n" + USAGE);
        }
        if (commitEvery < 0 || (commitEvery > 0 && !storeOnly)) {
            throw new IllegalArgumentException(
                    "--commit-every takes a positive count and goes with --store-only\n" + USAGE);
        }
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with the usage on a bad one. */
    static StoreOptions parse(List<String> args) {
        List<String> rest = new ArrayList<>();
        long fill = 0;
        Path data = null;
        boolean storeOnly = false;
        boolean seal = false;
        boolean rebuild = false;
        long commitEvery = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean hasValue = i + 1 < args.size();
            if (arg.equals("--fill") && hasValue) {
                fill = count("--fill", args.get(++i));
            } else if (arg.equals("--store-only")) {
                storeOnly = true;
            } else if (arg.equals("--rebuild")) {
                rebuild = true;
            } else if (arg.equals("--seal")) {
                seal = true;
            } else if (arg.equals("--commit-every") && hasValue) {
                commitEvery = count("--commit-every", args.get(++i));
            } else if (arg.equals("--data") && hasValue) {
                data = Path.of(args.get(++i));
            } else {
                rest.add(arg);
            }
        }
        HarnessArgs a = HarnessArgs.parse(rest, 1, null, USAGE);
        return new StoreOptions(a.rounds, a.limit, a.json, a.events, fill, data, storeOnly, seal, rebuild, commitEvery);
    }

    private static long count(String option, String text) {
        try {
            return Long.parseLong(text.replace("_", "").replace(",", "").toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'\n" + USAGE, e);
        }
    }
}
