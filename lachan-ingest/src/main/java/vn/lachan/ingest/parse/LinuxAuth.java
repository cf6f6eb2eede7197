package vn.lachan.ingest.parse;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads Linux authentication messages (what {@code /var/log/auth.log} and {@code secure} hold): sshd
 * logins accepted or failed by password, public key or keyboard-interactive, invalid users, closed
 * pre-auth connections, PAM authentication failures, and sudo command lines. Every message gets
 * {@code event.dataset: system.auth}; the recognized ones also {@code user.name}, {@code source.ip},
 * {@code event.action} and {@code event.outcome}.
 */
final class LinuxAuth {
    /** Programs that log to the auth facility; their messages are auth messages whatever the facility. */
    static final Set<String> PROGRAMS = Set.of(
            "sshd",
            "sudo",
            "su",
            "login",
            "passwd",
            "useradd",
            "userdel",
            "usermod",
            "groupadd",
            "groupdel",
            "chpasswd",
            "chage",
            "systemd-logind",
            "gdm-password",
            "polkitd",
            "pkexec",
            "unix_chkpwd",
            "doas");

    private LinuxAuth() {}

    /** Parses an auth message from {@code program} (may be null) into {@code out}. */
    static void parse(String message, @Nullable String program, Event out) {
        out.put("event.kind", "event");
        out.put("event.module", "system");
        out.put("event.dataset", "system.auth");
        if (message.startsWith("Accepted ") || message.startsWith("Failed ")) {
            login(message, out);
        } else if (message.startsWith("Invalid user ")) {
            invalidUser(message, out);
        } else if (message.startsWith("Connection closed by ") || message.startsWith("Disconnected from ")) {
            closed(message, out);
        } else if ("sudo".equals(program) && message.indexOf(" : ") > 0) {
            sudo(message, out);
        } else if (message.startsWith("pam_unix(") && message.contains("authentication failure")) {
            pamFailure(message, out);
        }
    }

    /** {@code Accepted|Failed <method> for [invalid user ]<user> from <ip> port <port> ssh2[...]}. */
    private static void login(String m, Event out) {
        boolean accepted = m.charAt(0) == 'A';
        int methodStart = accepted ? 9 : 7;
        int methodEnd = Texts.nextSpace(m, methodStart);
        if (!m.startsWith(" for ", methodEnd)) {
            return;
        }
        int userStart = methodEnd + 5;
        boolean invalid = m.startsWith("invalid user ", userStart);
        if (invalid) {
            userStart += 13;
        }
        int from = m.lastIndexOf(" from ");
        if (from < userStart) {
            return;
        }
        out.put("system.auth.ssh.event", accepted ? "Accepted" : "Failed");
        out.put("system.auth.ssh.method", m.substring(methodStart, methodEnd));
        out.text("user.name", m.substring(userStart, from));
        address(m, from + 6, out);
        authentication(out, "ssh_login", accepted);
        if (invalid) {
            out.put("system.auth.ssh.invalid_user", Boolean.TRUE);
        }
    }

    /** {@code Invalid user <user> from <ip>[ port <port>]}. */
    private static void invalidUser(String m, Event out) {
        int from = m.lastIndexOf(" from ");
        if (from < 13) {
            return;
        }
        out.put("system.auth.ssh.event", "Invalid");
        out.text("user.name", m.substring(13, from));
        address(m, from + 6, out);
        authentication(out, "ssh_invalid_user", false);
    }

    /** {@code Connection closed by [authenticating|invalid user <user> ]<ip> port <port> [preauth]}. */
    private static void closed(String m, Event out) {
        int i = m.charAt(0) == 'C' ? 21 : 18;
        for (String prefix : new String[] {"authenticating user ", "invalid user ", "user "}) {
            if (m.startsWith(prefix, i)) {
                int userEnd = Texts.nextSpace(m, i + prefix.length());
                out.text("user.name", m.substring(i + prefix.length(), userEnd));
                i = userEnd + 1;
                break;
            }
        }
        address(m, i, out);
        out.put("event.action", "ssh_disconnect");
    }

    /** Reads {@code <ip>[ port <port>]} at {@code i}. */
    private static void address(String m, int i, Event out) {
        if (i >= m.length()) {
            return;
        }
        int end = Texts.nextSpace(m, i);
        out.ip("source.ip", m.substring(i, end));
        if (m.startsWith(" port ", end)) {
            out.number("source.port", m.substring(end + 6, Texts.nextSpace(m, end + 6)));
        }
    }

    /** {@code <user> : [problem ; ]TTY=pts/0 ; PWD=/home/u ; USER=root ; COMMAND=/bin/cat /etc/shadow}. */
    private static void sudo(String m, Event out) {
        int colon = m.indexOf(" : ");
        out.text("user.name", m.substring(0, colon).strip());
        boolean failed = false;
        for (String part : m.substring(colon + 3).split(" ; ", -1)) {
            int eq = part.indexOf('=');
            String key = eq > 0 ? part.substring(0, eq) : "";
            String value = eq > 0 ? part.substring(eq + 1) : part;
            switch (key) {
                case "TTY" -> out.text("system.auth.sudo.tty", value);
                case "PWD" -> out.text("system.auth.sudo.pwd", value);
                case "USER" -> {
                    out.text("system.auth.sudo.user", value);
                    out.text("user.effective.name", value);
                }
                case "COMMAND" -> {
                    out.text("system.auth.sudo.command", value);
                    out.text("process.command_line", value);
                }
                default -> {
                    failed |= !key.isEmpty() || !value.isBlank();
                    out.text("system.auth.sudo.error", value.strip());
                }
            }
        }
        out.put("event.action", "sudo");
        out.put("event.category", "process");
        out.put("event.outcome", failed ? "failure" : "success");
    }

    /** {@code pam_unix(sshd:auth): authentication failure; logname= uid=0 … rhost=1.2.3.4  user=root}. */
    private static void pamFailure(String m, Event out) {
        var kv = KeyValues.read(m, m.indexOf(';') + 1);
        out.ip("source.ip", kv.get("rhost"));
        out.text("user.name", kv.get("user"));
        authentication(out, "pam_authentication_failure", false);
    }

    private static void authentication(Event out, String action, boolean success) {
        out.put("event.category", "authentication");
        out.put("event.action", action);
        out.put("event.outcome", success ? "success" : "failure");
    }
}
