package vn.lachan.sigma.rule;

import java.util.List;
import java.util.Objects;

/**
 * Holds a Sigma string value after escapes were resolved: literal text with the wildcards {@code *}
 * (any run of characters) and {@code ?} (exactly one character). {@code contains}, {@code
 * startswith} and {@code endswith} are expressed by {@link AnyRun} parts at the ends.
 *
 * @param parts the value's parts in order; adjacent literals are merged, adjacent {@link AnyRun}s
 *     collapsed; empty for the empty string
 */
public record Glob(List<Part> parts) {
    public Glob {
        parts = List.copyOf(parts);
    }

    /** Returns a glob of one literal text (no wildcards), or the empty glob for "". */
    public static Glob literal(String text) {
        return text.isEmpty() ? new Glob(List.of()) : new Glob(List.of(new Literal(text)));
    }

    /** Returns whether the glob has no wildcard. */
    public boolean isLiteral() {
        return parts.stream().allMatch(p -> p instanceof Literal);
    }

    /** One piece of a glob. */
    public sealed interface Part {}

    /** Literal text, matched as is (case folding is the test's business). */
    public record Literal(String text) implements Part {
        public Literal {
            Objects.requireNonNull(text, "text");
            if (text.isEmpty()) {
                throw new IllegalArgumentException("a literal part must not be empty");
            }
        }
    }

    /** The {@code *} wildcard: any run of characters, including none. */
    public record AnyRun() implements Part {}

    /** The {@code ?} wildcard: exactly one character. */
    public record AnyChar() implements Part {}

    /** Renders the glob back in Sigma syntax, escaping literal wildcards and backslashes before them. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Literal l ->
                    out.append(
                            l.text().replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?"));
                case AnyRun a -> out.append('*');
                case AnyChar c -> out.append('?');
            }
        }
        return out.toString();
    }
}
