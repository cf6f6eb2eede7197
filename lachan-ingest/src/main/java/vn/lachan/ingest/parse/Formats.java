package vn.lachan.ingest.parse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.lachan.ingest.normalize.EcsNormalizer;

/** Chooses the parser a record's format names, or detects it, and runs it. Thread-safe. */
final class Formats implements AutoCloseable {
    static final String KNOWN = "auto, json, syslog, cef, leef, kv, nginx, apache, auth, auditd, plain, grok:<name>";

    private final ZoneId zone;
    private final JsonRecords json;
    private final GrokPatterns grok;

    Formats(ParserConfig config, EcsNormalizer normalizer) {
        this.zone = config.localZone();
        this.json = new JsonRecords(normalizer);
        this.grok = new GrokPatterns(config.grokPatterns(), config.grokTimeout());
    }

    /**
     * Holds the outcome of one parse: the parser's name, or the reason none understood the record.
     */
    record Attempt(@Nullable String parser, String reason) {
        static Attempt ok(String parser) {
            return new Attempt(parser, "");
        }

        static Attempt failed(String reason) {
            return new Attempt(null, reason);
        }
    }

    /** Parses {@code text} as {@code format} says into {@code out}. */
    Attempt parse(String format, String text, Instant received, Event out) {
        if (format.startsWith("grok:")) {
            String reason = grok.parse(format.substring(5), text, zone, out);
            return reason == null ? Attempt.ok(format) : Attempt.failed(reason);
        }
        String name = format.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "auto" -> detect(text, received, out);
            case "json" -> result(name, json.parse(text, out));
            case "syslog" -> syslog(text, received, out);
            case "plain" -> plain(text, out);
            case "auth" -> auth(text, received, out);
            case "cef", "leef", "kv", "auditd", "nginx", "apache" -> explicit(name, text, received, out);
            default -> Attempt.failed("unknown format '" + format + "'; known formats: " + KNOWN);
        };
    }

    /**
     * Parses a JSON record straight from its bytes {@code payload[start, end)} when the format is {@code
     * json}, or {@code auto} and the text starts with <code>{</code>; returns the parser's name, or null
     * when the caller must decode the text and parse that: another format, bytes the decoder would
     * replace, or no JSON object (the reason then comes from the text, with columns counted in chars).
     */
    @Nullable
    String json(String format, byte[] payload, int start, int end, Event out) {
        String name = format.toLowerCase(Locale.ROOT);
        boolean auto = name.equals("auto");
        if (!auto && !name.equals("json")) {
            return null;
        }
        int from = start;
        while (auto && from < end && payload[from] == ' ') {
            from++;
        }
        if (auto && (from == end || payload[from] != '{')) {
            return null;
        }
        // a NUL among the first bytes would make Jackson's encoding detection read UTF-16 or UTF-32
        for (int i = from; i < Math.min(from + 4, end); i++) {
            if (payload[i] == 0) {
                return null;
            }
        }
        return Utf8.valid(payload, from, end) && json.parse(payload, from, end, out) ? "json" : null;
    }

    private static Attempt result(String parser, @Nullable String reason) {
        return reason == null ? Attempt.ok(parser) : Attempt.failed("not a " + parser + " record: " + reason);
    }

    private Attempt detect(String text, Instant received, Event out) {
        int i = Texts.skipSpaces(text, 0);
        String s = i == 0 ? text : text.substring(i);
        if (s.startsWith("{")) {
            return result("json", json.parse(s, out));
        }
        if (s.startsWith("<")) {
            return syslog(s, received, out);
        }
        if (s.startsWith("CEF:") || s.startsWith("LEEF:") || Auditd.looksLike(s)) {
            String sub = Messages.parse(s, null, -1, received, zone, out);
            return sub != null ? Attempt.ok(sub) : Attempt.failed("a malformed " + s.substring(0, 4) + " record");
        }
        Attempt syslog = syslog(s, received, out);
        if (syslog.parser() != null) {
            return syslog;
        }
        String web = Messages.web(s, null, zone, out);
        return web != null
                ? Attempt.ok(web)
                : Attempt.failed("no parser recognized the record: it is not JSON, syslog, CEF, LEEF, auditd, a"
                        + " web server log or a key=value list");
    }

    private Attempt syslog(String text, Instant received, Event out) {
        Syslog.Header header = Syslog.read(text, received, zone, out);
        if (header == null) {
            return Attempt.failed("not a syslog message: it starts with neither <PRI> nor an RFC 3164/3339 timestamp");
        }
        String sub = Messages.parse(header.message(), header.app(), header.facility(), received, zone, out);
        if (sub == null || sub.equals("auth")) {
            Messages.linux(header.message(), out);
        }
        return Attempt.ok(sub == null ? "syslog" : "syslog+" + sub);
    }

    private static Attempt plain(String text, Event out) {
        out.put("message", text);
        out.put("event.kind", "event");
        return Attempt.ok("plain");
    }

    /** Reads an auth log line: with its syslog header when it has one, else the message alone. */
    private Attempt auth(String text, Instant received, Event out) {
        Syslog.Header header = Syslog.read(text, received, zone, out);
        String message = header == null ? text : header.message();
        if (header == null) {
            out.put("message", text);
        }
        LinuxAuth.parse(message, header == null ? null : header.app(), out);
        Messages.linux(message, out);
        return Attempt.ok(header == null ? "auth" : "syslog+auth");
    }

    /** Parses the whole text as {@code name}, or else the message after a syslog header. */
    private Attempt explicit(String name, String text, Instant received, Event out) {
        String reason = direct(name, text, received, null, out);
        if (reason == null) {
            return Attempt.ok(name);
        }
        Event inner = new Event();
        Syslog.Header header = Syslog.read(text, received, zone, inner);
        if (header != null && direct(name, header.message(), received, header.app(), inner) == null) {
            inner.fields().forEach(out::put);
            out.time(inner.time());
            return Attempt.ok("syslog+" + name);
        }
        return Attempt.failed("not a " + name + " record: " + reason);
    }

    private @Nullable String direct(String name, String text, Instant received, @Nullable String app, Event out) {
        return switch (name) {
            case "cef" -> Cef.parse(text, received, zone, out);
            case "leef" -> Leef.parse(text, received, zone, out);
            case "auditd" -> Auditd.parse(text, out);
            case "kv" -> keyValues(text, out);
            default -> web(name, text, out);
        };
    }

    private @Nullable String keyValues(String text, Event out) {
        if (!KeyValues.looksLike(text, Texts.skipSpaces(text, 0), 1)) {
            return "it does not start with key=value";
        }
        Firewalls.map(KeyValues.read(text, 0), zone, out);
        return out.fields().isEmpty() ? "none of its keys has a value" : null;
    }

    private @Nullable String web(String server, String text, Event out) {
        if (WebErrors.looksLike(text)) {
            return WebErrors.parse(text, zone, out);
        }
        return AccessLogs.parse(text, server, zone, out);
    }

    @Override
    public void close() {
        grok.close();
    }
}
