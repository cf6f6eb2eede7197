package vn.lachan.web.bulk;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.lachan.security.access.Permission;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.RouteTable;

/**
 * Answers the requests shippers (Filebeat, Logstash, Fluent Bit, Vector, the OpenSearch clients) make before
 * they bulk: the root info of an OpenSearch 2 node, cluster health, and index-template puts (acknowledged and
 * ignored: Lachan maps fields itself). {@code GET /_license} stays 404, as on OpenSearch.
 */
final class NodeProbes {
    /** The OpenSearch version announced: shippers pick their protocol by it. */
    static final String VERSION = "2.19.0";

    private static final String CLUSTER = "lachan";

    private final JsonCodec json;

    NodeProbes(JsonCodec json) {
        this.json = json;
    }

    void register(RouteTable routes) {
        Access ingest = Access.requires(Permission.EVENTS_INGEST);
        routes.get("/", ingest, this::root);
        routes.head("/", ingest, ctx -> ctx.contentType("application/json").status(200));
        routes.get("/_cluster/health", ingest, this::health);
        routes.put("/_template/{name}", ingest, this::acknowledge);
        routes.put("/_index_template/{name}", ingest, this::acknowledge);
    }

    private void root(Context ctx) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("distribution", "opensearch");
        version.put("number", VERSION);
        version.put("build_type", "tar");
        version.put("build_hash", "lachan");
        version.put("build_date", "2025-01-01T00:00:00Z");
        version.put("build_snapshot", false);
        version.put("lucene_version", "9.12.1");
        version.put("minimum_wire_compatibility_version", "7.10.0");
        version.put("minimum_index_compatibility_version", "7.0.0");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "lachan");
        body.put("cluster_name", CLUSTER);
        body.put("cluster_uuid", "lachan-embedded");
        body.put("version", version);
        body.put("tagline", "The OpenSearch Project: https://opensearch.org/");
        send(ctx, body);
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cluster_name", CLUSTER);
        body.put("status", "green");
        body.put("timed_out", false);
        body.put("number_of_nodes", 1);
        body.put("number_of_data_nodes", 1);
        body.put("active_primary_shards", 0);
        body.put("active_shards", 0);
        body.put("relocating_shards", 0);
        body.put("initializing_shards", 0);
        body.put("unassigned_shards", 0);
        send(ctx, body);
    }

    private void acknowledge(Context ctx) {
        send(ctx, Map.of("acknowledged", true));
    }

    private void send(Context ctx, Map<String, ?> body) {
        ctx.contentType("application/json").result(json.write(body));
    }
}
