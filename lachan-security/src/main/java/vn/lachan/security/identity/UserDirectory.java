package vn.lachan.security.identity;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.NotFound;
import vn.lachan.security.access.Permission;
import vn.lachan.security.access.Principal;
import vn.lachan.security.access.Role;
import vn.lachan.security.audit.AuditEntry;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.audit.Outcome;
import vn.lachan.security.password.Passwords;
import vn.lachan.security.session.Sessions;

/**
 * Creates and changes user accounts, checking every input and permission and auditing every change.
 *
 * <p>Each method takes the acting principal and checks it through {@link AccessPolicy}: an account
 * outside the actor's organizations is {@link NotFound}, like one that does not exist. A null actor
 * means the command line on the server itself ({@code lachan admin …}), which needs no permission.
 * Changing a password, resetting the second factor or disabling an account ends the user's
 * sessions. Thread-safe.
 */
public final class UserDirectory {
    /** The longest username accepted. */
    public static final int MAX_USERNAME = 64;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,63}");

    private final UserStore users;
    private final Passwords passwords;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final AccessPolicy policy;
    private final Clock clock;

    /** Creates the directory; every collaborator is shared and thread-safe. */
    public UserDirectory(
            UserStore users,
            Passwords passwords,
            Sessions sessions,
            AuditTrail audit,
            AccessPolicy policy,
            Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns the username in the form it is stored and compared in: trimmed, NFKC, lower case. */
    public static String normalizeUsername(String username) {
        return Normalizer.normalize(username.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Returns what is wrong with a username as typed (empty when it is acceptable). */
    public static List<Problem> checkUsername(String username) {
        String normalized = normalizeUsername(username);
        if (normalized.isEmpty()) {
            return List.of(new Problem("username", "", "the username is empty"));
        }
        if (normalized.length() > MAX_USERNAME) {
            return List.of(new Problem(
                    "username",
                    "",
                    "the username has " + normalized.length() + " characters; at most " + MAX_USERNAME
                            + " are allowed"));
        }
        if (!USERNAME.matcher(normalized).matches()) {
            return List.of(new Problem(
                    "username",
                    "",
                    "use 3 to 64 letters a-z, digits and . _ @ -," + " starting with a letter or digit (got '"
                            + normalized + "')"));
        }
        return List.of();
    }

    /** Creates a user, or lists every problem with the request and creates nothing. */
    public CreateResult create(@Nullable Principal by, NewUser request) {
        require(by, Permission.USERS_MANAGE, request.organization());
        String username = normalizeUsername(request.username());
        List<Problem> problems = check(request, username);
        if (problems.isEmpty() && users.byUsername(username).isPresent()) {
            problems.add(new Problem("username", "", "the username '" + username + "' is taken"));
        }
        if (!problems.isEmpty()) {
            return new CreateResult.Rejected(problems);
        }
        Instant now = clock.instant();
        String email = request.email() == null || request.email().isBlank()
                ? null
                : request.email().strip();
        UserAccount account = new UserAccount(
                UUID.randomUUID(),
                username,
                request.displayName().strip(),
                email,
                request.organization(),
                request.roles(),
                UserStatus.ACTIVE,
                now,
                now);
        if (!users.create(account)) {
            return new CreateResult.Rejected(
                    List.of(new Problem("username", "", "the username '" + username + "' is taken")));
        }
        users.setPasswordHash(account.id(), passwords.hash(request.password()), now);
        record(by, "user.create", account, Map.of("roles", names(request.roles())));
        return new CreateResult.Created(account);
    }

    /** Returns the accounts the actor may see. */
    public List<UserAccount> list(Principal by) {
        policy.require(by, Permission.USERS_READ, null);
        return users.list(policy.visibleOrganizations(by));
    }

    /** Replaces a user's roles (they apply from the user's next request). */
    public void changeRoles(@Nullable Principal by, UUID user, Set<Role> roles) {
        UserAccount account = account(by, user);
        users.updateRoles(user, roles, clock.instant());
        record(by, "user.roles", account, Map.of("from", names(account.roles()), "to", names(roles)));
    }

    /** Enables or disables an account; disabling ends its sessions. */
    public void setStatus(@Nullable Principal by, UUID user, UserStatus status) {
        UserAccount account = account(by, user);
        users.updateStatus(user, status, clock.instant());
        int ended = status == UserStatus.DISABLED ? sessions.endAll(user) : 0;
        record(by, "user.status", account, Map.of("to", status.name(), "sessionsEnded", Integer.toString(ended)));
    }

    /** Sets a new password and ends the user's sessions, or lists why the password is refused. */
    public List<Problem> setPassword(@Nullable Principal by, UUID user, String password) {
        UserAccount account = account(by, user);
        List<Problem> problems = Passwords.check(account.username(), password);
        if (!problems.isEmpty()) {
            return problems;
        }
        users.setPasswordHash(user, passwords.hash(password), clock.instant());
        users.clearFailedAttempts(user);
        int ended = sessions.endAll(user);
        record(by, "user.password", account, Map.of("sessionsEnded", Integer.toString(ended)));
        return List.of();
    }

    /** Removes the user's second factor and recovery codes (lost phone) and ends their sessions. */
    public void resetSecondFactor(@Nullable Principal by, UUID user) {
        UserAccount account = account(by, user);
        users.setTotpSecret(user, null);
        int ended = sessions.endAll(user);
        record(by, "user.mfa.reset", account, Map.of("sessionsEnded", Integer.toString(ended)));
    }

    private List<Problem> check(NewUser request, String username) {
        List<Problem> problems = new ArrayList<>(checkUsername(request.username()));
        String display = request.displayName().strip();
        if (display.isEmpty() || display.length() > 200) {
            problems.add(new Problem("displayName", "", "give a display name of 1 to 200 characters"));
        }
        String email = request.email();
        if (email != null
                && !email.isBlank()
                && (email.length() > 320 || !EMAIL.matcher(email.strip()).matches())) {
            problems.add(new Problem("email", "", "'" + email.strip() + "' is not an e-mail address"));
        }
        if (request.roles().isEmpty()) {
            problems.add(new Problem("roles", "", "grant at least one role"));
        }
        problems.addAll(Passwords.check(username, request.password()));
        return problems;
    }

    private UserAccount account(@Nullable Principal by, UUID user) {
        UserAccount account = users.byId(user).orElseThrow(NotFound::new);
        require(by, Permission.USERS_MANAGE, account.organization());
        return account;
    }

    private void require(@Nullable Principal by, Permission permission, UUID organization) {
        if (by != null) {
            policy.require(by, permission, organization);
        }
    }

    private void record(@Nullable Principal by, String action, UserAccount target, Map<String, String> details) {
        String actor = by == null ? "system" : by.kind().name().toLowerCase(Locale.ROOT) + ":" + by.name();
        audit.append(new AuditEntry(
                actor, action, target.username(), target.organization(), null, Outcome.SUCCESS, details));
    }

    private static String names(Set<Role> roles) {
        return String.join(",", new TreeSet<>(roles.stream().map(Role::name).toList()));
    }
}
