package vn.lachan.security.identity;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.NotFound;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.access.Permission;
import vn.lachan.security.access.Principal;
import vn.lachan.security.access.Role;
import vn.lachan.security.audit.AuditEntry;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.audit.Outcome;
import vn.lachan.security.password.Passwords;
import vn.lachan.security.session.Sessions;
import vn.lachan.security.sso.IdentityLinks;
import vn.lachan.security.token.ApiTokens;

/**
 * Creates and changes user accounts, checking every input and permission and auditing every change.
 *
 * <p>Each method takes the acting principal and checks it through {@link AccessPolicy}: an account
 * outside the actor's organizations is {@link NotFound}, like one that does not exist; nobody grants a
 * role above their own, nor changes an account holding one ({@link AccessPolicy#requireGrantable}); an
 * account's new organization must be one the actor sees. A null actor means the command line on the
 * server itself ({@code lachan admin …}), which needs no permission. Changing a password, resetting the
 * second factor or disabling an account ends the user's sessions; disabling also revokes the API tokens
 * the user issued. The last active platform administrator can be neither disabled nor demoted. The HTTP
 * API and the command line share these rules. Thread-safe.
 */
public final class UserDirectory {
    /** The longest username accepted. */
    public static final int MAX_USERNAME = 64;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");

    private final UserStore users;
    private final Passwords passwords;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final AccessPolicy policy;
    private final Clock clock;
    private final IdentityLinks links;
    // changes that may touch the last platform administrator are checked and made one at a time
    private final ReentrantLock changes = new ReentrantLock();

    /** Creates the directory without single sign-on identities; every collaborator is shared and thread-safe. */
    public UserDirectory(
            UserStore users,
            Passwords passwords,
            Sessions sessions,
            ApiTokens tokens,
            AuditTrail audit,
            AccessPolicy policy,
            Clock clock) {
        this(users, passwords, sessions, tokens, audit, policy, clock, IdentityLinks.none());
    }

