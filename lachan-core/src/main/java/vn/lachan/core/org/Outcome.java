package vn.lachan.core.org;

import java.util.Objects;
import java.util.function.Function;
import vn.lachan.core.problem.Problem;

/**
 * Tells the result of a change to the organization store: done, or refused with the field and a
 * reason a person can act on (a duplicate code, an unknown parent, a move that would make a cycle).
 *
 * @param <T> what a successful change returns
 */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Refused {

    /** Names why a change was refused, so that an API can answer 404, 409 or 400. */
    enum Reason {
        /** The organization (or the parent named) does not exist. */
        NOT_FOUND,
        /** The change clashes with another organization (a code already taken). */
        CONFLICT,
        /** The change is not allowed (a cycle in the tree). */
        INVALID
    }

    /**
     * Tells that the change was made.
     *
     * @param value what was stored
     */
    record Done<T>(T value) implements Outcome<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Tells that the change was refused and nothing was stored.
     *
     * @param reason the category of refusal
     * @param field the input field at fault ({@code code}, {@code parent}, {@code id})
     * @param message what is wrong, in words a person can act on
     */
    record Refused<T>(Reason reason, String field, String message) implements Outcome<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(field, "field");
            if (message.isBlank()) {
                throw new IllegalArgumentException("a refusal needs a message");
            }
        }

        /** Returns the refusal as a problem in {@code source}. */
        public Problem problem(String source) {
            return new Problem(source, field, message);
        }
    }

    /** Returns the stored value, or throws {@link IllegalStateException} with the refusal's message. */
    default T orElseThrow() {
        return switch (this) {
            case Done<T> done -> done.value();
            case Refused<T> refused -> throw new IllegalStateException(refused.field() + ": " + refused.message());
        };
    }

    /** Returns the outcome with the stored value mapped, a refusal unchanged. */
    default <R> Outcome<R> map(Function<T, R> mapper) {
        return switch (this) {
            case Done<T> done -> new Done<>(mapper.apply(done.value()));
            case Refused<T> refused -> new Refused<>(refused.reason(), refused.field(), refused.message());
        };
    }
}
