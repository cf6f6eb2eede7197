package vn.lachan.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.tls.TlsIdentity;
import vn.lachan.security.organization.OrganizationDirectory;
import vn.lachan.web.alert.AlertRoutes;
import vn.lachan.web.audit.AuditRoutes;
import vn.lachan.web.auth.Gate;
import vn.lachan.web.bulk.BulkRoutes;
import vn.lachan.web.event.EventRoutes;
import vn.lachan.web.ingest.IngestRoutes;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.OrganizationCodes;
import vn.lachan.web.internal.RequestBodies;
import vn.lachan.web.internal.RouteTable;
import vn.lachan.web.ops.OpsRoutes;
import vn.lachan.web.org.OrganizationRoutes;
import vn.lachan.web.passkey.PasskeyRoutes;
import vn.lachan.web.signin.SignInRoutes;
import vn.lachan.web.sso.SsoRoutes;
import vn.lachan.web.token.TokenRoutes;
import vn.lachan.web.user.UserRoutes;

/**
 * Serves the platform's HTTP API: ingest (NDJSON and the Elasticsearch bulk API), event search and export,
 * alerts (with a live stream), sign-in, the audit trail, organizations, health and metrics.
 *
 * <p>Every route is registered with the access it needs in one {@link RouteTable}; the {@link Gate} checks the
 * caller before any handler runs, and the handlers restrict what they return to the organizations the caller
 * sees.
 *
 * <p>With a TLS identity configured the port answers HTTPS only (TLS 1.2 and 1.3, HTTP/1.1, HSTS), and the
 * session cookie is marked Secure.
 *
 * <p>Requests run on virtual threads. Errors are RFC 9457 problem responses. Not thread-safe to start and
 * close concurrently; the routes themselves are.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final WebConfig config;
    private final RequestLifecycle lifecycle;
    private final AlertRoutes alertRoutes;
    private final Javalin app;
    private final List<RouteTable.Route> routes;
    private boolean started;
    private boolean closed;

    /**
     * Creates a server of {@code services} bound as {@code config} says; {@link #start()} opens the port.
     *
     * @throws IllegalArgumentException naming the file, when the configured TLS certificate or key cannot be used
     */
    public WebServer(WebConfig config, WebServices services) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(services, "services");
        JsonCodec json = new JsonCodec();
        RequestBodies bodies = new RequestBodies(config.maxBodyBytes());
        WebSecurity security = services.security();
        OrganizationCodes codes = new OrganizationCodes(security.organizations());
        this.lifecycle =
                new RequestLifecycle(services.metrics(), new Gate(security, codes), config.retryAfterSeconds());
        this.alertRoutes = new AlertRoutes(services.alerts(), json, config.heartbeat());
        List<Consumer<RouteTable>> features = new ArrayList<>();
        features.add(new IngestRoutes(services.intake(), bodies, json, codes, config.retryAfterSeconds())::register);
        features.add(new BulkRoutes(services.intake(), bodies, json, codes, config.retryAfterSeconds())::register);
        features.add(alertRoutes::register);
        features.add(new EventRoutes(services.events(), services.exports(), security.audit(), bodies, json)::register);
        features.add(new OpsRoutes(services.health(), services.metrics(), json)::register);
        features.add(new SignInRoutes(security, codes, bodies, json, Clock.systemUTC())::register);
        features.add(new AuditRoutes(security, json)::register);
        features.add(new SsoRoutes(security, codes, bodies, json)::register);
        OrganizationDirectory organizations =
                new OrganizationDirectory(security.organizations(), security.policy(), security.audit());
        features.add(new OrganizationRoutes(
                security.organizations(), security.policy(), organizations, codes, bodies, json)::register);
        features.add(new UserRoutes(security.users(), security.policy(), codes, bodies, json)::register);
        features.add(new TokenRoutes(security.tokens(), security.policy(), codes, bodies, json)::register);
        features.add(new PasskeyRoutes(security, codes, bodies, json)::register);
        ProblemMapping problems = new ProblemMapping(json);
        List<RouteTable.Route> registered = new ArrayList<>();
        TlsIdentity identity = config.tls();
        SSLContext tls = identity == null ? null : identity.serverContext();
        this.app = Javalin.create(javalin -> {
            configure(javalin, json, tls);
            lifecycle.register(javalin.routes);
            problems.register(javalin.routes);
            RouteTable table = new RouteTable(javalin.routes);
            features.forEach(feature -> feature.accept(table));
            registered.addAll(table.routes());
        });
        this.routes = List.copyOf(registered);
    }

    /** Returns every route the server serves, with the access each needs, in registration order. */
    public List<RouteTable.Route> routes() {
        return routes;
    }

    private void configure(JavalinConfig javalin, JsonCodec json, @Nullable SSLContext tls) {
        javalin.jsonMapper(json);
        javalin.jetty.host = config.host();
        javalin.jetty.port = config.port();
        javalin.jetty.modifyServer(server -> {
            // The lifecycle counts a request done when its handler returns, before Jetty has written the response;
            // the graceful handler lets stop() wait for those last bytes instead of cutting the connection.
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(Math.max(1, config.drainTimeout().toMillis()));
        });
        if (tls != null) {
            // With a connector of its own, Javalin opens no plain HTTP port: the port speaks HTTPS only.
            javalin.jetty.addConnector(
                    (server, http) -> HttpsConnector.create(server, http, tls, config.host(), config.port()));
        }
        javalin.http.maxRequestSize = config.maxBodyBytes();
        javalin.concurrency.useVirtualThreads = true;
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.router.ignoreTrailingSlashes = true;
    }

    /** Opens the port and returns the port bound (the one chosen when the configuration says 0). */
    public synchronized int start() {
        if (started) {
            throw new IllegalStateException("the web server is already started");
        }
        started = true;
        app.start();
        LOG.info(
                "HTTP API listening on {}://{}:{}{}",
                config.scheme(),
                config.host(),
                app.port(),
                config.tls() == null ? "" : " (TLS 1.2/1.3)");
        return app.port();
    }

    /** Returns the port bound; valid once started. */
    public int port() {
        return app.port();
    }

    /**
     * Stops taking requests (new ones are answered 503), ends the alert streams, waits up to the configured
     * drain timeout for requests in flight, then closes the port. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        lifecycle.refuseNew();
        alertRoutes.closeStreams();
        int left = lifecycle.awaitIdle(config.drainTimeout());
        if (left > 0) {
            LOG.warn("HTTP API stopping with {} after {}", RequestLifecycle.describe(left), config.drainTimeout());
        }
        if (started) {
            try {
                app.stop();
            } catch (RuntimeException e) {
                // Jetty stops its connectors and handlers even when the graceful wait times out, then reports it
                LOG.warn("HTTP API stopped without waiting for every response to be written: {}", e.toString());
                return;
            }
        }
        LOG.info("HTTP API stopped");
    }
}
