package vn.lachan.ingest.parse;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Recognizes what a syslog message (or a line without syslog header) holds and parses it further:
 * CEF, LEEF, auditd, Linux auth, web access and error logs, key=value lists. Detection looks only at
 * prefixes and fixed positions, so a message of no known kind costs a few comparisons.
 */
final class Messages {
    /** How many leading key=value pairs make a message a key=value list. */
    static final int KV_PAIRS = 3;

    private Messages() {}

    /**
     * Parses {@code m} into {@code out}; returns the name of the parser that understood it, or null when
     * none did (nothing is then written).
     *
     * @param app the syslog app-name or tag, or null
     * @param facility the syslog facility code, or -1 when unknown
     */
    static @Nullable String parse(
            String m, @Nullable String app, int facility, Instant received, ZoneId zone, Event out) {
        if (m.startsWith("CEF:")) {
            return Cef.parse(m, received, zone, out) == null ? "cef" : null;
        }
        if (m.startsWith("LEEF:")) {
            return Leef.parse(m, received, zone, out) == null ? "leef" : null;
        }
        if (Auditd.looksLike(m)) {
            return Auditd.parse(m, out) == null ? "auditd" : null;
        }
        if ((app != null && LinuxAuth.PROGRAMS.contains(app)) || facility == 4 || facility == 10) {
            LinuxAuth.parse(m, app, out);
            return "auth";
        }
        return web(m, app, zone, out);
    }

    /** Parses web logs and key=value lists; returns the parser's name or null. */
    static @Nullable String web(String m, @Nullable String app, ZoneId zone, Event out) {
        if (AccessLogs.looksLike(m) && AccessLogs.parse(m, webServer(app), zone, out) == null) {
            return "access";
        }
        if (WebErrors.looksLike(m) && WebErrors.parse(m, zone, out) == null) {
            return "web-error";
        }
        if (KeyValues.looksLike(m, 0, KV_PAIRS)) {
            Firewalls.map(KeyValues.read(m, 0), zone, out);
            return "kv";
        }
        return null;
    }

    /** Returns the web server a syslog tag names ({@code nginx}, {@code apache}), or null. */
    static @Nullable String webServer(@Nullable String app) {
        if (app == null) {
            return null;
        }
        return switch (app) {
            case "nginx" -> "nginx";
            case "apache", "apache2", "httpd" -> "apache";
            default -> null;
        };
    }

    /**
     * Classifies a syslog event whose message was plain text or Linux auth: {@code event.module: system},
     * {@code event.dataset: system.syslog} unless already set, and {@code host.os.type: linux} unless the
     * message is a network device's ({@code %FACILITY-SEVERITY-MNEMONIC}, as Cisco and Juniper write).
     */
    static void linux(String message, Event out) {
        out.textIfAbsent("event.kind", "event");
        out.textIfAbsent("event.module", "system");
        out.textIfAbsent("event.dataset", "system.syslog");
        if (!message.startsWith("%")) {
            out.textIfAbsent("host.os.type", "linux");
        }
    }
}
