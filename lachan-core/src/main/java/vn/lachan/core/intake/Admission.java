package vn.lachan.core.intake;

/** Tells an input what became of the records it offered. */
public enum Admission {
    /** Every record is durable on disk: the input may acknowledge them to the sender. */
    ACCEPTED,
    /**
     * None was taken: the journal is at its disk budget. TCP inputs stop reading until {@link
     * Intake#awaitRoom} says there is room, HTTP answers 429 with {@code Retry-After}, UDP counts a drop.
     */
    FULL,
    /** None was taken: the platform is shutting down. */
    CLOSED
}
