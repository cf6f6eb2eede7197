package vn.lachan.security.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Principal;
import vn.lachan.security.audit.AuditEntry;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.audit.Outcome;
import vn.lachan.security.identity.Credentials;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.identity.UserDirectory;
import vn.lachan.security.identity.UserStatus;
import vn.lachan.security.identity.UserStore;
import vn.lachan.security.mfa.RecoveryCodes;
import vn.lachan.security.mfa.Totp;
import vn.lachan.security.password.Passwords;

/**
 * Signs users in: password, then (for admin and SOC roles, or whoever enrolled one) a TOTP or
 * recovery code, with throttling per account, per unknown name and per source address.
 *
 * <p>Unknown users take the same path as known ones: a dummy Argon2id hash is computed and the same
 * answer given, so neither the answer nor its timing tells whether an account exists. Every
 * success, failure, throttle and lockout is appended to the audit trail. Delays are not slept
 * here: a refusal carries {@code retryAfter} and attempts before it are refused without checking
 * the password. Thread-safe.
 */
public final class SignInService {
    private static final int MAX_PASSWORD = 1024;
    private static final int MAX_CODE = 64;
    private static final int LIMITER_CAPACITY = 100_000;

    private final UserStore users;
    private final Passwords passwords;
    private final Totp totp;
    private final RecoveryCodes recoveryCodes;
    private final AuditTrail audit;
    private final Clock clock;
    private final SignInSettings settings;
    private final AttemptLimiter addresses;
    private final AttemptLimiter unknownNames;

    /** Creates the service; every collaborator is shared and thread-safe. */
    public SignInService(
            UserStore users,
            Passwords passwords,
            Totp totp,
            RecoveryCodes recoveryCodes,
            AuditTrail audit,
            Clock clock,
            SignInSettings settings) {
        this.users = Objects.requireNonNull(users, "users");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.totp = Objects.requireNonNull(totp, "totp");
        this.recoveryCodes = Objects.requireNonNull(recoveryCodes, "recoveryCodes");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.addresses = new AttemptLimiter(LIMITER_CAPACITY, settings::addressWait);
        this.unknownNames = new AttemptLimiter(LIMITER_CAPACITY, settings::accountWait);
    }

    /** Checks one sign-in attempt and says what happens next. */
    public SignInResult signIn(SignInAttempt attempt) {
        Instant now = clock.instant();
        String name = UserDirectory.normalizeUsername(attempt.username());
        String shownName = name.length() > UserDirectory.MAX_USERNAME ? name.substring(0, 64) + "…" : name;
        String address = attempt.sourceAddress() == null ? "local" : attempt.sourceAddress();
        Duration addressWait = addresses.remaining(address, now);
        if (addressWait.isPositive()) {
            record(shownName, "signin.throttled", null, attempt, Outcome.DENIED, Map.of("scope", "address"));
            return new SignInResult.Refused(addressWait);
        }
        boolean wellFormed = UserDirectory.checkUsername(name).isEmpty()
                && attempt.password().length() <= MAX_PASSWORD;
        Optional<UserAccount> account = wellFormed ? users.byUsername(name) : Optional.empty();
        if (account.isEmpty()) {
            return unknown(shownName, attempt, now, wellFormed);
        }
        return known(account.get(), attempt, now);
    }

    /**
     * Enrols a TOTP secret after the user proved it with a current code; returns the recovery codes
     * to show once, or empty when the code is wrong.
     */
    public Optional<List<String>> enrol(UUID user, byte[] secret, String code, @Nullable String sourceAddress) {
        OptionalLong step = totp.matchingStep(secret, code);
        Optional<UserAccount> account = users.byId(user);
        if (step.isEmpty() || account.isEmpty()) {
            audit.append(new AuditEntry(
                    "user:" + user,
                    "mfa.enrol",
                    user.toString(),
                    null,
                    sourceAddress,
                    Outcome.FAILURE,
                    Map.of("reason", "wrong code")));
            return Optional.empty();
        }
        users.setTotpSecret(user, secret);
        users.acceptTotpStep(user, step.getAsLong());
        List<String> codes = recoveryCodes.issue();
        users.replaceRecoveryCodes(user, codes.stream().map(RecoveryCodes::hash).collect(Collectors.toSet()));
        UserAccount a = account.get();
        audit.append(new AuditEntry(
                "user:" + a.username(),
                "mfa.enrol",
                a.id().toString(),
                a.organization(),
                sourceAddress,
                Outcome.SUCCESS,
                Map.of()));
        return Optional.of(codes);
    }

