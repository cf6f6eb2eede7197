package vn.lachan.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads Linux audit records ({@code [node=… ]type=… msg=audit(1709607600.123:4567): key=value …}, raw
 * or enriched): the record's own keys stay under their names ({@code type}, {@code syscall},
 * {@code exe}, {@code a0}…) with quotes removed and hex-encoded strings decoded (EXECVE arguments,
 * {@code proctitle}, paths), the keys of a nested {@code msg='…'} are added beside them, and the
 * serial number and time come from the {@code audit(…)} stamp.
 */
final class Auditd {
    /** Keys whose unquoted value auditd writes hex-encoded when it holds spaces or odd characters. */
    private static final Set<String> ENCODED =
            Set.of("proctitle", "name", "cwd", "exe", "comm", "cmd", "path", "data", "acct", "old", "new", "ocomm");

    private Auditd() {}

    /** Tells whether {@code s} looks like an audit record. */
    static boolean looksLike(String s) {
        int start = s.startsWith("node=") ? Texts.nextSpace(s, 0) + 1 : 0;
        return s.startsWith("type=", start) && s.indexOf(" msg=audit(", start) > 0;
    }

    /** Parses {@code s} into {@code out}; returns null when parsed, else why it is not an audit record. */
    static @Nullable String parse(String s, Event out) {
        if (!looksLike(s)) {
            return "it does not start with 'type=… msg=audit('";
        }
        int stamp = s.indexOf("msg=audit(") + 10;
        int colon = s.indexOf(':', stamp);
        int close = s.indexOf("):", stamp);
        if (colon < 0 || close < colon) {
            return "its msg=audit(time:serial) stamp is not closed";
        }
        out.time(Times.epochSeconds(s.substring(stamp, colon)));
        out.number("auditd.log.sequence", s.substring(colon + 1, close));
        Map<String, String> head = KeyValues.read(s.substring(0, stamp - 10), 0);
        Map<String, String> body = KeyValues.read(s, close + 2);
        head.forEach((k, v) -> out.text(k, v));
        boolean execve = "EXECVE".equals(head.get("type"));
        body.forEach((k, v) -> out.text(k, decode(k, v, s, execve)));
        String inner = body.get("msg");
        if (inner != null && inner.indexOf('=') > 0) {
            KeyValues.read(inner, 0).forEach((k, v) -> {
                if (!out.has(k)) {
                    out.text(k, decode(k, v, inner, false));
                }
            });
        }
        ecs(out);
        return null;
    }

    private static String decode(String key, String value, String line, boolean execve) {
        boolean argument = execve && key.length() > 1 && key.charAt(0) == 'a' && Character.isDigit(key.charAt(1));
        if (!(argument || ENCODED.contains(key)) || !isHex(value) || line.contains(key + "=\"" + value)) {
            return value;
        }
        byte[] bytes = new byte[value.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int b = Character.digit(value.charAt(2 * i), 16) << 4 | Character.digit(value.charAt(2 * i + 1), 16);
            bytes[i] = (byte) (b == 0 ? ' ' : b);
        }
        return new String(bytes, StandardCharsets.UTF_8).strip();
    }

    private static boolean isHex(String v) {
        if (v.length() < 2 || v.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static void ecs(Event out) {
        out.put("event.kind", "event");
        out.put("event.module", "auditd");
        out.put("event.dataset", "auditd.log");
        out.put("host.os.type", "linux");
        if (out.get("type") instanceof String type) {
            out.put("event.action", type.toLowerCase(Locale.ROOT));
        }
        out.text("host.name", str(out.get("node")));
        out.number("process.pid", str(out.get("pid")));
        out.number("process.parent.pid", str(out.get("ppid")));
        out.text("process.executable", str(out.get("exe")));
        out.text("user.id", str(out.get("uid")));
        out.text("user.audit.id", str(out.get("auid")));
        out.text("user.name", str(out.get("acct")));
        out.ip("source.ip", str(out.get("addr")));
        String outcome = str(out.get("success"));
        String res = str(out.get("res"));
        if ("yes".equals(outcome) || "success".equals(res)) {
            out.put("event.outcome", "success");
        } else if ("no".equals(outcome) || "failed".equals(res)) {
            out.put("event.outcome", "failure");
        }
    }

    private static @Nullable String str(@Nullable Object o) {
        return o instanceof String s ? s : null;
    }
}
