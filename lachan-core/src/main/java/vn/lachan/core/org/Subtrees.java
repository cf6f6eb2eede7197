package vn.lachan.core.org;

import java.util.Locale;

/**
 * Answers whether one organization lies in another's subtree, by code (a port: the metadata database
 * implements it from a cached copy of the tree). Codes compare without regard to case, since the
 * ownership settings that stamp events may spell them in lower case. Implementations are thread-safe
 * and answer from memory: the pipeline asks for every event an agency's credential sent.
 */
@FunctionalInterface
public interface Subtrees {
    /** Knows no tree: an organization contains itself only. */
    Subtrees SELF_ONLY = (root, code) -> root.toUpperCase(Locale.ROOT).equals(code.toUpperCase(Locale.ROOT));

    /** Returns whether the organization {@code code} is {@code root} or lies below it; false when either is unknown. */
    boolean contains(String root, String code);
}
