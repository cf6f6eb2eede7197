package vn.lachan.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.security.access.AccessDenied;
import vn.lachan.security.access.Forbidden;
import vn.lachan.security.access.NotFound;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.JsonCodec;

/**
 * Renders every error as an RFC 9457 {@code application/problem+json} response: the one place where
 * exceptions become HTTP answers. Never puts a stack trace in a response.
 */
final class ProblemMapping {
    static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapping.class);

    private final JsonCodec json;

    ProblemMapping(JsonCodec json) {
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.exception(ApiProblem.class, this::render);
        routes.exception(AccessDenied.class, (e, ctx) -> render(denied(e), ctx));
        routes.exception(HttpResponseException.class, (e, ctx) -> render(fromJavalin(e, ctx), ctx));
        routes.exception(Exception.class, (e, ctx) -> render(unexpected(e, ctx), ctx));
    }

    void render(ApiProblem problem, Context ctx) {
        if (ctx.res().isCommitted()) {
            LOG.debug("{} {}: {} after the response began", ctx.method(), ctx.path(), problem.detail());
            return;
        }
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", ctx.path());
        problem.extensions().forEach(body::putIfAbsent);
        ctx.res().resetBuffer();
        problem.headers().forEach(ctx::header);
        ctx.status(problem.status()).contentType(CONTENT_TYPE).result(json.write(body));
    }

    private static ApiProblem denied(AccessDenied e) {
        return switch (e) {
            // says nothing about whether the object exists in another organization
            case NotFound n -> ApiProblem.of(404, "not-found", "Not found", "there is no such object");
            case Forbidden f ->
                ApiProblem.of(403, "forbidden", "Forbidden", String.valueOf(f.getMessage()))
                        .with("permission", f.missing().name());
        };
    }

    private static ApiProblem fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 ->
                ApiProblem.of(404, "not-found", "Not found", "there is no route " + ctx.method() + " " + ctx.path());
            case 405 ->
                ApiProblem.of(
                        405,
                        "method-not-allowed",
                        "Method not allowed",
                        ctx.method() + " is not allowed on " + ctx.path());
            case 413 -> ApiProblem.of(413, "body-too-large", "Request body too large", "the request body is too large");
            default -> ApiProblem.of(e.getStatus(), "http-" + e.getStatus(), title(e), title(e));
        };
    }

    private static String title(HttpResponseException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "HTTP " + e.getStatus() : message;
    }

    private static ApiProblem unexpected(Exception e, Context ctx) {
        String reference = UUID.randomUUID().toString();
        LOG.error("{} {} failed (reference {})", ctx.method(), ctx.path(), reference, e);
        return ApiProblem.of(
                        500,
                        "internal-error",
                        "Internal server error",
                        "the server could not answer this request; its log has the details under reference "
                                + reference)
                .with("reference", reference);
    }
}
