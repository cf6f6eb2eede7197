package vn.lachan.web.ingest;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.intake.Intake;
import vn.lachan.core.intake.RawLines;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.security.access.Permission;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.Admissions;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.OrganizationCodes;
import vn.lachan.web.internal.RequestBodies;
import vn.lachan.web.internal.RouteTable;

/**
 * Serves {@code POST /api/v1/ingest}: every NDJSON line, array element or single object of the body becomes
 * one raw record of input {@code http}, durable in the intake before the 202 answer.
 *
 * <p>{@code source} and {@code format} come from the query parameters of those names or the headers
 * {@code X-Lachan-Source} and {@code X-Lachan-Format}; the format defaults to {@code auto}. Thread-safe.
 */
public final class IngestRoutes {
    /** The input name the records carry. */
    public static final String INPUT = "http";

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,31}");
    private static final int MAX_SOURCE = 512;

    private final Intake intake;
    private final OrganizationCodes codes;
    private final RequestBodies bodies;
    private final BodySplitter splitter;
    private final int retryAfterSeconds;

    /** Creates the routes over {@code intake}; a full intake is answered 429 with {@code retryAfterSeconds}. */
    public IngestRoutes(
            Intake intake, RequestBodies bodies, JsonCodec json, OrganizationCodes codes, int retryAfterSeconds) {
        this.intake = intake;
        this.codes = codes;
        this.bodies = bodies;
        this.splitter = new BodySplitter(json);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        routes.post("/api/v1/ingest", Access.requires(Permission.EVENTS_INGEST), this::ingest);
    }

    private void ingest(Context ctx) {
        String format = format(ctx);
        String source = source(ctx);
        BodySplitter.Split split = splitter.split(bodies.read(ctx), ctx.contentType());
        Instant received = Instant.now();
        String peer = ctx.ip();
        String origin = codes.origin(Caller.of(ctx));
        // the records stay ranges of the body: the journal copies each once, into its frame
        RawLines lines = new RawLines(received, INPUT, peer, format, source, origin, split.body(), split.bounds());
        if (lines.count() > 0) {
            Admissions.require(intake.offer(lines), retryAfterSeconds);
        }
        ctx.status(202).json(Map.of("accepted", lines.count()));
    }

    private static String format(Context ctx) {
        String format = parameter(ctx, "format", "X-Lachan-Format");
        if (format == null || format.isBlank()) {
            return RawRecord.AUTO;
        }
        if (!FORMAT.matcher(format).matches()) {
            throw ApiProblem.invalidField(
                    "format",
                    "a parser's name: lowercase letters, digits, '_', '.' or '-', at most 32 (or 'auto'), not '"
                            + format + "'");
        }
        return format;
    }

    private static String source(Context ctx) {
        String source = parameter(ctx, "source", "X-Lachan-Source");
        if (source == null) {
            return "";
        }
        if (source.length() > MAX_SOURCE || source.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.invalidField(
                    "source", "a label of at most " + MAX_SOURCE + " characters without control characters");
        }
        return source.strip();
    }

    private static @Nullable String parameter(Context ctx, String query, String header) {
        String value = ctx.queryParam(query);
        return value != null ? value : ctx.header(header);
    }
}
