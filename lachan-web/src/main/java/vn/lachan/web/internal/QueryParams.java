package vn.lachan.web.internal;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.org.Organization;

/**
 * Reads a request's query parameters strictly: an unknown parameter or a value of the wrong form is a 400 problem
 * naming the parameter. Thread-safe (stateless).
 */
public final class QueryParams {
    private final Context ctx;

    private QueryParams(Context ctx) {
        this.ctx = ctx;
    }

    /** Returns a reader of the request's parameters, refusing any not in {@code known}. */
    public static QueryParams of(Context ctx, Set<String> known) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!known.contains(name)) {
                throw ApiProblem.invalidField(
                        name, "unknown parameter; the known ones here are: " + new TreeSet<>(known));
            }
        }
        return new QueryParams(ctx);
    }

    /** Returns the parameter's text (trimmed), or null when absent or blank; at most {@code max} characters. */
    public @Nullable String text(String name, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ApiProblem.invalidField(name, "at most " + max + " characters");
        }
        return value.strip();
    }

    /** Returns the integer parameter in {@code [min, max]}, or {@code fallback} when absent. */
    public long integer(String name, long min, long max, long fallback) {
        String text = text(name, 20);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw ApiProblem.invalidField(
                name, "an integer from " + min + " to " + max + " is expected, not '" + text + "'");
    }

    /** Returns the UUID parameter, or null when absent. */
    public @Nullable UUID uuid(String name) {
        String text = text(name, 36);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(name, "an id (UUID) is expected, not '" + text + "'");
        }
    }

    /** Returns the ISO-8601 instant parameter (e.g. {@code 2026-03-01T08:00:00Z}), or null when absent. */
    public @Nullable Instant instant(String name) {
        String text = text(name, 40);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(
                    name, "a UTC time such as 2026-03-01T08:00:00Z is expected, not '" + text + "'");
        }
    }

    /** Returns the enum constant the parameter names (case-insensitive), or null when absent. */
    public <E extends Enum<E>> @Nullable E choice(String name, Class<E> type) {
        String text = text(name, 64);
        return text == null ? null : choice(name, text, type);
    }

    /** Returns the enum constant {@code text} names (case-insensitive), or a 400 problem about {@code field}. */
    public static <E extends Enum<E>> E choice(String field, String text, Class<E> type) {
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        Set<String> names = new TreeSet<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw ApiProblem.invalidField(field, "one of " + names + " is expected, not '" + text + "'");
    }

    /**
     * Returns the organization a parameter or body field names by code or id, or a 400 problem naming {@code
     * field} when there is none the caller sees (an unseen organization is answered like a missing one).
     */
    public static Organization organization(
            OrganizationCodes codes, String field, String key, java.util.function.Predicate<UUID> visible) {
        Optional<Organization> found = codes.find(key).filter(o -> visible.test(o.id()));
        return found.orElseThrow(() -> ApiProblem.invalidField(field, "there is no organization '" + key + "'"));
    }
}
