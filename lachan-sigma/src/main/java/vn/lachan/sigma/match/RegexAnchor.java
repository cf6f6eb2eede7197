package vn.lachan.sigma.match;

import org.jspecify.annotations.Nullable;

/**
 * A literal that every match of a regular expression contains, so that the regex needs to run only
 * on texts where an automaton found it.
 *
 * <p>The pattern is walked conservatively: only its top-level concatenation counts; a group, a
 * class, an escape that is not a plain punctuation char, {@code .}, {@code ^}, {@code $} or a
 * quantifier ends a literal run (a quantified char is dropped); a top-level {@code |}, a flag
 * group after the start or {@code \Q} gives no anchor at all. Under case folding only ASCII chars
 * other than {@code s} are kept, because RE2 folds {@code s} with U+017F (long s), which {@link
 * Character#toLowerCase(char)} does not.
 *
 * @param literal the required literal, lower-cased when {@code folded}
 * @param folded whether the literal is matched ignoring case
 */
record RegexAnchor(String literal, boolean folded) {
    /** Returns the longest required literal of the pattern, or null when none is found. */
    static @Nullable RegexAnchor of(String pattern, boolean ignoreCase) {
        int at = 0;
        boolean folded = ignoreCase;
        if (pattern.startsWith("(?") && pattern.indexOf(')') > 2) {
            int close = pattern.indexOf(')');
            String flags = pattern.substring(2, close);
            if (!flags.matches("[imsU]+")) {
                return null;
            }
            folded |= flags.indexOf('i') >= 0;
            at = close + 1;
        }
        return new Walk(pattern, folded).run(at);
    }

    /** The walk over one pattern; keeps the current run and the best one seen. */
    private static final class Walk {
        private final String pattern;
        private final boolean folded;
        private final StringBuilder run = new StringBuilder();
        private String best = "";
        private boolean frozen;

        Walk(String pattern, boolean folded) {
            this.pattern = pattern;
            this.folded = folded;
        }

        @Nullable
        RegexAnchor run(int start) {
            int i = start;
            while (i >= 0 && i < pattern.length()) {
                i = step(i);
            }
            if (i == FAIL) {
                return null;
            }
            end();
            return best.isEmpty() ? null : new RegexAnchor(best, folded);
        }

        private static final int FAIL = -2;

        /** Consumes one atom at {@code i} and returns where the next starts, or {@link #FAIL}. */
        private int step(int i) {
            char c = pattern.charAt(i);
            switch (c) {
                case '|' -> {
                    return FAIL;
                }
                case '(' -> {
                    if (pattern.startsWith("(?", i)
                            && !pattern.startsWith("(?:", i)
                            && !pattern.startsWith("(?P<", i)) {
                        return flagGroup(i);
                    }
                    end();
                    return closing(i, '(', ')');
                }
                case '[' -> {
                    end();
                    return classEnd(i);
                }
                case '*', '?', '+', '{' -> {
                    quantified();
                    return c == '{' ? closing(i, '{', '}') : i + 1;
                }
                case '\\' -> {
                    return escape(i);
                }
                case '.', '^', '$' -> {
                    end();
                    return i + 1;
                }
                default -> {
                    literal(c);
                    return i + 1;
                }
            }
        }

        private int flagGroup(int i) {
            int close = pattern.indexOf(')', i);
            if (close < 0) {
                return FAIL;
            }
            String inside = pattern.substring(i + 2, close);
            if (inside.contains(":")) {
                end();
                return closing(i, '(', ')');
            }
            // a flag change in the middle: later literals may fold differently, so take none of
            // them; a quantifier after the group applies to the char before it, so drop that too
            quantified();
            frozen = true;
            return close + 1;
        }

        private int escape(int i) {
            if (i + 1 >= pattern.length()) {
                return FAIL;
            }
            char next = pattern.charAt(i + 1);
            if (next == 'Q') {
                return FAIL;
            }
            if (next < 128 && !Character.isLetterOrDigit(next)) {
                literal(next);
            } else {
                end();
            }
            return i + 2;
        }

        private void literal(char c) {
            if (frozen) {
                return;
            } else if (!folded) {
                run.append(c);
            } else if (c < 128 && c != 's' && c != 'S') {
                run.append(GlobMatcher.fold(c, false));
            } else {
                end();
            }
        }

        private void quantified() {
            if (!run.isEmpty()) {
                run.setLength(run.length() - 1);
            }
            end();
        }

        private void end() {
            if (run.length() > best.length()) {
                best = run.toString();
            }
            run.setLength(0);
        }

        /** Returns the index after the bracket that closes the one at {@code i}, skipping escapes and classes. */
        private int closing(int i, char open, char close) {
            int depth = 0;
            int j = i;
            while (j < pattern.length()) {
                char c = pattern.charAt(j);
                if (c == '\\') {
                    j += 2;
                    continue;
                }
                if (c == '[' && open == '(') {
                    j = classEnd(j);
                    if (j < 0) {
                        return FAIL;
                    }
                    continue;
                }
                if (c == open) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    return j + 1;
                }
                j++;
            }
            return FAIL;
        }

        /** Returns the index after the class that opens at {@code i}. */
        private int classEnd(int i) {
            int j = i + 1;
            if (j < pattern.length() && pattern.charAt(j) == '^') {
                j++;
            }
            if (j < pattern.length() && pattern.charAt(j) == ']') {
                j++;
            }
            while (j < pattern.length()) {
                char c = pattern.charAt(j);
                if (c == '\\') {
                    j += 2;
                } else if (c == '[' && j + 1 < pattern.length() && pattern.charAt(j + 1) == ':') {
                    int close = pattern.indexOf(":]", j + 2);
                    if (close < 0) {
                        return FAIL;
                    }
                    j = close + 2;
                } else if (c == ']') {
                    return j + 1;
                } else {
                    j++;
                }
            }
            return FAIL;
        }
    }
}
