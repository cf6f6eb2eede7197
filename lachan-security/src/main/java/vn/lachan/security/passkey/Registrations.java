package vn.lachan.security.passkey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.exception.RegistrationFailedException;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.lachan.security.identity.UserAccount;

/**
 * Runs registration ceremonies: options that require a discoverable credential with user verification, then
 * the checks of the answer (challenge, origin, RP id, flags, attestation format) by the WebAuthn library.
 * Thread-safe.
 */
final class Registrations {
    private final RelyingParty rp;
    private final StoreRepository repository;
    private final PasskeyStore passkeys;
    private final Ceremonies<Pending> ceremonies;
    private final PasskeySettings settings;
    private final SecureRandom random;
    private final Clock clock;

    /** A registration waiting for the browser: whose it is and what it must answer. */
    record Pending(UUID user, PublicKeyCredentialCreationOptions options) {}

    Registrations(
            RelyingParty rp,
            StoreRepository repository,
            PasskeyStore passkeys,
            PasskeySettings settings,
            SecureRandom random,
            Clock clock) {
        this.rp = rp;
        this.repository = repository;
        this.passkeys = passkeys;
        this.settings = settings;
        this.random = random;
        this.clock = clock;
        this.ceremonies = new Ceremonies<>(clock, settings.ceremonyLifetime(), random);
    }

    CeremonyStart start(UserAccount account) {
        PublicKeyCredentialCreationOptions options = rp.startRegistration(StartRegistrationOptions.builder()
                .user(UserIdentity.builder()
                        .name(account.username())
                        .displayName(account.displayName())
                        .id(new ByteArray(handle(account.id())))
                        .build())
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .build())
                .timeout(settings.ceremonyLifetime().toMillis())
                .build());
        var id = ceremonies.begin(new Pending(account.id(), options));
        if (id.isEmpty()) {
            return new CeremonyStart.Refused(settings.ceremonyLifetime());
        }
        try {
            return new CeremonyStart.Ready(id.get(), options.toCredentialsCreateJson(), settings.ceremonyLifetime());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the passkey creation options as JSON", e);
        }
    }

    Registration finish(UUID user, String ceremony, String response, String name) {
        Pending pending = ceremonies.take(ceremony).orElse(null);
        if (pending == null || !pending.user().equals(user)) {
            return new Registration.Refused("the ceremony is unknown, used or expired; start the registration again");
        }
        RegistrationResult result;
        try {
            result = rp.finishRegistration(FinishRegistrationOptions.builder()
                    .request(pending.options())
                    .response(PublicKeyCredential.parseRegistrationResponseJson(response))
                    .build());
        } catch (IOException e) {
            return new Registration.Refused("the response is not a WebAuthn registration response: " + brief(e));
        } catch (RegistrationFailedException e) {
            return new Registration.Refused("the authenticator's answer is not valid: " + brief(e));
        }
        if (!result.isUserVerified()) {
            return new Registration.Refused("the authenticator did not verify the user (PIN or biometric)");
        }
        Passkey passkey = passkey(user, pending, result, name);
        if (!passkeys.add(passkey)) {
            return new Registration.Refused("this passkey is already registered");
        }
        return new Registration.Registered(passkey);
    }

    private Passkey passkey(UUID user, Pending pending, RegistrationResult result, String name) {
        SortedSet<AuthenticatorTransport> transports =
                result.getKeyId().getTransports().orElse(new TreeSet<>());
        Set<String> names =
                transports.stream().map(AuthenticatorTransport::getId).collect(Collectors.toSet());
        return new Passkey(
                result.getKeyId().getId().getBytes(),
                user,
                pending.options().getUser().getId().getBytes(),
                result.getPublicKeyCose().getBytes(),
                result.getSignatureCount(),
                names,
                result.isBackupEligible(),
                result.isBackedUp(),
                name,
                clock.instant(),
                null);
    }

    /** Returns the user's handle: the one their passkeys carry, or 32 new random bytes for a first passkey. */
    private byte[] handle(UUID user) {
        return repository.handleOf(user).orElseGet(() -> {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            return fresh;
        });
    }

    static String brief(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
