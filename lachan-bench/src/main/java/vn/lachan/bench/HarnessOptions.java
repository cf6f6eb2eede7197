package vn.lachan.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
        int rounds = 3;
        int warmup = 1;
        long limit = Long.MAX_VALUE;
        Path json = null;
        Path events = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--rounds" -> rounds = (int) number(args, ++i, arg);
                case "--warmup" -> warmup = (int) number(args, ++i, arg);
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
        return new HarnessOptions(rounds, warmup, limit, json, events);
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
            return Long.parseLong(text.toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " needs a whole number, got '" + args.get(i) + "'\n" + USAGE, e);
        }
    }
}
