package vn.lachan.web.ops;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import vn.lachan.security.access.Permission;
import vn.lachan.web.Health;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.RouteTable;

/**
 * Serves {@code GET /api/v1/health} (200 when up or degraded, 503 when down, the health report as body),
 * {@code GET /metrics} (Prometheus text format 0.0.4) and {@code GET /api/v1/openapi.json} (the OpenAPI 3.1
 * description of the API). Thread-safe.
 */
public final class OpsRoutes {
    /** The content type of the Prometheus text exposition format 0.0.4. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<Health> health;
    private final PrometheusMeterRegistry metrics;
    private final JsonCodec json;
    private final byte[] openApi;

    /** Creates the routes over a health supplier and a metrics registry. */
    public OpsRoutes(Supplier<Health> health, PrometheusMeterRegistry metrics, JsonCodec json) {
        this.health = health;
        this.metrics = metrics;
        this.json = json;
        this.openApi = resource(OPENAPI);
    }

    /** The class-path resource that holds the API description. */
    public static final String OPENAPI = "/openapi/lachan-api.json";

    private static byte[] resource(String name) {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the API description " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name + " failed", e);
        }
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        routes.get("/api/v1/health", Access.PUBLIC, this::health);
        routes.get("/metrics", Access.requires(Permission.METRICS_READ), this::metrics);
        routes.get(
                "/api/v1/openapi.json",
                Access.PUBLIC,
                ctx -> ctx.contentType("application/json").result(openApi));
    }

    private void health(Context ctx) {
        Health report = health.get();
        Map<String, Object> components = new TreeMap<>();
        report.components()
                .forEach((name, c) -> components.put(
                        name, Map.of("status", wire(c.status()), "details", new TreeMap<>(c.details()))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", wire(report.status()));
        body.put("components", components);
        ctx.status(report.status() == Health.Status.DOWN ? 503 : 200)
                .contentType("application/json")
                .result(json.write(body));
    }

    private void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
    }

    private static String wire(Health.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
