package vn.lachan.app.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.lachan.core.query.ParsedQuery;
import vn.lachan.core.query.QueryError;
import vn.lachan.core.query.QueryParser;
import vn.lachan.core.store.Aggregation;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.store.LuceneEventStore;

/** Searches the event store: the {@code lachan search} command. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Search the event store at --data and print the newest matching events, the total and top values.",
            "",
            "QUERY is in Lachan's query language (field:value, \"phrases\", wildcards, ranges, AND OR NOT);"
                    + " an empty query matches every event. Warnings (damaged partitions left out) go to"
                    + " standard error.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the search ran",
            "2:bad usage, a query that does not parse or that the store refuses, or DIR is not a store",
            "3:internal error (a bug: please report it with the message)"
        })
final class SearchCommand implements Callable<Integer> {
    /** Tells how hits are printed. */
    enum Format {
        TABLE,
        JSONL
    }

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The store's data folder.")
    private Path data = Path.of(".");

    @Option(
            names = "--from",
            paramLabel = "T",
            description = "First time included: ISO instant, date (2020-06-10, UTC) or relative (-7d, -24h).")
    private @Nullable String from;

    @Option(names = "--to", paramLabel = "T", description = "First time excluded, written as for --from.")
    private @Nullable String to;

    @Option(
            names = "--size",
            defaultValue = "20",
            paramLabel = "N",
            description = "Hits to print, newest first (default: ${DEFAULT-VALUE}; 0 for the total only).")
    private int size;

    @Option(
            names = "--format",
            paramLabel = "table|jsonl",
            description = "Output format; default: table on a terminal, jsonl otherwise.")
    private @Nullable Format format;

    @Option(names = "--top", paramLabel = "FIELD", description = "Print the 10 most frequent values of FIELD.")
    private List<String> top = new ArrayList<>();

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query (words are joined by spaces).")
    private List<String> query = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    SearchCommand(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        ParsedQuery parsed = QueryParser.parse(String.join(" ", query));
        if (!parsed.ok()) {
            for (QueryError error : parsed.errors()) {
                err.println("lachan search: the query does not parse at " + error);
            }
            return StoreCommands.BAD_INPUT;
        }
        SearchRequest request = request(parsed);
        if (request == null) {
            return StoreCommands.BAD_INPUT;
        }
        try (LuceneEventStore store = StoreCommands.openExisting(data, "search", err)) {
            if (store == null) {
                return StoreCommands.BAD_INPUT;
            }
            SearchResult result = store.search(request);
            StoreCommands.warn(result.warnings(), "search", err);
            if (!result.errors().isEmpty()) {
                result.errors().forEach(p -> err.println("lachan search: " + p));
                return StoreCommands.BAD_INPUT;
            }
            Format chosen = format != null ? format : terminal ? Format.TABLE : Format.JSONL;
            new HitPrinter(chosen == Format.TABLE ? out : err, out).print(result, chosen == Format.TABLE);
        }
        return StoreCommands.OK;
    }

    private @Nullable SearchRequest request(ParsedQuery parsed) {
        Instant now = Instant.now();
        Instant start = from == null ? null : Times.parse(from, now);
        Instant end = to == null ? null : Times.parse(to, now);
        if ((from != null && start == null) || (to != null && end == null)) {
            err.println("lachan search: --from and --to take an ISO instant (2020-06-10T02:50:00Z), a date"
                    + " (2020-06-10) or a relative time (-7d, -24h, -30m)");
            return null;
        }
        if (size < 0 || (start != null && end != null && !start.isBefore(end))) {
            err.println("lachan search: --size must be 0 or more and --from before --to");
            return null;
        }
        List<Aggregation> aggregations = top.stream()
                .map(f -> (Aggregation) new Aggregation.Terms(f, f, 10))
                .toList();
        return new SearchRequest(
                parsed.result().orElseThrow(), start, end, SearchRequest.Order.NEWEST_FIRST, size, null, aggregations);
    }
}
