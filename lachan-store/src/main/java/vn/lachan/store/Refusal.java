package vn.lachan.store;

/**
 * Signals, inside the store, a query that cannot run (a bad value for a field's type, a limit); the
 * store's entry points turn it into a {@link vn.lachan.core.problem.Problem} before it leaves them.
 */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
        super(message, null, false, false);
    }
}
