package vn.lachan.ingest.parse;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Reads web server access logs in the NCSA common and combined formats that Apache and nginx write by
 * default: {@code client ident user [time] "request" status bytes ["referer" "user-agent"]}, anything
 * after ignored. Writes ECS ({@code source.ip}, {@code http.*}, {@code url.*}, {@code user_agent.original})
 * and the W3C names the Sigma webserver rules read ({@code c-ip}, {@code cs-method}, {@code cs-uri-stem},
 * {@code cs-uri-query}, {@code sc-status}, {@code cs-user-agent}, {@code cs-referer}).
 */
final class AccessLogs {
    private AccessLogs() {}

    /** Tells cheaply whether {@code s} has the shape of an access log line. */
    static boolean looksLike(String s) {
        int open = s.indexOf(" [");
        return open > 0
                && open < 300
                && open + 13 < s.length()
                && s.charAt(open + 4) == '/'
                && s.charAt(open + 8) == '/';
    }

    /**
     * Parses {@code s} into {@code out} for the web server {@code module} ({@code nginx}, {@code apache} or
     * null when unknown); returns null when parsed, else why it is not an access log line.
     */
    static @Nullable String parse(String s, @Nullable String module, ZoneId zone, Event out) {
        if (!looksLike(s)) {
            return "it does not have the shape 'client ident user [dd/Mon/yyyy:hh:mm:ss zone] \"request\" status bytes'";
        }
        int open = s.indexOf(" [");
        int close = s.indexOf(']', open);
        String[] who = s.substring(0, open).split(" ", 3);
        Instant time = close < 0 ? null : Times.accessLog(s.substring(open + 2, close), zone);
        if (time == null || who.length < 3 || !s.startsWith(" \"", close + 1)) {
            return "its time '[dd/Mon/yyyy:hh:mm:ss zone]' or quoted request is malformed";
        }
        int[] end = {close + 3};
        String request = quoted(s, end);
        String[] rest = s.substring(Math.min(end[0], s.length())).strip().split(" ", 3);
        Long status = rest.length > 0 ? Texts.decimal(rest[0]) : null;
        if (status == null) {
            return "it has no HTTP status after the request";
        }
        out.time(time);
        client(who, out);
        request(request, out);
        out.put("http.response.status_code", status);
        out.put("sc-status", status);
        out.number("http.response.body.bytes", rest.length > 1 ? rest[1] : null);
        if (rest.length > 2) {
            agent(rest[2], out);
        }
        web(out, module, "access");
        out.put("event.outcome", status < 400 ? "success" : "failure");
        out.put("message", s);
        return null;
    }

    private static void client(String[] who, Event out) {
        out.ip("source.ip", who[0]);
        out.textIfAbsent("source.address", who[0]);
        out.text("c-ip", who[0]);
        out.text("user.name", who[2]);
    }

    /** Reads {@code "referer" "user-agent"} after the status and size. */
    private static void agent(String s, Event out) {
        if (!s.startsWith("\"")) {
            return;
        }
        int[] end = {1};
        String referer = quoted(s, end);
        out.text("http.request.referrer", referer);
        out.text("cs-referer", referer);
        if (s.startsWith(" \"", end[0])) {
            end[0] += 2;
            String agent = quoted(s, end);
            out.text("user_agent.original", agent);
            out.text("cs-user-agent", agent);
        }
    }

    /** Reads up to the closing quote (a backslash escapes the next character); moves {@code end[0]} past it. */
    static String quoted(String s, int[] end) {
        int start = Math.min(end[0], s.length());
        int i = start;
        while (i < s.length() && s.charAt(i) != '"') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        int stop = Math.min(i, s.length());
        end[0] = stop + 1;
        return s.substring(start, stop);
    }

    /** Writes the request line {@code METHOD target HTTP/x}; a line of another shape is kept whole. */
    static void request(String request, Event out) {
        String[] parts = request.split(" ", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
            out.text("url.original", request);
            return;
        }
        out.put("http.request.method", parts[0]);
        out.put("cs-method", parts[0]);
        out.put("url.original", parts[1]);
        if (parts.length == 3 && parts[2].startsWith("HTTP/")) {
            out.put("http.version", parts[2].substring(5));
        }
        int q = parts[1].indexOf('?');
        String path = q < 0 ? parts[1] : parts[1].substring(0, q);
        out.put("url.path", path);
        out.put("cs-uri-stem", path);
        if (q >= 0) {
            out.put("url.query", parts[1].substring(q + 1));
            out.put("cs-uri-query", parts[1].substring(q + 1));
        }
    }

    /** Writes the web event classification. */
    static void web(Event out, @Nullable String module, String kind) {
        out.put("event.kind", "event");
        out.put("event.category", "web");
        if (module != null) {
            out.put("event.module", module);
            out.put("event.dataset", module + "." + kind);
        }
    }
}
