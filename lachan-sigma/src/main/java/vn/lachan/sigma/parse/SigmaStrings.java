package vn.lachan.sigma.parse;

import java.util.ArrayList;
import java.util.List;
import vn.lachan.sigma.rule.Glob;

/** Turns Sigma string values into glob parts: wildcards {@code *} and {@code ?}, backslash escapes. */
final class SigmaStrings {
    private SigmaStrings() {}

    /**
     * Returns the parts of a value as Sigma reads it: {@code \*}, {@code \?} and {@code \\} are
     * escapes; a backslash before any other character (or at the end) is a literal backslash.
     */
    static List<Glob.Part> parse(String value) {
        List<Glob.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < n && isSpecial(value.charAt(i + 1))) {
                literal.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                flush(literal, parts);
                parts.add(c == '*' ? new Glob.AnyRun() : new Glob.AnyChar());
            } else {
                literal.append(c);
            }
        }
        flush(literal, parts);
        return normalize(parts);
    }

    /** Returns whether the parts contain a wildcard. */
    static boolean hasWildcard(List<Glob.Part> parts) {
        return parts.stream().anyMatch(p -> !(p instanceof Glob.Literal));
    }

    /** Returns the concatenated literal text (callers check {@link #hasWildcard} first). */
    static String plain(List<Glob.Part> parts) {
        StringBuilder out = new StringBuilder();
        for (Glob.Part part : parts) {
            if (part instanceof Glob.Literal l) {
                out.append(l.text());
            }
        }
        return out.toString();
    }

    /** Merges adjacent literals and collapses adjacent any-runs. */
    static List<Glob.Part> normalize(List<Glob.Part> parts) {
        List<Glob.Part> out = new ArrayList<>(parts.size());
        for (Glob.Part part : parts) {
            Glob.Part last = out.isEmpty() ? null : out.getLast();
            if (part instanceof Glob.Literal l && last instanceof Glob.Literal prev) {
                out.set(out.size() - 1, new Glob.Literal(prev.text() + l.text()));
            } else if (!(part instanceof Glob.AnyRun && last instanceof Glob.AnyRun)) {
                out.add(part);
            }
        }
        return out;
    }

    /** Returns the parts with an any-run added at the start and/or the end, unless one is already there. */
    static List<Glob.Part> anchorFree(List<Glob.Part> parts, boolean atStart, boolean atEnd) {
        List<Glob.Part> out = new ArrayList<>(parts.size() + 2);
        if (atStart) {
            out.add(new Glob.AnyRun());
        }
        out.addAll(parts);
        if (atEnd) {
            out.add(new Glob.AnyRun());
        }
        return normalize(out);
    }

    private static boolean isSpecial(char c) {
        return c == '*' || c == '?' || c == '\\';
    }

    private static void flush(StringBuilder literal, List<Glob.Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Glob.Literal(literal.toString()));
            literal.setLength(0);
        }
    }
}
