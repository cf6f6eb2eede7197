package vn.lachan.security.identity;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.security.access.Role;

/** Checks and applies a {@link UserChange}, and describes it for the audit trail without personal data. */
final class AccountChanges {
    static final int MAX_DISPLAY_NAME = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,63}");

    private AccountChanges() {}

    /** Returns what is wrong with the display name or e-mail address of a request (empty when nothing). */
    static List<Problem> check(@Nullable String displayName, @Nullable String email, @Nullable Set<Role> roles) {
        List<Problem> problems = new ArrayList<>();
        if (displayName != null) {
            String display = displayName.strip();
            if (display.isEmpty() || display.length() > MAX_DISPLAY_NAME) {
                problems.add(new Problem("displayName", "", "give a display name of 1 to 200 characters"));
            }
        }
        if (email != null
                && !email.isBlank()
                && (email.length() > 320 || !EMAIL.matcher(email.strip()).matches())) {
            problems.add(new Problem("email", "", "'" + email.strip() + "' is not an e-mail address"));
        }
        if (roles != null && roles.isEmpty()) {
            problems.add(new Problem("roles", "", "grant at least one role"));
        }
        return problems;
    }

    /** Returns the display name as stored: trimmed, NFC (Vietnamese diacritics composed). */
    static String displayName(String typed) {
        return Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
    }

    /** Returns the e-mail address as stored, or null for none. */
    static @Nullable String email(@Nullable String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /** Returns the account with the change applied, stamped {@code now}. */
    static UserAccount apply(UserAccount a, UserChange change, Instant now) {
        String display = change.displayName();
        String email = change.email();
        var organization = change.organization();
        Set<Role> roles = change.roles();
        UserStatus status = change.status();
        return new UserAccount(
                a.id(),
                a.username(),
                display == null ? a.displayName() : displayName(display),
                email == null ? a.email() : email(email),
                organization == null ? a.organization() : organization,
                roles == null ? a.roles() : roles,
                status == null ? a.status() : status,
                a.created(),
                now);
    }

    /** Returns whether nothing but the updated time differs. */
    static boolean same(UserAccount before, UserAccount after) {
        return before.displayName().equals(after.displayName())
                && Objects.equals(before.email(), after.email())
                && before.organization().equals(after.organization())
                && before.roles().equals(after.roles())
                && before.status() == after.status();
    }

    /**
     * Returns the audit details of a change: roles, status and organization before and after; for the
     * display name and e-mail address only that they changed (personal data stays out of the trail).
     */
    static Map<String, String> details(UserAccount before, UserAccount after) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!before.roles().equals(after.roles())) {
            out.put("before.roles", names(before.roles()));
            out.put("after.roles", names(after.roles()));
        }
        if (before.status() != after.status()) {
            out.put("before.status", before.status().name());
            out.put("after.status", after.status().name());
        }
        if (!before.organization().equals(after.organization())) {
            out.put("before.organization", before.organization().toString());
            out.put("after.organization", after.organization().toString());
        }
        if (!before.displayName().equals(after.displayName())) {
            out.put("displayName", "changed");
        }
        if (!Objects.equals(before.email(), after.email())) {
            out.put("email", after.email() == null ? "removed" : before.email() == null ? "added" : "changed");
        }
        return out;
    }

    static String names(Set<Role> roles) {
        return String.join(",", new TreeSet<>(roles.stream().map(Role::name).toList()));
    }
}