    /**
     * Creates the directory; every collaborator is shared and thread-safe.
     *
     * @param links the single sign-on identities linked to accounts, listed and removed through the directory
     */
    public UserDirectory(
            UserStore users,
            Passwords passwords,
            Sessions sessions,
            ApiTokens tokens,
            AuditTrail audit,
            AccessPolicy policy,
            Clock clock,
            IdentityLinks links) {
        this.links = Objects.requireNonNull(links, "links");
        this.users = Objects.requireNonNull(users, "users");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
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
        List<Problem> problems = new ArrayList<>();
        if (by != null) {
            policy.require(by, Permission.USERS_MANAGE, null);
            policy.requireGrantable(by, request.roles());
            problems.addAll(organizationProblems(by, request.organization()));
        }
        String username = normalizeUsername(request.username());
        problems.addAll(check(request, username));
        if (problems.isEmpty() && users.byUsername(username).isPresent()) {
            problems.add(new Problem("username", "", "the username '" + username + "' is taken"));
        }
        if (!problems.isEmpty()) {
            return new CreateResult.Rejected(problems);
        }
        Instant now = clock.instant();
        UserAccount account = new UserAccount(
                UUID.randomUUID(),
                username,
                AccountChanges.displayName(request.displayName()),
                AccountChanges.email(request.email()),
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
        record(by, "user.create", account, Map.of("roles", AccountChanges.names(request.roles())));
        return new CreateResult.Created(account);
    }

    /** Returns the accounts the actor may see. */
    public List<UserAccount> list(Principal by) {
        policy.require(by, Permission.USERS_READ, null);
        return users.list(policy.visibleOrganizations(by));
    }

    /** Returns the page of the accounts the actor may see that {@code query} selects. */
    public UserPage page(Principal by, UserQuery query) {
        return UserPages.page(list(by), query);
    }

    /** Returns the account {@code id} if the actor may see it; empty when unknown or another organization's. */
    public Optional<UserAccount> find(Principal by, UUID id) {
        policy.require(by, Permission.USERS_READ, null);
        return users.byId(id).filter(a -> policy.canSee(by, a.organization()));
    }

    /**
     * Changes an account as asked; disabling it ends its sessions and revokes the tokens it issued.
     *
     * @throws NotFound when the account does not exist or is outside the actor's organizations
     * @throws vn.lachan.security.access.Forbidden when the actor lacks the permission, or the account holds
     *     or would hold a role above the actor's
     */
    public UpdateResult update(@Nullable Principal by, UUID id, UserChange change) {
        changes.lock();
        try {
            UserAccount before = manageable(by, id);
            List<Problem> problems =
                    new ArrayList<>(AccountChanges.check(change.displayName(), change.email(), change.roles()));
            Set<Role> roles = change.roles();
            UUID organization = change.organization();
            if (by != null && roles != null) {
                policy.requireGrantable(by, roles);
            }
            if (by != null && organization != null) {
                problems.addAll(organizationProblems(by, organization));
            }
            if (!problems.isEmpty()) {
                return new UpdateResult.Rejected(problems);
            }
            UserAccount after = AccountChanges.apply(before, change, clock.instant());
            Optional<Problem> conflict = conflict(by, before, after);
            if (conflict.isPresent()) {
                return new UpdateResult.Conflict(conflict.get());
            }
            return AccountChanges.same(before, after) ? new UpdateResult.Updated(before) : store(by, before, after);
        } finally {
            changes.unlock();
        }
    }

    private UpdateResult store(@Nullable Principal by, UserAccount before, UserAccount after) {
        if (!users.update(after)) {
            throw new NotFound();
        }
        Map<String, String> details = new HashMap<>(AccountChanges.details(before, after));
        if (before.status() == UserStatus.ACTIVE && after.status() == UserStatus.DISABLED) {
            details.put("sessionsEnded", Integer.toString(sessions.endAll(after.id())));
            details.put("tokensRevoked", Integer.toString(tokens.revokeIssuedBy(by, after.id())));
        }
        record(by, "user.update", after, details);
        return new UpdateResult.Updated(after);
    }

    private Optional<Problem> conflict(@Nullable Principal by, UserAccount before, UserAccount after) {
        if (by != null
                && by.kind() == Principal.Kind.USER
                && by.id().equals(before.id())
                && after.status() == UserStatus.DISABLED) {
            return Optional.of(
                    new Problem("status", "", "you cannot disable your own account; ask another administrator"));
        }
        if (activeAdmin(before) && !activeAdmin(after) && otherActiveAdmins(before.id()) == 0) {
            String field = after.status() == UserStatus.DISABLED ? "status" : "roles";
            return Optional.of(new Problem(
                    field,
                    "",
                    "'" + before.username() + "' is the last active platform administrator; make another user"
                            + " PLATFORM_ADMIN first"));
        }
        return Optional.empty();
    }

    private static boolean activeAdmin(UserAccount account) {
        return account.status() == UserStatus.ACTIVE && account.roles().contains(Role.PLATFORM_ADMIN);
    }

    private long otherActiveAdmins(UUID except) {
        return users.list(new OrganizationFilter.All()).stream()
                .filter(a -> !a.id().equals(except) && activeAdmin(a))
                .count();
    }

    /** Sets a new password and ends the user's sessions, or lists why the password is refused. */
    public List<Problem> setPassword(@Nullable Principal by, UUID user, String password) {
        UserAccount account = manageable(by, user);
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
        UserAccount account = manageable(by, user);
        users.setTotpSecret(user, null);
        int ended = sessions.endAll(user);
        record(by, "user.mfa.reset", account, Map.of("sessionsEnded", Integer.toString(ended)));
    }

    /**
     * Returns the single sign-on identities (provider, issuer, subject) linked to the account, oldest first.
     *
     * @throws NotFound when the account does not exist or is outside the actor's organizations
     */
    public List<IdentityLinks.Link> identities(Principal by, UUID user) {
        if (find(by, user).isEmpty()) {
            throw new NotFound();
        }
        return links.of(user);
    }

    /**
     * Removes every single sign-on identity linked to the account (one linked by mistake, say through a matching
     * e-mail address) and ends its sessions; the next sign-in through a provider links afresh by the configured
     * rules. Returns how many links were removed.
     *
     * @throws NotFound when the account does not exist or is outside the actor's organizations
     */
    public int unlinkIdentities(@Nullable Principal by, UUID user) {
        UserAccount account = manageable(by, user);
        int removed = links.unlinkAll(user);
        int ended = sessions.endAll(user);
        record(
                by,
                "user.identities.unlink",
                account,
                Map.of("removed", Integer.toString(removed), "sessionsEnded", Integer.toString(ended)));
        return removed;
    }

    private List<Problem> check(NewUser request, String username) {
        List<Problem> problems = new ArrayList<>(checkUsername(request.username()));
        problems.addAll(AccountChanges.check(request.displayName(), request.email(), request.roles()));
        problems.addAll(Passwords.check(username, request.password()));
        return problems;
    }

    private List<Problem> organizationProblems(Principal by, UUID organization) {
        return policy.canSee(by, organization)
                ? List.of()
                : List.of(new Problem("organization", "", "there is no organization " + organization));
    }

    /** Returns the account if the actor may manage it: sees it, holds the permission and every role it has. */
    private UserAccount manageable(@Nullable Principal by, UUID user) {
        UserAccount account = users.byId(user).orElseThrow(NotFound::new);
        if (by != null) {
            policy.require(by, Permission.USERS_MANAGE, account.organization());
            policy.requireGrantable(by, account.roles());
        }
        return account;
    }

    private void record(@Nullable Principal by, String action, UserAccount target, Map<String, String> details) {
        String actor = by == null ? "system" : by.kind().name().toLowerCase(Locale.ROOT) + ":" + by.name();
        audit.append(new AuditEntry(
                actor, action, target.username(), target.organization(), null, Outcome.SUCCESS, details));
    }
}
