package vn.lachan.sigma.match;

import vn.lachan.sigma.rule.Glob;

/**
 * Matches a whole value against a Sigma glob, folding case per char with {@link
 * Character#toLowerCase(char)} unless cased. Linear in practice: backtracks only to the last
 * {@code *}.
 */
final class GlobMatcher {
    static final int ANY_RUN = -1;
    static final int ANY_CHAR = -2;

    private final int[] tokens;
    private final boolean cased;
    /** Where the trailing run of {@code *} begins: once there, the rest of any text matches. */
    private final int tail;

    GlobMatcher(Glob glob, boolean cased) {
        this.cased = cased;
        int length = 0;
        for (Glob.Part part : glob.parts()) {
            length += part instanceof Glob.Literal l ? l.text().length() : 1;
        }
        tokens = new int[length];
        int at = 0;
        for (Glob.Part part : glob.parts()) {
            switch (part) {
                case Glob.Literal l -> {
                    for (int i = 0; i < l.text().length(); i++) {
                        tokens[at++] = fold(l.text().charAt(i), cased);
                    }
                }
                case Glob.AnyRun a -> tokens[at++] = ANY_RUN;
                case Glob.AnyChar c -> tokens[at++] = ANY_CHAR;
            }
        }
        int t = tokens.length;
        while (t > 0 && tokens[t - 1] == ANY_RUN) {
            t--;
        }
        tail = t < tokens.length ? t : Integer.MAX_VALUE;
    }

    static char fold(char c, boolean cased) {
        if (cased) {
            return c;
        }
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    /** Returns the folded form of a text, char by char ({@code Locale.ROOT}-independent). */
    static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(text.charAt(i), false);
        }
        return new String(out);
    }

    /** Returns whether the whole text matches. */
    boolean matches(String text) {
        int t = 0;
        int p = 0;
        int starP = -1;
        int starT = 0;
        int n = text.length();
        while (t < n) {
            if (p >= tail) {
                return true;
            }
            if (p < tokens.length
                    && tokens[p] != ANY_RUN
                    && (tokens[p] == ANY_CHAR || tokens[p] == fold(text.charAt(t), cased))) {
                t++;
                p++;
            } else if (p < tokens.length && tokens[p] == ANY_RUN) {
                starP = p++;
                starT = t;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < tokens.length && tokens[p] == ANY_RUN) {
            p++;
        }
        return p == tokens.length;
    }
}
