package vn.lachan.ingest.parse;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Reads syslog headers: RFC 5424, RFC 3164 (BSD, also as written to files without {@code <PRI>}, with
 * an RFC 3339 timestamp as rsyslog writes it, or with a year as Cisco writes it), and a bare
 * {@code <PRI>} followed directly by the message (FortiGate, Sophos).
 *
 * <p>RFC 3164 timestamps carry no year and no zone: the zone is the configured one (UTC unless
 * configured) and the year the one that puts the time nearest the receipt time, so that a line of
 * 31 December received on 1 January keeps the old year.
 */
final class Syslog {
    private static final String[] FACILITIES = {
        "kern",
        "user",
        "mail",
        "daemon",
        "auth",
        "syslog",
        "lpr",
        "news",
        "uucp",
        "cron",
        "authpriv",
        "ftp",
        "ntp",
        "security",
        "console",
        "solaris-cron",
        "local0",
        "local1",
        "local2",
        "local3",
        "local4",
        "local5",
        "local6",
        "local7"
    };
    private static final String[] SEVERITIES = {
        "emergency", "alert", "critical", "error", "warning", "notice", "informational", "debug"
    };

    private Syslog() {}

    /**
     * Holds what the header says about the message that follows it.
     *
     * @param facility the facility code, or -1 without {@code <PRI>}
     * @param app the app-name or tag, or null
     * @param message the message after the header
     */
    record Header(int facility, @Nullable String app, String message) {}

    /** Reads the header at the start of {@code s} into {@code out}; returns null when there is none. */
    static @Nullable Header read(String s, Instant received, ZoneId zone, Event out) {
        int pri = -1;
        int i = 0;
        if (s.startsWith("<")) {
            int end = Times.digitsEnd(s, 1, 3);
            if (end == 1 || end >= s.length() || s.charAt(end) != '>') {
                return null;
            }
            pri = Integer.parseInt(s, 1, end, 10);
            if (pri > 191) {
                return null;
            }
            i = end + 1;
            priority(pri, out);
        }
        int versionEnd = Times.digitsEnd(s, i, 2);
        if (pri >= 0
                && versionEnd > i
                && versionEnd + 1 < s.length()
                && s.charAt(versionEnd) == ' '
                && s.charAt(i) != '0'
                && (s.charAt(versionEnd + 1) == '-' || isDigit(s, versionEnd + 1))) {
            return rfc5424(s, i, versionEnd, zone, out, pri);
        }
        return rfc3164(s, i, pri, received, zone, out);
    }

    private static void priority(int pri, Event out) {
        out.put("log.syslog.priority", (long) pri);
        out.put("log.syslog.facility.code", (long) (pri >> 3));
        out.put("log.syslog.facility.name", FACILITIES[pri >> 3]);
        out.put("log.syslog.severity.code", (long) (pri & 7));
        out.put("log.syslog.severity.name", SEVERITIES[pri & 7]);
        out.put("log.level", SEVERITIES[pri & 7]);
    }

    private static @Nullable Header rfc5424(String s, int at, int versionEnd, ZoneId zone, Event out, int pri) {
        out.number("log.syslog.version", s.substring(at, versionEnd));
        String[] tokens = new String[5]; // timestamp, hostname, app-name, procid, msgid
        int i = versionEnd + 1;
        for (int t = 0; t < tokens.length; t++) {
            int end = Texts.nextSpace(s, i);
            tokens[t] = s.substring(i, end);
            if (end >= s.length() && t < tokens.length - 1) {
                return null;
            }
            i = Math.min(end + 1, s.length());
        }
        if (!tokens[0].equals("-")) {
            Instant time = Times.iso(tokens[0], zone);
            if (time == null) {
                return null;
            }
            out.time(time);
        }
        host(tokens[1], out);
        String app = tokens[2].equals("-") ? null : tokens[2];
        process(app, tokens[3], out);
        out.text("log.syslog.msgid", tokens[4]);
        String message = structuredData(s, i, out);
        if (!message.isEmpty() && message.charAt(0) == '\uFEFF') {
            message = message.substring(1);
        }
        out.text("message", message);
        return new Header(pri >> 3, app, message);
    }

