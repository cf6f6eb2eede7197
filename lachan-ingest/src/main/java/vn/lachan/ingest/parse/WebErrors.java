package vn.lachan.ingest.parse;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Reads web server error logs: nginx ({@code 2024/03/05 10:00:00 [error] 1234#0: *5 …, client: …,
 * request: "…"}) and Apache 2.2/2.4 ({@code [Tue Mar 05 10:00:00.123456 2024] [core:error] [pid 1:tid 2]
 * [client 1.2.3.4:5555] AH00126: …}). Times carry no zone: they are read in the configured one.
 */
final class WebErrors {
    private WebErrors() {}

    /** Tells cheaply whether {@code s} has the shape of an nginx or Apache error line. */
    static boolean looksLike(String s) {
        return isNginx(s) || isApache(s);
    }

    private static boolean isNginx(String s) {
        return s.length() > 22
                && s.charAt(4) == '/'
                && s.charAt(7) == '/'
                && s.charAt(13) == ':'
                && s.charAt(19) == ' '
                && s.charAt(20) == '[';
    }

    private static boolean isApache(String s) {
        return s.length() > 28
                && s.charAt(0) == '['
                && s.charAt(4) == ' '
                && Times.month(s, 5) > 0
                && s.indexOf("] [", 20) > 0;
    }

    /** Parses {@code s} into {@code out}; returns null when parsed, else why it is not an error line. */
    static @Nullable String parse(String s, ZoneId zone, Event out) {
        if (isNginx(s)) {
            return nginx(s, zone, out);
        }
        if (isApache(s)) {
            return apache(s, zone, out);
        }
        return "it is neither an nginx nor an Apache error log line";
    }

    private static @Nullable String nginx(String s, ZoneId zone, Event out) {
        Instant time = Times.iso(s.substring(0, 19).replace('/', '-'), zone);
        int levelEnd = s.indexOf(']', 21);
        if (time == null || levelEnd < 0) {
            return "its time 'yyyy/MM/dd hh:mm:ss' or [level] is malformed";
        }
        out.time(time);
        out.text("log.level", s.substring(21, levelEnd));
        int i = Texts.skipSpaces(s, levelEnd + 1);
        int hash = s.indexOf('#', i);
        int colon = s.indexOf(": ", i);
        if (hash > i && colon > hash) {
            out.number("process.pid", s.substring(i, hash));
            out.number("process.thread.id", s.substring(hash + 1, colon));
            i = colon + 2;
        }
        String message = s.substring(i);
        out.put("message", message);
        int client = message.indexOf(", client: ");
        if (client > 0) {
            out.ip("source.ip", message.substring(client + 10, end(message, client + 10)));
        }
        int request = message.indexOf(", request: \"");
        if (request > 0) {
            AccessLogs.request(AccessLogs.quoted(message, new int[] {request + 12}), out);
        }
        AccessLogs.web(out, "nginx", "error");
        return null;
    }

    private static int end(String s, int from) {
        int comma = s.indexOf(',', from);
        return comma < 0 ? s.length() : comma;
    }

    private static @Nullable String apache(String s, ZoneId zone, Event out) {
        int close = s.indexOf(']');
        Instant time = close < 0 ? null : apacheTime(s.substring(1, close), zone);
        if (time == null) {
            return "its time '[Www Mmm dd hh:mm:ss[.ffffff] yyyy]' is malformed";
        }
        out.time(time);
        int i = close + 1;
        while (i + 1 < s.length() && s.charAt(i) == ' ' && s.charAt(i + 1) == '[') {
            int end = s.indexOf(']', i);
            if (end < 0) {
                break;
            }
            bracket(s.substring(i + 2, end), out);
            i = end + 1;
        }
        out.put("message", s.substring(Texts.skipSpaces(s, i)));
        AccessLogs.web(out, "apache", "error");
        return null;
    }

    /** Reads one {@code [module:level]}, {@code [level]}, {@code [pid N:tid M]} or {@code [client ip:port]}. */
    private static void bracket(String b, Event out) {
        if (b.startsWith("pid ")) {
            int tid = b.indexOf(":tid ");
            out.number("process.pid", b.substring(4, tid < 0 ? b.length() : tid));
            if (tid > 0) {
                out.number("process.thread.id", b.substring(tid + 5));
            }
        } else if (b.startsWith("client ")) {
            String address = b.substring(7);
            int colon = address.lastIndexOf(':');
            boolean v4Port = colon > 0 && address.indexOf(':') == colon;
            out.ip("source.ip", v4Port ? address.substring(0, colon) : address);
            if (v4Port) {
                out.number("source.port", address.substring(colon + 1));
            }
        } else if (!out.has("log.level")) {
            int colon = b.indexOf(':');
            out.text("log.level", colon < 0 ? b : b.substring(colon + 1));
        }
    }

    /** Reads {@code Www Mmm dd hh:mm:ss[.ffffff] yyyy}. */
    private static @Nullable Instant apacheTime(String t, ZoneId zone) {
        int year = t.lastIndexOf(' ');
        if (year < 12 || t.length() - year != 5) {
            return null;
        }
        String withYear = t.substring(4, 11) + t.substring(year + 1) + " " + t.substring(11, year);
        Times.Stamp stamp = Times.bsd(withYear, 0, Instant.EPOCH, zone);
        return stamp == null ? null : stamp.instant();
    }
}