    /** Returns the principal of an active user (for a request carrying a valid session), or empty. */
    public Optional<Principal> principal(UUID user) {
        return users.byId(user)
                .filter(a -> a.status() == UserStatus.ACTIVE)
                .map(a -> Principal.user(a.id(), a.username(), a.organization(), a.roles()));
    }

    /**
     * Checks the second factor of a user whose first factor was proved elsewhere ({@code firstFactor}, e.g.
     * {@code oidc:keycloak}: a single sign-on provider that asserted no second factor), with the same code
     * rules, replay check, throttling and lockout as after a password; the outcome goes into the audit trail.
     */
    public SignInResult secondFactorAfter(String firstFactor, UUID user, String code, @Nullable String sourceAddress) {
        Optional<UserAccount> found = users.byId(user).filter(a -> a.status() == UserStatus.ACTIVE);
        if (found.isEmpty()) {
            return new SignInResult.Refused(Duration.ZERO);
        }
        UserAccount account = found.get();
        Instant now = clock.instant();
        var attempt = new SignInAttempt(account.username(), "", code, sourceAddress);
        Credentials credentials = users.credentials(user).orElse(Credentials.none());
        Optional<SignInResult> locked = lockedOut(account, credentials, attempt, now);
        if (locked.isPresent()) {
            return locked.get();
        }
        Optional<SignInResult> pending = secondFactor(account, credentials, attempt, now);
        if (pending.isPresent()) {
            return pending.get();
        }
        users.clearFailedAttempts(user);
        record(
                account.username(),
                "signin.success",
                account,
                attempt,
                Outcome.SUCCESS,
                Map.of("factors", firstFactor + "+second factor"));
        return new SignInResult.SignedIn(
                Principal.user(account.id(), account.username(), account.organization(), account.roles()));
    }

    /** Refuses, with the wait, an account locked after repeated failures; empty when it is not locked. */
    private Optional<SignInResult> lockedOut(
            UserAccount account, Credentials credentials, SignInAttempt attempt, Instant now) {
        Instant lockedUntil = credentials.lockedUntil();
        if (lockedUntil == null || !now.isBefore(lockedUntil)) {
            return Optional.empty();
        }
        record(account.username(), "signin.throttled", account, attempt, Outcome.DENIED, Map.of("scope", "account"));
        return Optional.of(new SignInResult.Refused(Duration.between(now, lockedUntil)));
    }

    private SignInResult unknown(String name, SignInAttempt attempt, Instant now, boolean wellFormed) {
        Duration wait = unknownNames.remaining(name, now);
        if (wait.isPositive()) {
            record(name, "signin.throttled", null, attempt, Outcome.DENIED, Map.of("scope", "account"));
            return new SignInResult.Refused(wait);
        }
        passwords.verifyDummy(attempt.password().length() <= MAX_PASSWORD ? attempt.password() : "");
        Duration nameWait = unknownNames.fail(name, now);
        Duration addressWait = addresses.fail(address(attempt), now);
        record(
                name,
                "signin.failure",
                null,
                attempt,
                Outcome.FAILURE,
                Map.of("reason", wellFormed ? "unknown user" : "malformed username or password"));
        return new SignInResult.Refused(longer(nameWait, addressWait));
    }

