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
        int rounds = 1;
        long limit = Long.MAX_VALUE;
        Path json = null;
        Path events = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--rounds" -> rounds = (int) number(args, ++i, arg);
                case "--limit" -> limit = number(args, ++i, arg);
                case "--json" -> json = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-") || events != null) {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
                    }
                    events = Path.of(arg);
                }
            }
        }
        return new StoreOptions(rounds, limit, json, events);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }

    private static long number(List<String> args, int i, String option) {
        String text = value(args, i, option).replace("_", "").replace(",", "");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " needs a whole number, got '" + args.get(i) + "'\n" + USAGE, e);
        }
    }
}
