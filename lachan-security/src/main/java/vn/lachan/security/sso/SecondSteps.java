package vn.lachan.security.sso;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Principal;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.mfa.Totp;
import vn.lachan.security.signin.SignInResult;
import vn.lachan.security.signin.SignInService;

/**
 * Holds the sign-ins that passed the provider but still owe the local second factor, by one-time ticket, for
 * {@link #LIFETIME} and at most {@link #MAX_TRIES} wrong codes; the codes are checked by the {@link
 * SignInService} exactly as after a password. Thread-safe.
 */
final class SecondSteps {
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_TRIES = 5;
    private static final int CAPACITY = 10_000;

    private record Step(
            UUID user,
            String username,
            String provider,
            byte @Nullable [] newSecret,
            String returnTo,
            Instant expires,
            int tries) {}

    private final Map<String, Step> steps = new LinkedHashMap<>();
    private final SignInService signIn;
    private final Totp totp;
    private final Clock clock;
    private final SecureRandom random;

    SecondSteps(SignInService signIn, Totp totp, Clock clock, SecureRandom random) {
        this.signIn = signIn;
        this.totp = totp;
        this.clock = clock;
        this.random = random;
    }

    /** Opens a step for the account: a code check, or an enrolment when it has no authenticator yet. */
    SsoOutcome open(UserAccount account, String provider, boolean enrolled, String returnTo) {
        String ticket = Secrets.random(random);
        byte[] secret = enrolled ? null : totp.newSecret();
        synchronized (this) {
            steps.values().removeIf(s -> clock.instant().isAfter(s.expires()));
            if (steps.size() >= CAPACITY) {
                steps.remove(steps.keySet().iterator().next());
            }
            steps.put(
                    ticket,
                    new Step(
                            account.id(),
                            account.username(),
                            provider,
                            secret,
                            returnTo,
                            clock.instant().plus(LIFETIME),
                            0));
        }
        return secret == null
                ? new SsoOutcome.SecondFactorRequired(ticket, returnTo)
                : new SsoOutcome.EnrolmentRequired(ticket, returnTo, totp.uri(account.username(), secret));
    }

    /** Checks the code of a pending step; without a code says again what the step needs. */
    SsoOutcome check(String ticket, @Nullable String code, @Nullable String address) {
        Optional<Step> found = find(ticket);
        if (found.isEmpty()) {
            return new SsoOutcome.Refused(
                    "second-factor", "this sign-in is unknown, finished or expired; sign in again");
        }
        Step step = found.get();
        byte[] secret = step.newSecret();
        if (code == null || code.isBlank()) {
            return secret == null
                    ? new SsoOutcome.SecondFactorRequired(ticket, step.returnTo())
                    : new SsoOutcome.EnrolmentRequired(ticket, step.returnTo(), totp.uri(step.username(), secret));
        }
        if (secret != null) {
            return enrol(ticket, step, secret, code, address);
        }
        return switch (signIn.secondFactorAfter("oidc:" + step.provider(), step.user(), code, address)) {
            case SignInResult.SignedIn s -> done(ticket, s.principal(), step.returnTo(), List.of());
            case SignInResult.Refused r -> failed(ticket, "the code is wrong, or the account cannot sign in now");
            case SignInResult.SecondFactorRequired r -> new SsoOutcome.SecondFactorRequired(ticket, step.returnTo());
            case SignInResult.EnrolmentRequired r -> failed(ticket, "the authenticator was reset; sign in again");
        };
    }

    private SsoOutcome enrol(String ticket, Step step, byte[] secret, String code, @Nullable String address) {
        Optional<List<String>> recovery = signIn.enrol(step.user(), secret, code, address);
        if (recovery.isEmpty()) {
            return failed(ticket, "the code does not match the new secret; check the app's clock");
        }
        Optional<Principal> principal = signIn.principal(step.user());
        if (principal.isEmpty()) {
            return failed(ticket, "the account cannot sign in now");
        }
        return done(ticket, principal.get(), step.returnTo(), recovery.get());
    }

    private synchronized Optional<Step> find(String ticket) {
        Step step = steps.get(ticket);
        if (step == null || clock.instant().isAfter(step.expires())) {
            steps.remove(ticket);
            return Optional.empty();
        }
        return Optional.of(step);
    }

    private synchronized SsoOutcome done(String ticket, Principal principal, String returnTo, List<String> codes) {
        steps.remove(ticket);
        return new SsoOutcome.SignedIn(principal, returnTo, codes);
    }

    private synchronized SsoOutcome failed(String ticket, String message) {
        Step step = steps.get(ticket);
        if (step != null) {
            if (step.tries() + 1 >= MAX_TRIES) {
                steps.remove(ticket);
            } else {
                steps.put(
                        ticket,
                        new Step(
                                step.user(),
                                step.username(),
                                step.provider(),
                                step.newSecret(),
                                step.returnTo(),
                                step.expires(),
                                step.tries() + 1));
            }
        }
        return new SsoOutcome.Refused("second-factor", message);
    }
}
