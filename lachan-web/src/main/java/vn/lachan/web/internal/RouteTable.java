package vn.lachan.web.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Registers every route of the server together with the {@link Access} it needs, and remembers them, so that
 * authorization happens in one place (before the handler) and the routes can be listed (tests, the API
 * description).
 *
 * <p>Not thread-safe while routes are added (server construction); read-only afterwards.
 */
public final class RouteTable {
    private final List<Route> routes = new ArrayList<>();
    private final RoutesConfig javalin;

    /**
     * One registered route.
     *
     * @param method the HTTP method
     * @param path the path pattern, Javalin style ({@code /api/v1/alerts/{id}})
     * @param access who may call it
     */
    public record Route(HandlerType method, String path, Access access) {
        public Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(access, "access");
        }
    }

    /** Creates a table that registers into {@code javalin}. */
    public RouteTable(RoutesConfig javalin) {
        this.javalin = javalin;
    }

    /** Adds a {@code GET} route. */
    public void get(String path, Access access, Handler handler) {
        add(HandlerType.GET, path, access, handler);
    }

    /** Adds a {@code HEAD} route. */
    public void head(String path, Access access, Handler handler) {
        add(HandlerType.HEAD, path, access, handler);
    }

    /** Adds a {@code POST} route. */
    public void post(String path, Access access, Handler handler) {
        add(HandlerType.POST, path, access, handler);
    }

    /** Adds a {@code PUT} route. */
    public void put(String path, Access access, Handler handler) {
        add(HandlerType.PUT, path, access, handler);
    }

    /** Adds a {@code PATCH} route. */
    public void patch(String path, Access access, Handler handler) {
        add(HandlerType.PATCH, path, access, handler);
    }

    /** Adds a {@code DELETE} route. */
    public void delete(String path, Access access, Handler handler) {
        add(HandlerType.DELETE, path, access, handler);
    }

    private void add(HandlerType method, String path, Access access, Handler handler) {
        routes.add(new Route(method, path, access));
        if (method == HandlerType.GET) {
            javalin.get(path, handler, access);
        } else if (method == HandlerType.HEAD) {
            javalin.head(path, handler, access);
        } else if (method == HandlerType.POST) {
            javalin.post(path, handler, access);
        } else if (method == HandlerType.PUT) {
            javalin.put(path, handler, access);
        } else if (method == HandlerType.PATCH) {
            javalin.patch(path, handler, access);
        } else if (method == HandlerType.DELETE) {
            javalin.delete(path, handler, access);
        } else {
            throw new IllegalArgumentException("no route method " + method);
        }
    }

    /** Returns the routes added so far, in the order they were added. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
