package vn.lachan.ingest.evtx;

/**
 * Signals malformed bytes inside a chunk or record. It never leaves the package: the chunk reader
 * catches it and reports a {@link vn.lachan.core.problem.Problem}.
 */
final class MalformedEvtxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedEvtxException(String message) {
        // No stack trace: this is an expected outcome on bad input, and it must stay cheap.
        super(message, null, false, false);
    }
}
