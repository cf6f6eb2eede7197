package vn.lachan.security.passkey;

import java.time.Duration;
import java.util.Objects;

/** Tells how starting a ceremony went: the options for the browser, or a refusal. */
public sealed interface CeremonyStart {

    /**
     * The ceremony is waiting for the browser's answer.
     *
     * @param ceremony the id to send back with the answer; the challenge itself stays on the server
     * @param options the JSON for {@code navigator.credentials.create} or {@code get}: {@code {"publicKey":
     *     {…}}} with binary values in base64url, as {@code PublicKeyCredential.parse…OptionsFromJSON} reads
     * @param expiresIn how long the answer is accepted
     */
    record Ready(String ceremony, String options, Duration expiresIn) implements CeremonyStart {
        public Ready {
            Objects.requireNonNull(ceremony, "ceremony");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(expiresIn, "expiresIn");
        }
    }

    /**
     * No ceremony was started: the address is throttled, or too many ceremonies are pending.
     *
     * @param retryAfter how long to wait before trying again
     */
    record Refused(Duration retryAfter) implements CeremonyStart {
        public Refused {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
