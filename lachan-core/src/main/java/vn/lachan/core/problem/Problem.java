package vn.lachan.core.problem;

import java.util.Objects;

/**
 * Describes one problem in user input, with where it is and what to do about it.
 *
 * @param source the file or input the problem is in (a path, {@code archive.zip!/member}, an input
 *     name)
 * @param location where in the source: {@code "line 12"}, {@code "line 12, column 4"}, {@code
 *     "event 41"}, {@code "chunk 3 at offset 0x31000"}; empty when the problem concerns the source
 *     as a whole
 * @param message what is wrong, in words a person can act on
 */
public record Problem(String source, String location, String message) {
    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a message");
        }
    }

    /** Returns the problem as one line: {@code source:location: message}. */
    @Override
    public String toString() {
        return location.isEmpty() ? source + ": " + message : source + ":" + location + ": " + message;
    }
}
