package vn.lachan.ingest.parse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads ArcSight Common Event Format: {@code CEF:Version|Vendor|Product|Version|Class ID|Name|Severity|
 * key=value …}, with the header escapes {@code \|} and {@code \\} and the extension escapes
 * {@code \=}, {@code \\}, {@code \n} and {@code \r}. Extension keys stay under their own names; the
 * header goes to {@code cef.*} and {@code observer.*}; the well-known keys also give ECS fields.
 */
final class Cef {
    private static final Map<String, String> ECS = ecs();

    private Cef() {}

    private static Map<String, String> ecs() {
        Map<String, String> m = new LinkedHashMap<>();
        String[] pairs = {
            "src",
            "source.ip",
            "spt",
            "source.port",
            "dst",
            "destination.ip",
            "dpt",
            "destination.port",
            "shost",
            "source.domain",
            "dhost",
            "destination.domain",
            "smac",
            "source.mac",
            "dmac",
            "destination.mac",
            "suser",
            "source.user.name",
            "duser",
            "destination.user.name",
            "act",
            "event.action",
            "app",
            "network.protocol",
            "request",
            "url.original",
            "requestMethod",
            "http.request.method",
            "requestClientApplication",
            "user_agent.original",
            "fname",
            "file.name",
            "filePath",
            "file.path",
            "fsize",
            "file.size",
            "in",
            "source.bytes",
            "out",
            "destination.bytes",
            "dvc",
            "observer.ip",
            "dvchost",
            "observer.hostname",
            "dproc",
            "process.name",
            "dpid",
            "process.pid",
            "outcome",
            "event.outcome",
            "reason",
            "event.reason",
            "proto",
            "network.transport",
            "externalId",
            "event.id",
            "msg",
            "message"
        };
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(m);
    }

    /** Parses {@code s} into {@code out}; returns null when parsed, else why it is not CEF. */
    static @Nullable String parse(String s, Instant received, ZoneId zone, Event out) {
        if (!s.startsWith("CEF:")) {
            return "it does not start with 'CEF:'";
        }
        String[] header = new String[7];
        int i = 4;
        for (int f = 0; f < 7; f++) {
            StringBuilder field = new StringBuilder();
            i = headerField(s, i, field);
            if (i < 0) {
                return "its header has " + f
                        + " of the 7 fields 'Version|Vendor|Product|Version|Class ID|Name|Severity|'";
            }
            header[f] = field.toString();
        }
        header(header, out);
        Map<String, String> ext = extension(s, i);
        ext.forEach(out::text);
        ext.forEach((key, value) -> mapKey(key, value, out));
        out.textIfAbsent("message", header[5]);
        out.time(time(ext.get("rt"), received, zone));
        out.textIfAbsent("user.name", ext.getOrDefault("duser", ext.get("suser")));
        return null;
    }

    private static void header(String[] h, Event out) {
        out.text("cef.version", h[0]);
        out.text("cef.device.vendor", h[1]);
        out.text("cef.device.product", h[2]);
        out.text("cef.device.version", h[3]);
        out.text("cef.device.event_class_id", h[4]);
        out.text("cef.name", h[5]);
        out.text("cef.severity", h[6]);
        out.text("observer.vendor", h[1]);
        out.text("observer.product", h[2]);
        out.text("observer.version", h[3]);
        out.text("event.code", h[4]);
        out.put("event.kind", "event");
        Long severity = Texts.decimal(h[6]);
        Long named = switch (h[6].toLowerCase(Locale.ROOT)) {
            case "low" -> 3L;
            case "medium" -> 6L;
            case "high" -> 8L;
            case "very-high" -> 10L;
            default -> null;
        };
        if (severity != null || named != null) {
            out.put("event.severity", severity != null ? severity : named);
        }
    }

    /** Reads one header field ending at an unescaped {@code |}; returns the index past the bar or -1. */
    private static int headerField(String s, int from, StringBuilder out) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '|' || s.charAt(i + 1) == '\\')) {
                out.append(s.charAt(++i));
            } else if (c == '|') {
                return i + 1;
            } else {
                out.append(c);
            }
        }
        return -1;
    }

    /** Reads the extension: each value runs up to the space before the next unescaped {@code key=}. */
    static Map<String, String> extension(String s, int from) {
        Map<String, String> ext = new LinkedHashMap<>();
        int keyStart = Texts.skipSpaces(s, from);
        int eq = s.indexOf('=', keyStart);
        while (eq > keyStart) {
            int valueStart = eq + 1;
            int next = nextKey(s, valueStart);
            int valueEnd = next < 0 ? s.length() : next - 1;
            while (valueEnd > valueStart && s.charAt(valueEnd - 1) == ' ') {
                valueEnd--;
            }
            ext.putIfAbsent(s.substring(keyStart, eq).strip(), unescape(s, valueStart, valueEnd));
            if (next < 0) {
                break;
            }
            keyStart = next;
            eq = s.indexOf('=', keyStart);
        }
        return ext;
    }

    /** Returns where the next key starts (after a space, followed by an unescaped {@code =}), or -1. */
    private static int nextKey(String s, int from) {
        for (int j = from; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '=') {
                int k = j;
                while (k > from && Texts.isKeyChar(s.charAt(k - 1))) {
                    k--;
                }
                if (k < j && k > from && s.charAt(k - 1) == ' ') {
                    return k;
                }
            }
        }
        return -1;
    }

    private static String unescape(String s, int from, int to) {
        if (s.indexOf('\\', from) < 0 || s.indexOf('\\', from) >= to) {
            return s.substring(from, to);
        }
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void mapKey(String key, String value, Event out) {
        String ecs = ECS.get(key);
        if (ecs == null || value.isEmpty()) {
            return;
        }
        switch (ecs) {
            case "source.ip", "destination.ip", "observer.ip" -> out.ip(ecs, value);
            case "source.port", "destination.port", "source.bytes", "destination.bytes", "file.size", "process.pid" ->
                out.number(ecs, value);
            case "event.outcome", "network.transport" -> out.put(ecs, value.toLowerCase(Locale.ROOT));
            default -> out.put(ecs, value);
        }
    }

    /** Reads {@code rt}: epoch milliseconds, or {@code MMM dd [yyyy] HH:mm:ss[.SSS]}. */
    static @Nullable Instant time(@Nullable String rt, Instant received, ZoneId zone) {
        if (rt == null || rt.isEmpty()) {
            return null;
        }
        Instant epoch = Times.epoch(rt);
        if (epoch != null) {
            return epoch;
        }
        Times.Stamp stamp = Times.bsd(rt, 0, received, zone);
        return stamp != null ? stamp.instant() : Times.iso(rt, zone);
    }
}
