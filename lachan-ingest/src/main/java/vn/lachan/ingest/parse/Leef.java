package vn.lachan.ingest.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads IBM QRadar Log Event Extended Format: {@code LEEF:1.0|Vendor|Product|Version|EventID|} with
 * tab-separated attributes, and {@code LEEF:2.0|…|EventID|Delimiter|} where the delimiter is one
 * character or its hex code ({@code ^}, {@code x5E}, {@code 0x09}). Attributes stay under their own
 * names; the header goes to {@code leef.*} and {@code observer.*}.
 */
final class Leef {
    private static final int MAX_TIME_FORMATS = 64;
    private static final Map<String, DateTimeFormatter> TIME_FORMATS = new ConcurrentHashMap<>();

    private Leef() {}

    /** Parses {@code s} into {@code out}; returns null when parsed, else why it is not LEEF. */
    static @Nullable String parse(String s, Instant received, ZoneId zone, Event out) {
        if (!s.startsWith("LEEF:")) {
            return "it does not start with 'LEEF:'";
        }
        int[] bars = new int[6];
        int from = 5;
        for (int b = 0; b < 5; b++) {
            bars[b] = s.indexOf('|', from);
            if (bars[b] < 0) {
                return "its header has " + b + " of the 5 fields 'Version|Vendor|Product|Version|EventID|'";
            }
            from = bars[b] + 1;
        }
        String version = s.substring(5, bars[0]);
        char delimiter = '\t';
        int attrs = bars[4] + 1;
        bars[5] = s.indexOf('|', attrs);
        if (version.startsWith("2") && bars[5] > attrs) {
            Character d = delimiter(s.substring(attrs, bars[5]));
            if (d != null) {
                delimiter = d;
                attrs = bars[5] + 1;
            }
        }
        header(version, s, bars, out);
        Map<String, String> pairs = attributes(s, attrs, delimiter);
        pairs.forEach(out::text);
        ecs(pairs, out);
        out.time(time(pairs, received, zone));
        return null;
    }

    private static void header(String version, String s, int[] bars, Event out) {
        out.text("leef.version", version);
        out.text("leef.vendor", s.substring(bars[0] + 1, bars[1]));
        out.text("leef.product", s.substring(bars[1] + 1, bars[2]));
        out.text("leef.product_version", s.substring(bars[2] + 1, bars[3]));
        out.text("leef.event_id", s.substring(bars[3] + 1, bars[4]));
        out.text("observer.vendor", s.substring(bars[0] + 1, bars[1]));
        out.text("observer.product", s.substring(bars[1] + 1, bars[2]));
        out.text("observer.version", s.substring(bars[2] + 1, bars[3]));
        out.text("event.code", s.substring(bars[3] + 1, bars[4]));
        out.put("event.kind", "event");
    }

    /** Reads a LEEF 2.0 delimiter field: one character, or {@code xHH}/{@code 0xHH}; null when not one. */
    private static @Nullable Character delimiter(String field) {
        if (field.length() == 1 && field.charAt(0) != '=') {
            return field.charAt(0);
        }
        String hex = field.startsWith("0x") || field.startsWith("0X")
                ? field.substring(2)
                : field.startsWith("x") || field.startsWith("X") ? field.substring(1) : "";
        if (hex.isEmpty() || hex.length() > 4) {
            return null;
        }
        try {
            return (char) Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> attributes(String s, int from, char delimiter) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int i = from;
        while (i < s.length()) {
            int end = s.indexOf(delimiter, i);
            if (end < 0) {
                end = s.length();
            }
            int eq = s.indexOf('=', i);
            if (eq > i && eq < end) {
                pairs.putIfAbsent(s.substring(i, eq).strip(), s.substring(eq + 1, end));
            }
            i = end + 1;
        }
        return pairs;
    }

    private static void ecs(Map<String, String> a, Event out) {
        ip(a, out, "source.ip", "src");
        ip(a, out, "destination.ip", "dst");
        ip(a, out, "source.nat.ip", "srcPostNAT");
        out.number("source.port", a.get("srcPort"));
        out.number("destination.port", a.get("dstPort"));
        out.number("source.bytes", a.get("srcBytes"));
        out.number("destination.bytes", a.get("dstBytes"));
        out.text("source.mac", a.get("srcMAC"));
        out.text("destination.mac", a.get("dstMAC"));
        out.text("user.name", a.get("usrName"));
        out.text("host.name", a.get("identHostName"));
        out.text("event.action", a.getOrDefault("action", a.get("cat")));
        out.text("url.original", a.get("url"));
        out.number("event.severity", a.get("sev"));
        String proto = a.get("proto");
        if (proto != null && !proto.isEmpty()) {
            out.put("network.transport", proto.toLowerCase(Locale.ROOT));
        }
        out.textIfAbsent("message", a.getOrDefault("msg", a.get("message")));
    }

    private static void ip(Map<String, String> a, Event out, String ecs, String key) {
        out.ip(ecs, a.get(key));
    }

    /** Reads {@code devTime} with {@code devTimeFormat} (a Java date pattern), else epoch or syslog-like. */
    private static @Nullable Instant time(Map<String, String> a, Instant received, ZoneId zone) {
        String devTime = a.get("devTime");
        if (devTime == null || devTime.isEmpty()) {
            return null;
        }
        String format = a.get("devTimeFormat");
        if (format == null || format.isEmpty()) {
            return Cef.time(devTime, received, zone);
        }
        try {
            DateTimeFormatter formatter = formatter(format);
            TemporalAccessor t = formatter.parseBest(devTime, ZonedDateTime::from, LocalDateTime::from);
            return t instanceof ZonedDateTime z
                    ? z.toInstant()
                    : ((LocalDateTime) t).atZone(zone).toInstant();
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        DateTimeFormatter cached = TIME_FORMATS.get(pattern);
        if (cached != null) {
            return cached;
        }
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        if (TIME_FORMATS.size() < MAX_TIME_FORMATS) {
            TIME_FORMATS.put(pattern, formatter);
        }
        return formatter;
    }
}
