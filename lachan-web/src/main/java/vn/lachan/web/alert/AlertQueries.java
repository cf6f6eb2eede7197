package vn.lachan.web.alert;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.AlertQuery;
import vn.lachan.web.internal.ApiProblem;

/** Reads an {@link AlertQuery} from query parameters, naming the parameter when a value is wrong. */
final class AlertQueries {
    static final int DEFAULT_SIZE = 50;

    private AlertQueries() {}

    static AlertQuery read(Context ctx, @Nullable Set<String> organizations) {
        Instant from = instant(ctx, "from");
        Instant to = instant(ctx, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.invalidField("to", "must be after 'from' (" + from + "), was " + to);
        }
        return new AlertQuery(
                from,
                to,
                text(ctx, "rule"),
                levels(ctx),
                text(ctx, "host"),
                text(ctx, "organization"),
                size(ctx),
                text(ctx, "cursor"),
                organizations);
    }

    private static @Nullable String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static @Nullable Instant instant(Context ctx, String name) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(
                    name, "an ISO-8601 instant such as 2026-03-01T08:00:00Z is expected, not '" + value + "'");
        }
    }

    private static Set<AlertLevel> levels(Context ctx) {
        Set<AlertLevel> levels = EnumSet.noneOf(AlertLevel.class);
        for (String list : ctx.queryParams("level")) {
            for (String name : list.split(",", -1)) {
                if (name.isBlank()) {
                    continue;
                }
                levels.add(AlertLevel.parse(name)
                        .orElseThrow(() -> ApiProblem.invalidField(
                                "level",
                                "'" + name.strip() + "' is not a level; use informational, low, medium, high or"
                                        + " critical")));
            }
        }
        return levels;
    }

    private static int size(Context ctx) {
        String value = text(ctx, "size");
        if (value == null) {
            return DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= AlertQuery.MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw ApiProblem.invalidField(
                "size", "an integer from 1 to " + AlertQuery.MAX_SIZE + " is expected, not '" + value + "'");
    }
}
