package vn.lachan.security.signin;

import java.time.Duration;
import java.util.Objects;

/**
 * Holds the throttling rules for sign-in.
 *
 * <p>After {@code delayAfter} failures in a row an account (or unknown name) must wait {@code
 * firstDelay}, doubling with each further failure up to {@code maxDelay}; at {@code lockAfter}
 * failures it is locked for {@code lockout}. A source address follows the same curve with its own,
 * higher thresholds, so one address cannot spray guesses over many accounts. Failures are counted
 * until a success, so once locked, every further failure locks again: with the defaults an attacker
 * gets 10 guesses in the first 31 seconds and then one per 15 minutes, about 105 a day per account
 * (SignInServiceTest simulates the day).
 *
 * @param delayAfter failures before the first delay (default 5)
 * @param firstDelay the first delay (default 1 s)
 * @param maxDelay the longest delay before lockout (default 60 s)
 * @param lockAfter failures that lock the account (default 10)
 * @param lockout how long a lockout lasts (default 15 min)
 * @param addressDelayAfter failures from one address before it is delayed (default 20)
 * @param addressLockAfter failures from one address that block it for {@code lockout} (default 100)
 */
public record SignInSettings(
        int delayAfter,
        Duration firstDelay,
        Duration maxDelay,
        int lockAfter,
        Duration lockout,
        int addressDelayAfter,
        int addressLockAfter) {

    /** 5 failures → 1 s doubling to 60 s, 10 → 15 min lockout; per address 20 and 100. */
    public static final SignInSettings DEFAULT =
            new SignInSettings(5, Duration.ofSeconds(1), Duration.ofSeconds(60), 10, Duration.ofMinutes(15), 20, 100);

    public SignInSettings {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(lockout, "lockout");
        if (delayAfter < 1
                || lockAfter <= delayAfter
                || addressDelayAfter < 1
                || addressLockAfter <= addressDelayAfter) {
            throw new IllegalArgumentException(
                    "need 1 ≤ delayAfter < lockAfter and 1 ≤ addressDelayAfter < addressLockAfter");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || lockout.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("need 0 ≤ firstDelay ≤ maxDelay ≤ lockout");
        }
    }

    /** Returns how long an account must wait after {@code failures} failures in a row (zero for none). */
    public Duration accountWait(int failures) {
        return wait(failures, delayAfter, lockAfter);
    }

    /** Returns how long an address must wait after {@code failures} failures (zero for none). */
    public Duration addressWait(int failures) {
        return wait(failures, addressDelayAfter, addressLockAfter);
    }

    private Duration wait(int failures, int delayFrom, int lockFrom) {
        if (failures >= lockFrom) {
            return lockout;
        }
        if (failures < delayFrom) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - delayFrom, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
