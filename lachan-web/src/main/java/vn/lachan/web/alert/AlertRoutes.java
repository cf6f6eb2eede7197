package vn.lachan.web.alert;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.alert.AlertPage;
import vn.lachan.core.alert.AlertStore;
import vn.lachan.security.access.Permission;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.RouteTable;

/**
 * Serves the alerts: {@code GET /api/v1/alerts} (filters {@code from}, {@code to}, {@code rule}, {@code
 * level}, {@code host}, {@code organization}, paging {@code size}, {@code cursor}), {@code GET
 * /api/v1/alerts/{id}} and the live stream {@code GET /api/v1/alerts/stream} (server-sent events).
 * Thread-safe.
 */
public final class AlertRoutes {
    private final AlertStore alerts;
    private final JsonCodec json;
    private final AlertStream stream;

    /** Creates the routes over {@code alerts}; idle streams get a comment line every {@code heartbeat}. */
    public AlertRoutes(AlertStore alerts, JsonCodec json, Duration heartbeat) {
        this.alerts = alerts;
        this.json = json;
        this.stream = new AlertStream(alerts, json, heartbeat);
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        Access read = Access.requires(Permission.ALERTS_READ);
        routes.get("/api/v1/alerts", read, this::list);
        routes.get("/api/v1/alerts/stream", read, stream::serve);
        routes.get("/api/v1/alerts/{id}", read, this::one);
    }

    private void list(Context ctx) {
        var query = AlertQueries.read(ctx, Caller.of(ctx).visibility().storeFilter());
        AlertPage page;
        try {
            page = alerts.search(query);
        } catch (IllegalArgumentException e) {
            // the store's contract: a problem in the query (a bad cursor) names the value
            throw ApiProblem.invalidField("cursor", String.valueOf(e.getMessage()));
        }
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(AlertView::of).toList());
        body.put("total", page.total());
        body.put("next_cursor", page.nextCursor());
        send(ctx, body);
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id");
        // another organization's alert is answered exactly as a missing one
        Caller caller = Caller.of(ctx);
        var alert = alerts.get(id)
                .filter(a -> caller.sees(a.organization()))
                .orElseThrow(() -> ApiProblem.of(404, "alert-not-found", "Alert not found", "there is no alert " + id));
        send(ctx, AlertView.of(alert));
    }

    private void send(Context ctx, Object body) {
        ctx.contentType("application/json").result(json.write(body));
    }

    /** Returns how many alert streams are open. */
    public int openStreams() {
        return stream.openStreams();
    }

    /** Ends every open alert stream; new ones end at once. */
    public void closeStreams() {
        stream.closeAll();
    }
}