    /** Reads the structured data at {@code i}; returns the message after it. */
    private static String structuredData(String s, int i, Event out) {
        if (i >= s.length()) {
            return "";
        }
        if (s.charAt(i) == '-') {
            return s.length() > i + 1 ? s.substring(i + 2) : "";
        }
        if (s.charAt(i) != '[') {
            out.repair("RFC 5424 structured data at column " + (i + 1) + " is neither '-' nor '[': kept in message");
            return s.substring(i);
        }
        StructuredData.Result sd = StructuredData.read(s, i);
        if (sd.error() != null) {
            out.repair(sd.error() + ": kept in message");
            return s.substring(i);
        }
        out.put("log.syslog.structured_data", sd.elements());
        int end = sd.end();
        return end < s.length() && s.charAt(end) == ' ' ? s.substring(end + 1) : s.substring(end);
    }

    private static @Nullable Header rfc3164(String s, int at, int pri, Instant received, ZoneId zone, Event out) {
        Times.Stamp stamp = isDigit(s, at) ? Times.iso(s, at, zone) : Times.bsd(s, at, received, zone);
        if (stamp == null && isDigit(s, at)) {
            stamp = Times.utm(s, at, zone);
        }
        if (stamp == null) {
            if (pri < 0) {
                return null;
            }
            String message = s.substring(at);
            out.text("message", message);
            return new Header(pri >> 3, null, message);
        }
        out.time(stamp.instant());
        int i = Texts.skipSpaces(s, stamp.end());
        int end = Texts.nextSpace(s, i);
        if (!isTag(s, i, end)) {
            host(s.substring(i, end), out);
            i = Texts.skipSpaces(s, end);
        }
        return tag(s, i, pri, out);
    }

    /** Reads {@code app[pid]: } or {@code app: } at {@code i} when present, then the message. */
    private static Header tag(String s, int i, int pri, Event out) {
        int j = i;
        while (j < s.length() && " :[".indexOf(s.charAt(j)) < 0) {
            j++;
        }
        String pid = null;
        int k = j;
        if (k < s.length() && s.charAt(k) == '[') {
            int close = s.indexOf(']', k);
            pid = close < 0 ? null : s.substring(k + 1, close);
            k = close < 0 ? s.length() : close + 1;
        }
        String app = null;
        int messageStart = i;
        if (k < s.length() && s.charAt(k) == ':' && (k + 1 == s.length() || s.charAt(k + 1) == ' ')) {
            app = j > i ? s.substring(i, j) : null;
            process(app, pid, out);
            messageStart = k + 1 < s.length() && s.charAt(k + 1) == ' ' ? k + 2 : k + 1;
        }
        String message = s.substring(Math.min(messageStart, s.length()));
        out.text("message", message);
        return new Header(pri < 0 ? -1 : pri >> 3, app, message);
    }

    /** Tells whether the token {@code s[i, end)} is a tag ({@code app:} or {@code app[pid]:}), not a host. */
    private static boolean isTag(String s, int i, int end) {
        return end > i && (s.charAt(end - 1) == ':' || (s.indexOf('[', i) > 0 && s.indexOf('[', i) < end));
    }

    private static void host(String name, Event out) {
        if (name.isEmpty() || name.equals("-")) {
            return;
        }
        out.put("log.syslog.hostname", name);
        out.put("host.hostname", name);
        out.put("host.name", name);
        out.ip("host.ip", name);
    }

    private static void process(@Nullable String app, @Nullable String pid, Event out) {
        out.text("log.syslog.appname", app);
        out.text("process.name", app);
        out.text("log.syslog.procid", pid);
        out.number("process.pid", pid);
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }
}
