package vn.lachan.web.event;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.EventStore;
import vn.lachan.core.store.ExportFormat;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.security.access.Permission;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.web.ExportEncryption;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.RequestBodies;
import vn.lachan.web.internal.RouteTable;

/**
 * Serves the event search API: {@code POST /api/v1/events/search}, {@code GET /api/v1/events/{id}} and
 * {@code POST /api/v1/events/export?format=ndjson|csv[&recipient=NAME]}, which streams the store's export into
 * the response without holding the result (encrypted and signed when recipients are named; see
 * {@code GET /api/v1/events/export/keys}). A query that cannot be read is a 400 problem with its position; a query the
 * store refuses (a limit, a value of the wrong type for its field) is a 422 problem with the store's reason.
 * Thread-safe.
 */
public final class EventRoutes {
    private static final List<String> DEFAULT_COLUMNS = List.of("@timestamp", "_id", "message");

    private final EventStore events;
    private final EventExport exports;
    private final RequestBodies bodies;
    private final JsonCodec json;

    /**
     * Creates the routes over {@code events}.
     *
     * @param encryption to whom exports may be encrypted
     * @param audit where every export is recorded
     */
    public EventRoutes(
            EventStore events, ExportEncryption encryption, AuditTrail audit, RequestBodies bodies, JsonCodec json) {
        this.events = events;
        this.exports = new EventExport(events, encryption, audit);
        this.bodies = bodies;
        this.json = json;
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        routes.post("/api/v1/events/search", Access.requires(Permission.EVENTS_READ), this::search);
        routes.post("/api/v1/events/export", Access.requires(Permission.EVENTS_EXPORT), this::export);
        routes.get("/api/v1/events/export/keys", Access.requires(Permission.EVENTS_EXPORT), this::keys);
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
        @Nullable String param = ctx.queryParam("format");
        String format = param == null ? "ndjson" : param.toLowerCase(Locale.ROOT);
        if (!format.equals("ndjson") && !format.equals("csv")) {
            throw ApiProblem.invalidField("format", "'ndjson' or 'csv' is expected, not '" + param + "'");
        }
        List<String> recipients = exports.recipients(ctx);
        SearchBody body = json.read(bodies.read(ctx), SearchBody.class);
        Caller caller = Caller.of(ctx);
        SearchRequest request =
                SearchBodies.request(body).restrictedTo(caller.visibility().storeFilter());
        ExportFormat exportFormat =
                format.equals("csv") ? new ExportFormat.Csv(columns(ctx, body)) : new ExportFormat.Ndjson();
        exports.run(ctx, body, request, format, exportFormat, recipients);
    }

    private void keys(Context ctx) {
        ctx.contentType("application/json").result(json.write(exports.keys()));
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

    static ApiProblem refused(String what, List<Problem> errors) {
        return ApiProblem.of(
                        422,
                        "query-refused",
                        "Query refused",
                        "the store cannot run this " + what + ": "
                                + errors.getFirst().message())
                .with("errors", ResultViews.problems(errors));
    }
}
