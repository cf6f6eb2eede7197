package vn.lachan.security.identity;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.access.Role;

/** Keeps accounts and credentials in maps, with the atomicity the port asks for. */
public final class InMemoryUserStore implements UserStore {
    private final Map<UUID, UserAccount> accounts = new HashMap<>();
    private final Map<UUID, Credentials> credentials = new HashMap<>();
    private final Map<UUID, Set<String>> recovery = new HashMap<>();

    @Override
    public synchronized boolean create(UserAccount account) {
        if (byUsername(account.username()).isPresent() || accounts.containsKey(account.id())) {
            return false;
        }
        accounts.put(account.id(), account);
        credentials.put(account.id(), Credentials.none());
        return true;
    }

    @Override
    public synchronized Optional<UserAccount> byId(UUID id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public synchronized Optional<UserAccount> byUsername(String username) {
        return accounts.values().stream()
                .filter(a -> a.username().equals(username))
                .findFirst();
    }

    @Override
    public synchronized List<UserAccount> list(OrganizationFilter organizations) {
        return accounts.values().stream()
                .filter(a -> organizations.includes(a.organization()))
                .sorted(Comparator.comparing(UserAccount::username))
                .toList();
    }

    @Override
    public synchronized boolean update(UserAccount account) {
        UserAccount a = accounts.get(account.id());
        if (a == null) {
            return false;
        }
        accounts.put(
                a.id(),
                new UserAccount(
                        a.id(),
                        a.username(),
                        account.displayName(),
                        account.email(),
                        account.organization(),
                        account.roles(),
                        account.status(),
                        a.created(),
                        account.updated()));
        return true;
    }

    @Override
    public synchronized boolean updateRoles(UUID id, Set<Role> roles, Instant at) {
        UserAccount a = accounts.get(id);
        if (a == null) {
            return false;
        }
        accounts.put(
                id,
                new UserAccount(
                        id,
                        a.username(),
                        a.displayName(),
                        a.email(),
                        a.organization(),
                        roles,
                        a.status(),
                        a.created(),
                        at));
        return true;
    }

    @Override
    public synchronized boolean updateStatus(UUID id, UserStatus status, Instant at) {
        UserAccount a = accounts.get(id);
        if (a == null) {
            return false;
        }
        accounts.put(
                id,
                new UserAccount(
                        id,
                        a.username(),
                        a.displayName(),
                        a.email(),
                        a.organization(),
                        a.roles(),
                        status,
                        a.created(),
                        at));
        return true;
    }

    @Override
    public synchronized Optional<Credentials> credentials(UUID id) {
        return Optional.ofNullable(credentials.get(id));
    }

    @Override
    public synchronized boolean setPasswordHash(UUID id, String passwordHash, Instant at) {
        return change(
                id,
                c -> new Credentials(
                        passwordHash, c.totpSecret(), c.lastTotpStep(), c.failedAttempts(), c.lockedUntil(), at));
    }

    @Override
    public synchronized boolean setTotpSecret(UUID id, byte @Nullable [] secret) {
        recovery.remove(id);
        return change(
                id,
                c -> new Credentials(
                        c.passwordHash(), secret, -1, c.failedAttempts(), c.lockedUntil(), c.passwordChanged()));
    }

    @Override
    public synchronized boolean acceptTotpStep(UUID id, long step) {
        Credentials c = credentials.get(id);
        if (c == null || step <= c.lastTotpStep()) {
            return false;
        }
        return change(
                id,
                x -> new Credentials(
                        x.passwordHash(),
                        x.totpSecret(),
                        step,
                        x.failedAttempts(),
                        x.lockedUntil(),
                        x.passwordChanged()));
    }

    @Override
    public synchronized int addFailedAttempt(UUID id) {
        if (!change(
                id,
                c -> new Credentials(
                        c.passwordHash(),
                        c.totpSecret(),
                        c.lastTotpStep(),
                        c.failedAttempts() + 1,
                        c.lockedUntil(),
                        c.passwordChanged()))) {
            return 0;
        }
        return credentials(id).map(Credentials::failedAttempts).orElse(0);
    }

    @Override
    public synchronized boolean setLockedUntil(UUID id, @Nullable Instant until) {
        return change(
                id,
                c -> new Credentials(
                        c.passwordHash(),
                        c.totpSecret(),
                        c.lastTotpStep(),
                        c.failedAttempts(),
                        until,
                        c.passwordChanged()));
    }

    @Override
    public synchronized boolean clearFailedAttempts(UUID id) {
        return change(
                id,
                c -> new Credentials(c.passwordHash(), c.totpSecret(), c.lastTotpStep(), 0, null, c.passwordChanged()));
    }

    @Override
    public synchronized boolean replaceRecoveryCodes(UUID id, Set<String> codeHashes) {
        if (!accounts.containsKey(id)) {
            return false;
        }
        recovery.put(id, new HashSet<>(codeHashes));
        return true;
    }

    @Override
    public synchronized boolean consumeRecoveryCode(UUID id, String codeHash) {
        Set<String> codes = recovery.get(id);
        return codes != null && codes.remove(codeHash);
    }

    @Override
    public synchronized int recoveryCodesLeft(UUID id) {
        return recovery.getOrDefault(id, Set.of()).size();
    }

    private boolean change(UUID id, java.util.function.UnaryOperator<Credentials> change) {
        Credentials c = credentials.get(id);
        if (c == null) {
            return false;
        }
        credentials.put(id, change.apply(c));
        return true;
    }
}
