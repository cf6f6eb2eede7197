package vn.lachan.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the command line the harnesses share: {@code --rounds}, {@code --warmup} (where the
 * harness has warm-up rounds), {@code --limit}, {@code --json} and an optional events folder.
 */
final class HarnessArgs {
    int rounds;
    int warmup;
    long limit = Long.MAX_VALUE;

    @Nullable
    Path json;

    @Nullable
    Path events;

    private final String usage;

    private HarnessArgs(int rounds, int warmup, String usage) {
        this.rounds = rounds;
        this.warmup = warmup;
        this.usage = usage;
    }

    /**
     * Parses the arguments over the defaults; throws {@link IllegalArgumentException} with the usage
     * on a bad one. {@code warmup} is null for a harness that takes no {@code --warmup}.
     */
    static HarnessArgs parse(List<String> args, int rounds, @Nullable Integer warmup, String usage) {
        HarnessArgs parsed = new HarnessArgs(rounds, warmup == null ? 0 : warmup, usage);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--rounds" -> parsed.rounds = (int) parsed.number(args, ++i, arg);
                case "--warmup" -> {
                    if (warmup == null) {
                        throw parsed.unexpected(arg);
                    }
                    parsed.warmup = (int) parsed.number(args, ++i, arg);
                }
                case "--limit" -> parsed.limit = parsed.number(args, ++i, arg);
                case "--json" -> parsed.json = Path.of(parsed.value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-") || parsed.events != null) {
                        throw parsed.unexpected(arg);
                    }
                    parsed.events = Path.of(arg);
                }
            }
        }
        return parsed;
    }

    private IllegalArgumentException unexpected(String arg) {
        return new IllegalArgumentException("unexpected argument '" + arg + "'\n" + usage);
    }

    private String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + usage);
        }
        return args.get(i);
    }

    private long number(List<String> args, int i, String option) {
        String text = value(args, i, option).replace("_", "").replace(",", "");
        try {
            return Long.parseLong(text.toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " needs a whole number, got '" + args.get(i) + "'\n" + usage, e);
        }
    }
}
