package vn.lachan.security.passkey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.exception.AssertionFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Runs authentication ceremonies: options that require user verification (with no allowed credentials for a
 * username-less sign-in), then the checks of the answer by the WebAuthn library, the signature counter and
 * the one-time use of the stored count. Thread-safe.
 */
final class Assertions {
    private final RelyingParty rp;
    private final Ceremonies<AssertionRequest> ceremonies;
    private final PasskeySettings settings;
    private final byte[] decoyKey = new byte[32];

    /** What an answer proved, or why it proved nothing. */
    sealed interface Checked {
        /** The signature is valid; {@code counterValid} is false when the counter did not move forward. */
        record Valid(AssertionResult result, boolean counterValid) implements Checked {}

        /** The answer proved nothing. */
        record Invalid(String reason, @Nullable String credentialId) implements Checked {}
    }

    Assertions(RelyingParty rp, PasskeySettings settings, SecureRandom random, Clock clock) {
        this.rp = rp;
        this.settings = settings;
        this.ceremonies = new Ceremonies<>(clock, settings.ceremonyLifetime(), random);
        random.nextBytes(decoyKey);
    }

    /**
     * Starts a sign-in; with a username of an account that has passkeys, the browser is told which may
     * answer, otherwise any discoverable passkey of this RP may (so the options do not tell whether the
     * account exists).
     */
    CeremonyStart start(@Nullable String username, boolean known) {
        StartAssertionOptions.StartAssertionOptionsBuilder options = StartAssertionOptions.builder()
                .userVerification(UserVerificationRequirement.REQUIRED)
                .timeout(settings.ceremonyLifetime().toMillis());
        if (username != null && known) {
            options.username(username);
        }
        AssertionRequest request = rp.startAssertion(options.build());
        if (username != null && !known) {
            request = withDecoy(request, username);
        }
        Optional<String> id = ceremonies.begin(request);
        if (id.isEmpty()) {
            return new CeremonyStart.Refused(settings.ceremonyLifetime());
        }
        try {
            return new CeremonyStart.Ready(id.get(), request.toCredentialsGetJson(), settings.ceremonyLifetime());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the passkey request options as JSON", e);
        }
    }

    /**
     * Lists one made-up credential for a username without passkeys, the same for the same name while the
     * process runs, so the options look like those of an account with one passkey.
     */
    private AssertionRequest withDecoy(AssertionRequest request, String username) {
        byte[] id;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(decoyKey, "HmacSHA256"));
            id = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
        var decoy =
                PublicKeyCredentialDescriptor.builder().id(new ByteArray(id)).build();
        return request.toBuilder()
                .publicKeyCredentialRequestOptions(request.getPublicKeyCredentialRequestOptions().toBuilder()
                        .allowCredentials(List.of(decoy))
                        .build())
                .build();
    }

    Checked finish(String ceremony, String response) {
        AssertionRequest request = ceremonies.take(ceremony).orElse(null);
        if (request == null) {
            return new Checked.Invalid("unknown, used or expired ceremony", null);
        }
        PublicKeyCredential<
                        com.yubico.webauthn.data.AuthenticatorAssertionResponse,
                        com.yubico.webauthn.data.ClientAssertionExtensionOutputs>
                credential;
        try {
            credential = PublicKeyCredential.parseAssertionResponseJson(response);
        } catch (IOException e) {
            return new Checked.Invalid("malformed response: " + Registrations.brief(e), null);
        }
        String id = credential.getId().getBase64Url();
        try {
            AssertionResult result = rp.finishAssertion(FinishAssertionOptions.builder()
                    .request(request)
                    .response(credential)
                    .build());
            if (!result.isSuccess() || !result.isUserVerified()) {
                return new Checked.Invalid("the assertion did not verify the user", id);
            }
            return new Checked.Valid(result, result.isSignatureCounterValid());
        } catch (AssertionFailedException | IllegalArgumentException e) {
            return new Checked.Invalid(Registrations.brief(e), id);
        }
    }
}
