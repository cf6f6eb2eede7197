package vn.lachan.web.event;

import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.EventStore;
import vn.lachan.core.store.ExportFormat;
import vn.lachan.core.store.ExportSummary;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.security.access.Permission;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.RequestBodies;
import vn.lachan.web.internal.RouteTable;

/**
 * Serves the event search API: {@code POST /api/v1/events/search}, {@code GET /api/v1/events/{id}} and
 * {@code POST /api/v1/events/export?format=ndjson|csv}, which streams the store's export into the response
 * without holding the result. A query that cannot be read is a 400 problem with its position; a query the
 * store refuses (a limit, a value of the wrong type for its field) is a 422 problem with the store's reason.
 * Thread-safe.
 */
public final class EventRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(EventRoutes.class);
    private static final List<String> DEFAULT_COLUMNS = List.of("@timestamp", "_id", "message");

    private final EventStore events;
    private final RequestBodies bodies;
    private final JsonCodec json;

    /** Creates the routes over {@code events}. */
    public EventRoutes(EventStore events, RequestBodies bodies, JsonCodec json) {
        this.events = events;
        this.bodies = bodies;
        this.json = json;
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        routes.post("/api/v1/events/search", Access.requires(Permission.EVENTS_READ), this::search);
        routes.post("/api/v1/events/export", Access.requires(Permission.EVENTS_EXPORT), this::export);
        routes.get("/api/v1/events/{id}", Access.requires(Permission.EVENTS_READ), this::one);
    }

    private void search(Context ctx) {
        SearchRequest request = SearchBodies.request(json.read(bodies.read(ctx), SearchBody.class))
                .restrictedTo(Caller.of(ctx).visibility().storeFilter());
        SearchResult result = events.search(request);
        if (!result.errors().isEmpty()) {
            throw refused("search", result.errors());
        }
        ctx.contentType("application/json").result(json.write(ResultViews.result(result)));
    }

    private void one(Context ctx) {
        String text = ctx.pathParam("id");
        EventId id = EventId.parse(text.toLowerCase(Locale.ROOT))
                .orElseThrow(() ->
                        ApiProblem.invalidField("id", "an event id is 32 hexadecimal digits, not '" + text + "'"));
        // another organization's event is answered exactly as a missing one
        Caller caller = Caller.of(ctx);
        var event = events.get(id)
                .filter(e -> caller.sees(e.organization()))
                .orElseThrow(() -> ApiProblem.of(404, "event-not-found", "Event not found", "there is no event " + id));
        ctx.contentType("application/json").result(json.write(ResultViews.event(event)));
    }

    private void export(Context ctx) {
        String format = ctx.queryParam("format") == null ? "ndjson" : ctx.queryParam("format");
        SearchBody body = json.read(bodies.read(ctx), SearchBody.class);
        Caller caller = Caller.of(ctx);
        SearchRequest request =
                SearchBodies.request(body).restrictedTo(caller.visibility().storeFilter());
        ExportBody out = switch (String.valueOf(format).toLowerCase(Locale.ROOT)) {
            case "ndjson" -> new ExportBody(ctx, "application/x-ndjson; charset=utf-8", "events.ndjson");
            case "csv" -> new ExportBody(ctx, "text/csv; charset=utf-8", "events.csv");
            default -> throw ApiProblem.invalidField("format", "'ndjson' or 'csv' is expected, not '" + format + "'");
        };
        ExportFormat exportFormat =
                "csv".equalsIgnoreCase(format) ? new ExportFormat.Csv(columns(ctx, body)) : new ExportFormat.Ndjson();
        ExportSummary summary;
        try {
            summary = events.export(request, exportFormat, out);
            if (summary.errors().isEmpty() || out.started()) {
                out.finish();
            }
        } catch (UncheckedIOException | java.io.IOException e) {
            LOG.debug("export to {} ended early: {}", ctx.ip(), e.toString());
            return;
        }
        if (!summary.errors().isEmpty()) {
            if (!out.started()) {
                throw refused("export", summary.errors());
            }
            LOG.warn("export to {} cut short after {} events: {}", ctx.ip(), summary.events(), summary.errors());
        }
        if (!summary.warnings().isEmpty()) {
            LOG.warn("export of {} events was partial: {}", summary.events(), summary.warnings());
        }
    }

    private static List<String> columns(Context ctx, SearchBody body) {
        @Nullable String param = ctx.queryParam("columns");
        List<String> columns = param != null
                ? Arrays.stream(param.split(",", -1))
                        .map(String::strip)
                        .filter(c -> !c.isEmpty())
                        .toList()
                : body.columns();
        if (columns == null) {
            return DEFAULT_COLUMNS;
        }
        if (columns.isEmpty()) {
            throw ApiProblem.invalidField("columns", "a CSV export needs at least one column");
        }
        return columns;
    }

    private static ApiProblem refused(String what, List<Problem> errors) {
        return ApiProblem.of(
                        422,
                        "query-refused",
                        "Query refused",
                        "the store cannot run this " + what + ": "
                                + errors.getFirst().message())
                .with("errors", ResultViews.problems(errors));
    }
}
