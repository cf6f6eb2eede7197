package vn.lachan.web.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.signin.SignInResult;

/**
 * Signals a request that cannot be answered normally; the server renders it, in one place, as an RFC 9457
 * {@code application/problem+json} response.
 *
 * <p>Immutable once built; the {@code with…} methods return copies.
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, @Nullable Object> extensions;
    private final Map<String, String> headers;

    private ApiProblem(
            int status,
            String type,
            String title,
            String detail,
            Map<String, @Nullable Object> extensions,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = extensions;
        this.headers = headers;
    }

    /**
     * Returns a problem of HTTP status {@code status}.
     *
     * @param slug a short kebab-case name of the kind of problem, such as {@code invalid-field}; it becomes
     *     the problem's {@code type} URI {@code urn:lachan:problem:slug}
     * @param title a short summary that is the same for every problem of this kind
     * @param detail what went wrong this time, in words a person can act on
     */
    public static ApiProblem of(int status, String slug, String title, String detail) {
        return new ApiProblem(
                status, "urn:lachan:problem:" + slug, title, detail, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /** Returns a 400 problem about one field of the request: its name and why its value is refused. */
    public static ApiProblem invalidField(String field, String reason) {
        return of(400, "invalid-field", "Invalid request field", "'" + field + "': " + reason)
                .with("field", field)
                .with("reason", reason);
    }

    /** Returns {@code value} when present and at most {@code max} characters long, else a 400 naming the field. */
    public static String requiredText(String field, @Nullable String value, int max) {
        if (value == null || value.isEmpty()) {
            throw invalidField(field, "required");
        }
        if (value.length() > max) {
            throw invalidField(field, "at most " + max + " characters");
        }
        return value;
    }

    /** Returns the one answer to a refused sign-in, with {@code Retry-After} when the caller must wait. */
    public static ApiProblem signInRefused(Duration retryAfter) {
        ApiProblem problem = of(401, "signin-refused", "Sign-in refused", SignInResult.Refused.ANSWER);
        if (!retryAfter.isPositive()) {
            return problem;
        }
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return problem.withHeader("Retry-After", Long.toString(seconds)).with("retry_after_seconds", seconds);
    }

    /**
     * Returns a 400 problem listing every problem of a request: {@code field} and {@code reason} name the first,
     * {@code errors} all of them (each with its field and reason).
     */
    public static ApiProblem invalidFields(java.util.List<vn.lachan.core.problem.Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problem to report");
        }
        var first = problems.getFirst();
        java.util.List<Map<String, String>> errors = problems.stream()
                .map(p -> Map.of("field", JsonFields.name(p.source()), "reason", p.message()))
                .toList();
        return invalidField(JsonFields.name(first.source()), first.message()).with("errors", errors);
    }

    /** Returns a copy that carries the extension member {@code name} (rendered beside {@code detail}). */
    public ApiProblem with(String name, @Nullable Object value) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>(extensions);
        copy.put(name, value);
        return new ApiProblem(status, type, title, detail(), copy, headers);
    }

    /** Returns a copy that sends the response header {@code name}. */
    public ApiProblem withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiProblem(status, type, title, detail(), extensions, copy);
    }

    /** Returns the HTTP status. */
    public int status() {
        return status;
    }

    /** Returns the problem type URI. */
    public String type() {
        return type;
    }

    /** Returns the short summary of the kind of problem. */
    public String title() {
        return title;
    }

    /** Returns what went wrong this time. */
    public String detail() {
        String message = getMessage();
        return message == null ? title : message;
    }

    /** Returns the extension members in the order they were added, null values included. */
    public Map<String, @Nullable Object> extensions() {
        return new LinkedHashMap<>(extensions);
    }

    /** Returns the response headers to send with the problem. */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