    private SignInResult known(UserAccount account, SignInAttempt attempt, Instant now) {
        Credentials credentials = users.credentials(account.id()).orElse(Credentials.none());
        Optional<SignInResult> locked = lockedOut(account, credentials, attempt, now);
        if (locked.isPresent()) {
            return locked.get();
        }
        String hash = credentials.passwordHash();
        if (hash == null ? !passwords.verifyDummy(attempt.password()) : !passwords.verify(attempt.password(), hash)) {
            return fail(account, attempt, now, "wrong password");
        }
        if (account.status() != UserStatus.ACTIVE) {
            record(
                    account.username(),
                    "signin.failure",
                    account,
                    attempt,
                    Outcome.DENIED,
                    Map.of("reason", "disabled"));
            return new SignInResult.Refused(Duration.ZERO);
        }
        if (account.requiresSecondFactor() || credentials.totpSecret() != null) {
            Optional<SignInResult> pending = secondFactor(account, credentials, attempt, now);
            if (pending.isPresent()) {
                return pending.get();
            }
        }
        return succeed(account, attempt, hash);
    }

    private Optional<SignInResult> secondFactor(
            UserAccount account, Credentials credentials, SignInAttempt attempt, Instant now) {
        byte[] secret = credentials.totpSecret();
        if (secret == null) {
            record(account.username(), "signin.enrolment", account, attempt, Outcome.SUCCESS, Map.of());
            return Optional.of(new SignInResult.EnrolmentRequired(account.id()));
        }
        String code = attempt.secondFactor();
        if (code == null || code.isBlank()) {
            return Optional.of(new SignInResult.SecondFactorRequired());
        }
        if (code.length() > MAX_CODE) {
            return Optional.of(fail(account, attempt, now, "malformed code"));
        }
        if (code.strip().length() > 8) {
            return users.consumeRecoveryCode(account.id(), RecoveryCodes.hash(code))
                    ? Optional.empty()
                    : Optional.of(fail(account, attempt, now, "wrong recovery code"));
        }
        OptionalLong step = totp.matchingStep(secret, code);
        if (step.isEmpty()) {
            return Optional.of(fail(account, attempt, now, "wrong code"));
        }
        if (!users.acceptTotpStep(account.id(), step.getAsLong())) {
            return Optional.of(fail(account, attempt, now, "replayed code"));
        }
        return Optional.empty();
    }

    private SignInResult fail(UserAccount account, SignInAttempt attempt, Instant now, String reason) {
        int failures = users.addFailedAttempt(account.id());
        Duration wait = settings.accountWait(failures);
        if (wait.isPositive()) {
            users.setLockedUntil(account.id(), now.plus(wait));
        }
        Duration addressWait = addresses.fail(address(attempt), now);
        record(
                account.username(),
                "signin.failure",
                account,
                attempt,
                Outcome.FAILURE,
                Map.of("reason", reason, "failures", Integer.toString(failures)));
        if (failures == settings.lockAfter()) {
            record(
                    account.username(),
                    "signin.lockout",
                    account,
                    attempt,
                    Outcome.DENIED,
                    Map.of("until", now.plus(wait).toString()));
        }
        return new SignInResult.Refused(longer(wait, addressWait));
    }

    private SignInResult succeed(UserAccount account, SignInAttempt attempt, @Nullable String hash) {
        users.clearFailedAttempts(account.id());
        if (hash != null && passwords.needsRehash(hash)) {
            users.setPasswordHash(account.id(), passwords.hash(attempt.password()), clock.instant());
        }
        Set<String> factors = attempt.secondFactor() == null ? Set.of("password") : Set.of("password", "second factor");
        record(
                account.username(),
                "signin.success",
                account,
                attempt,
                Outcome.SUCCESS,
                Map.of("factors", String.join("+", factors.stream().sorted().toList())));
        return new SignInResult.SignedIn(
                Principal.user(account.id(), account.username(), account.organization(), account.roles()));
    }

    private void record(
            String name,
            String action,
            @Nullable UserAccount account,
            SignInAttempt attempt,
            Outcome outcome,
            Map<String, String> details) {
        audit.append(new AuditEntry(
                "user:" + name,
                action,
                account == null ? null : account.id().toString(),
                account == null ? null : account.organization(),
                attempt.sourceAddress(),
                outcome,
                details));
    }

    private static String address(SignInAttempt attempt) {
        return attempt.sourceAddress() == null ? "local" : attempt.sourceAddress();
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
