package vn.lachan.sigma.parse;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Optional;
import java.util.Set;
import vn.lachan.sigma.rule.ValueTest;

/** Checks rule regular expressions against RE2, translating the PCRE spellings RE2 lacks. */
final class Regexes {
    private Regexes() {}

    /**
     * Returns the pattern in RE2 syntax: {@code (?<name>} becomes {@code (?P<name>}, {@code \Z}
     * becomes {@code \z}.
     */
    static String translate(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < n) {
                i++;
                out.append(escape(pattern.charAt(i)));
            } else if (c == '('
                    && pattern.startsWith("(?<", i)
                    && i + 3 < n
                    && Character.isLetter(pattern.charAt(i + 3))) {
                out.append("(?P<");
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String escape(char c) {
        // RE2 takes any escaped punctuation literally; of PCRE's letter escapes only \Z needs a new name.
        return c == 'Z' ? "\\z" : "\\" + c;
    }

    /** Returns why RE2 cannot compile the pattern with the flags, or empty when it can. */
    static Optional<String> problem(String pattern, Set<ValueTest.RegexFlag> flags) {
        try {
            Pattern.compile(pattern, re2Flags(flags));
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return backtrackingOnly(pattern)
                    .or(() -> Optional.of(
                            e.getDescription() + (e.getPattern().isEmpty() ? "" : " in '" + e.getPattern() + "'")));
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /**
     * Names the PCRE features that need backtracking, which RE2 leaves out so that no rule can make
     * matching super-linear: look-around and back-references.
     */
    private static Optional<String> backtrackingOnly(String pattern) {
        for (int i = 0; i + 1 < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                char next = pattern.charAt(i + 1);
                if (next >= '1' && next <= '9') {
                    return Optional.of(linearOnly("back-reference \\" + next, i));
                }
                i++;
            } else if (c == '(') {
                for (String look : new String[] {"(?=", "(?!", "(?<=", "(?<!"}) {
                    if (pattern.startsWith(look, i)) {
                        return Optional.of(linearOnly("look-around '" + look + "'", i));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String linearOnly(String feature, int index) {
        return feature + " at character " + (index + 1)
                + " is not supported: rule regexes run in linear time (RE2), which excludes look-around"
                + " and back-references; rewrite the pattern without it";
    }

    static int re2Flags(Set<ValueTest.RegexFlag> flags) {
        int bits = 0;
        for (ValueTest.RegexFlag flag : flags) {
            bits |= switch (flag) {
                case IGNORE_CASE -> Pattern.CASE_INSENSITIVE;
                case MULTILINE -> Pattern.MULTILINE;
                case DOT_ALL -> Pattern.DOTALL;
            };
        }
        return bits;
    }
}
