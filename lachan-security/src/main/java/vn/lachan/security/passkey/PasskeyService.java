package vn.lachan.security.passkey;

import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Principal;
import vn.lachan.security.audit.AuditEntry;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.audit.Outcome;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.identity.UserDirectory;
import vn.lachan.security.identity.UserStatus;
import vn.lachan.security.identity.UserStore;
import vn.lachan.security.signin.SignInResult;
import vn.lachan.security.signin.SignInSettings;

/**
 * Registers passkeys (WebAuthn) for signed-in users and signs people in with them.
 *
 * <p>Every ceremony requires user verification (a PIN or biometric on the authenticator), so a passkey
 * sign-in is itself two factors and needs no TOTP step, whatever the role. Passkeys are discoverable: a
 * person may sign in without typing a username. Challenges live on the server, single-use, for {@link
 * PasskeySettings#ceremonyLifetime()}. A signature counter that does not move forward (a cloned
 * authenticator) is refused and audited. Failed sign-ins throttle the source address on the curve of
 * password sign-in. Every registration, removal, sign-in and failure is appended to the audit trail.
 * Thread-safe.
 */
public final class PasskeyService {
    private static final int MAX_RESPONSE = 64 * 1024;

    private final PasskeyStore passkeys;
    private final UserStore users;
    private final AuditTrail audit;
    private final Clock clock;
    private final PasskeySettings settings;
    private final Throttle throttle;
    private final Registrations registrations;
    private final Assertions assertions;

