package vn.lachan.web.bulk;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.intake.Intake;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.security.access.Permission;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.Admissions;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.OrganizationCodes;
import vn.lachan.web.internal.RequestBodies;
import vn.lachan.web.internal.RouteTable;

/**
 * Serves the Elasticsearch bulk API ({@code POST /_bulk}, {@code POST /{index}/_bulk}) and the probes that
 * shippers make first ({@code GET /} answering like an OpenSearch 2 node, cluster health, template puts).
 *
 * <p>{@code index} and {@code create} documents become raw records of input {@code bulk}, format {@code
 * json}, source the index name; {@code update} and {@code delete} are refused per item. The whole request is
 * refused (429) when the intake is full. Thread-safe.
 */
public final class BulkRoutes {
    /** The input name the records carry. */
    public static final String INPUT = "bulk";

    private final Intake intake;
    private final OrganizationCodes codes;
    private final RequestBodies bodies;
    private final JsonCodec json;
    private final BulkParser parser;
    private final NodeProbes probes;
    private final int retryAfterSeconds;

    /** Creates the routes over {@code intake}; a full intake is answered 429 with {@code retryAfterSeconds}. */
    public BulkRoutes(
            Intake intake, RequestBodies bodies, JsonCodec json, OrganizationCodes codes, int retryAfterSeconds) {
        this.intake = intake;
        this.codes = codes;
        this.bodies = bodies;
        this.json = json;
        this.parser = new BulkParser(json);
        this.probes = new NodeProbes(json);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        Access ingest = Access.requires(Permission.EVENTS_INGEST);
        routes.post("/_bulk", ingest, ctx -> bulk(ctx, ""));
        routes.put("/_bulk", ingest, ctx -> bulk(ctx, ""));
        routes.post("/{index}/_bulk", ingest, ctx -> bulk(ctx, ctx.pathParam("index")));
        routes.put("/{index}/_bulk", ingest, ctx -> bulk(ctx, ctx.pathParam("index")));
        probes.register(routes);
    }

    private void bulk(Context ctx, String defaultIndex) {
        long started = System.nanoTime();
        List<BulkItem> items = parser.parse(bodies.read(ctx), defaultIndex);
        Instant received = Instant.now();
        String origin = codes.origin(Caller.of(ctx));
        List<RawRecord> records = new ArrayList<>(items.size());
        for (BulkItem item : items) {
            if (item.source() != null) {
                records.add(new RawRecord(received, INPUT, ctx.ip(), "json", item.index(), item.source(), "", origin));
            }
        }
        if (!records.isEmpty()) {
            Admissions.require(intake.offer(records), retryAfterSeconds);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("took", (System.nanoTime() - started) / 1_000_000);
        response.put("errors", items.stream().anyMatch(BulkItem::failed));
        List<Map<String, Object>> rendered = new ArrayList<>(items.size());
        for (BulkItem item : items) {
            rendered.add(Map.of(item.action(), render(item)));
        }
        response.put("items", rendered);
        ctx.contentType("application/json").result(json.write(response));
    }

    private static Map<String, @Nullable Object> render(BulkItem item) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("_index", item.index());
        out.put("_id", item.id());
        if (item.failed()) {
            out.put("status", 400);
            out.put("error", Map.of("type", item.errorType(), "reason", item.reason(), "index", item.index()));
            return out;
        }
        out.put("_version", 1);
        out.put("result", "created");
        out.put("_shards", Map.of("total", 1, "successful", 1, "failed", 0));
        out.put("_seq_no", 0);
        out.put("_primary_term", 1);
        out.put("status", 201);
        return out;
    }
}
