package vn.lachan.web.internal;

import vn.lachan.core.intake.Admission;

/** Turns an intake's refusal into the problem an HTTP sender understands: 429 with Retry-After, or 503. */
public final class Admissions {
    private Admissions() {}

    /** Returns normally when {@code admission} is ACCEPTED; otherwise throws the 429 or 503 problem. */
    public static void require(Admission admission, int retryAfterSeconds) {
        switch (admission) {
            case ACCEPTED -> {}
            case FULL ->
                throw ApiProblem.of(
                                429,
                                "intake-full",
                                "Intake full",
                                "the journal is at its disk budget; nothing was taken, retry after " + retryAfterSeconds
                                        + " s")
                        .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
            case CLOSED ->
                throw ApiProblem.of(
                                503,
                                "intake-closed",
                                "Shutting down",
                                "the platform is shutting down; nothing was taken, retry on another node or later")
                        .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
        }
    }
}