    /** Creates the service; every collaborator is shared and thread-safe. */
    public PasskeyService(
            PasskeyStore passkeys,
            UserStore users,
            AuditTrail audit,
            Clock clock,
            SecureRandom random,
            PasskeySettings settings,
            SignInSettings signIn) {
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.throttle = new Throttle(signIn);
        StoreRepository repository = new StoreRepository(passkeys, users);
        RelyingParty rp = RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder()
                        .id(settings.rpId())
                        .name(settings.rpName())
                        .build())
                .credentialRepository(repository)
                .origins(settings.origins())
                .allowOriginPort(settings.anyPort())
                .allowOriginSubdomain(false)
                .attestationConveyancePreference(AttestationConveyancePreference.NONE)
                .validateSignatureCounter(false) // checked here, so that a clone is told apart and audited
                .clock(clock)
                .build();
        this.registrations = new Registrations(rp, repository, passkeys, settings, random, clock);
        this.assertions = new Assertions(rp, settings, random, clock);
    }

    /** Returns the relying party settings. */
    public PasskeySettings settings() {
        return settings;
    }

    /**
     * Starts registering a passkey for an active user.
     *
     * @throws IllegalArgumentException when the user does not exist or is not active
     */
    public CeremonyStart startRegistration(UUID user) {
        UserAccount account = users.byId(user)
                .filter(a -> a.status() == UserStatus.ACTIVE)
                .orElseThrow(() -> new IllegalArgumentException("no active user " + user));
        return registrations.start(account);
    }

    /** Finishes a registration the same user started, storing the passkey under {@code name}. */
    public Registration finishRegistration(
            UUID user, String ceremony, String response, String name, @Nullable String sourceAddress) {
        Optional<UserAccount> account = users.byId(user);
        Registration outcome;
        if (account.isEmpty() || account.get().status() != UserStatus.ACTIVE) {
            outcome = new Registration.Refused("the account is not active");
        } else if (response.length() > MAX_RESPONSE) {
            outcome = new Registration.Refused("the response is larger than " + MAX_RESPONSE + " characters");
        } else {
            outcome = registrations.finish(user, ceremony, response, name);
        }
        String actor = account.map(a -> "user:" + a.username()).orElse("user:" + user);
        UUID org = account.map(UserAccount::organization).orElse(null);
        switch (outcome) {
            case Registration.Registered r ->
                record(actor, "passkey.register", r.passkey().id(), org, sourceAddress, Outcome.SUCCESS, details(r));
            case Registration.Refused r ->
                record(
                        actor,
                        "passkey.register",
                        null,
                        org,
                        sourceAddress,
                        Outcome.FAILURE,
                        Map.of("reason", r.reason()));
        }
        return outcome;
    }

    /** Returns the user's passkeys, oldest first. */
    public List<Passkey> list(UUID user) {
        return passkeys.byUser(user);
    }

    /** Removes one of the acting user's passkeys by its base64url id; false when the user has none such. */
    public boolean remove(Principal actor, String credentialId, @Nullable String sourceAddress) {
        byte[] id = decode(credentialId);
        boolean removed = id != null && passkeys.remove(actor.id(), id);
        record(
                "user:" + actor.name(),
                "passkey.remove",
                credentialId.length() > 200 ? credentialId.substring(0, 200) : credentialId,
                actor.organization(),
                sourceAddress,
                removed ? Outcome.SUCCESS : Outcome.FAILURE,
                removed ? Map.of() : Map.of("reason", "no such passkey of this user"));
        return removed;
    }

    /**
     * Starts a sign-in. Without a username any discoverable passkey may answer; with one, the browser is
     * pointed at that account's passkeys (or at a decoy, so the answer does not tell whether it exists).
     */
    public CeremonyStart startSignIn(@Nullable String username, @Nullable String sourceAddress) {
        Duration wait = throttle.remaining(address(sourceAddress), clock.instant());
        if (wait.isPositive()) {
            return new CeremonyStart.Refused(wait);
        }
        if (username == null || username.isBlank()) {
            return assertions.start(null, false);
        }
        String name = UserDirectory.normalizeUsername(username);
        boolean known = UserDirectory.checkUsername(name).isEmpty()
                && users.byUsername(name)
                        .map(a -> !passkeys.byUser(a.id()).isEmpty())
                        .orElse(false);
        return assertions.start(name, known);
    }

    /** Finishes a sign-in: checks the browser's answer and says whether the person is signed in. */
    public SignInResult finishSignIn(String ceremony, String response, @Nullable String sourceAddress) {
        Instant now = clock.instant();
        Duration wait = throttle.remaining(address(sourceAddress), now);
        if (wait.isPositive()) {
            record(
                    "anonymous",
                    "signin.throttled",
                    null,
                    null,
                    sourceAddress,
                    Outcome.DENIED,
                    Map.of("method", "passkey"));
            return new SignInResult.Refused(wait);
        }
        if (response.length() > MAX_RESPONSE) {
            return fail(null, null, "response too large", sourceAddress, now);
        }
        return switch (assertions.finish(ceremony, response)) {
            case Assertions.Checked.Invalid invalid ->
                fail(null, invalid.credentialId(), invalid.reason(), sourceAddress, now);
            case Assertions.Checked.Valid valid -> signIn(valid, sourceAddress, now);
        };
    }

    private SignInResult signIn(Assertions.Checked.Valid valid, @Nullable String sourceAddress, Instant now) {
        ByteArray credentialId = valid.result().getCredentialId();
        Passkey passkey = passkeys.byCredentialId(credentialId.getBytes()).orElse(null);
        UserAccount account =
                passkey == null ? null : users.byId(passkey.user()).orElse(null);
        if (passkey == null || account == null) {
            return fail(null, credentialId.getBase64Url(), "passkey removed meanwhile", sourceAddress, now);
        }
        if (!valid.counterValid()) {
            record(
                    "user:" + account.username(),
                    "passkey.clone_suspected",
                    passkey.id(),
                    account.organization(),
                    sourceAddress,
                    Outcome.DENIED,
                    Map.of(
                            "stored_count",
                            Long.toString(passkey.signatureCount()),
                            "presented_count",
                            Long.toString(valid.result().getSignatureCount())));
            return fail(
                    account, passkey.id(), "signature counter went back (cloned authenticator?)", sourceAddress, now);
        }
        if (account.status() != UserStatus.ACTIVE) {
            return fail(account, passkey.id(), "disabled", sourceAddress, now);
        }
        if (!passkeys.recordUse(
                passkey.credentialId(),
                passkey.signatureCount(),
                valid.result().getSignatureCount(),
                valid.result().isBackedUp(),
                now)) {
            return fail(account, passkey.id(), "the passkey was used concurrently", sourceAddress, now);
        }
        record(
                "user:" + account.username(),
                "signin.success",
                account.id().toString(),
                account.organization(),
                sourceAddress,
                Outcome.SUCCESS,
                Map.of("factors", "passkey", "passkey", passkey.id()));
        return new SignInResult.SignedIn(
                Principal.user(account.id(), account.username(), account.organization(), account.roles()));
    }

    private SignInResult fail(
            @Nullable UserAccount account,
            @Nullable String credentialId,
            String reason,
            @Nullable String sourceAddress,
            Instant now) {
        Duration wait = throttle.fail(address(sourceAddress), now);
        record(
                account == null ? "anonymous" : "user:" + account.username(),
                "signin.failure",
                account == null ? null : account.id().toString(),
                account == null ? null : account.organization(),
                sourceAddress,
                Outcome.FAILURE,
                credentialId == null
                        ? Map.of("method", "passkey", "reason", reason)
                        : Map.of("method", "passkey", "reason", reason, "passkey", credentialId));
        return new SignInResult.Refused(wait);
    }

    private void record(
            String actor,
            String action,
            @Nullable String target,
            @Nullable UUID organization,
            @Nullable String sourceAddress,
            Outcome outcome,
            Map<String, String> details) {
        audit.append(new AuditEntry(actor, action, target, organization, sourceAddress, outcome, details));
    }

    private static Map<String, String> details(Registration.Registered r) {
        Passkey p = r.passkey();
        return Map.of(
                "transports", String.join(",", p.transports().stream().sorted().toList()),
                "backup_eligible", Boolean.toString(p.backupEligible()));
    }

    private static byte @Nullable [] decode(String base64Url) {
        if (base64Url.isEmpty() || base64Url.length() > 1400) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(base64Url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String address(@Nullable String sourceAddress) {
        return sourceAddress == null ? "local" : sourceAddress;
    }
}
