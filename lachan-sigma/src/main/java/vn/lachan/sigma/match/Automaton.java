package vn.lachan.sigma.match;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Finds every occurrence of many literal patterns in one pass (Aho-Corasick compiled to a dense
 * transition table over the chars that occur in the patterns). Immutable after construction.
 *
 * <p>The inner loop is kept to two array reads per char: ASCII chars map to their class (case
 * folding baked in) through one table, transitions hold the target's row offset, and a target
 * with outputs is stored complemented (negative), so no output list is read on most chars.
 */
final class Automaton {
    /** Receives each occurrence found by a scan. */
    interface Hits {
        /** Called for pattern {@code pattern} found at {@code [start, end)} in a text of {@code length}. */
        void hit(int pattern, int start, int end, int length);
    }

    private static final int[] NONE = new int[0];

    private final int[] asciiClass = new int[128];
    private final char[] otherChars;
    private final int[] otherClass;
    private final int classes;
    private final int[] next;
    private final int[][] outputs;
    private final int[] lengths;
    private final boolean fold;
    private final int minLength;
    private final @Nullable SkipFilter skip;

    /** Builds the automaton; patterns must be non-empty and already folded when {@code fold}. */
    Automaton(List<String> patterns, boolean fold) {
        this.fold = fold;
        TreeSet<Character> alphabet = new TreeSet<>();
        for (String p : patterns) {
            for (int i = 0; i < p.length(); i++) {
                alphabet.add(p.charAt(i));
            }
        }
        List<Character> others = new ArrayList<>();
        int cls = 1;
        for (char c : alphabet) {
            if (c < 128) {
                asciiClass[c] = cls++;
            } else {
                others.add(c);
            }
        }
        otherChars = new char[others.size()];
        otherClass = new int[others.size()];
        for (int i = 0; i < others.size(); i++) {
            otherChars[i] = others.get(i);
            otherClass[i] = cls++;
        }
        classes = cls;
        lengths = new int[patterns.size()];
        Trie trie = new Trie(classes);
        for (int i = 0; i < patterns.size(); i++) {
            lengths[i] = patterns.get(i).length();
            trie.add(patterns.get(i), i, this);
        }
        next = new int[trie.size() * classes];
        outputs = new int[trie.size()][];
        link(trie);
        encode();
        if (fold) {
            for (char c = 'A'; c <= 'Z'; c++) {
                asciiClass[c] = asciiClass[c + 32];
            }
        }
        minLength = Arrays.stream(lengths).min().orElse(0);
        skip = SkipFilter.of(patterns, fold);
    }

    /** Rewrites transitions as row offsets, complemented when the target state has outputs. */
    private void encode() {
        for (int i = 0; i < next.length; i++) {
            int target = next[i];
            next[i] = outputs[target].length > 0 ? ~(target * classes) : target * classes;
        }
    }

    int classOf(char c) {
        if (c < 128) {
            return asciiClass[c];
        }
        int i = Arrays.binarySearch(otherChars, c);
        return i >= 0 ? otherClass[i] : 0;
    }

    private void link(Trie trie) {
        int[] fail = new int[trie.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        outputs[0] = NONE;
        for (int c = 0; c < classes; c++) {
            int child = trie.child(0, c);
            next[c] = child;
            if (child > 0) {
                fail[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            outputs[state] = merge(trie.ends(state), outputs[fail[state]]);
            for (int c = 0; c < classes; c++) {
                int child = trie.child(state, c);
                if (child > 0) {
                    fail[child] = next[fail[state] * classes + c];
                    next[state * classes + c] = child;
                    queue.add(child);
                } else {
                    next[state * classes + c] = next[fail[state] * classes + c];
                }
            }
        }
    }

    private static int[] merge(int[] own, int[] inherited) {
        if (own.length == 0) {
            return inherited;
        }
        int[] out = Arrays.copyOf(own, own.length + inherited.length);
        System.arraycopy(inherited, 0, out, own.length, inherited.length);
        return out;
    }

    /** Reports every occurrence of every pattern in the text. */
    void scan(String text, Hits hits) {
        int n = text.length();
        if (n < minLength || (skip != null && !skip.mayContain(text))) {
            return;
        }
        int[] table = next;
        int[] ascii = asciiClass;
        int row = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            row = table[row + (c < 128 ? ascii[c] : otherClass(c))];
            if (row < 0) {
                row = ~row;
                report(outputs[row / classes], i + 1, n, hits);
            }
        }
    }

    private int otherClass(char c) {
        return classOf(fold ? Character.toLowerCase(c) : c);
    }

    private void report(int[] out, int end, int n, Hits hits) {
        for (int pattern : out) {
            hits.hit(pattern, end - lengths[pattern], end, n);
        }
    }

    /** Returns the number of states, for memory estimates. */
    int states() {
        return outputs.length;
    }

    /** A growable trie with dense children, used only while building. */
    private static final class Trie {
        private final int classes;
        private int[] children;
        private final List<int[]> ends = new ArrayList<>();
        private int size = 1;

        Trie(int classes) {
            this.classes = classes;
            this.children = new int[classes * 64];
            ends.add(NONE);
        }

        void add(String pattern, int id, Automaton owner) {
            int state = 0;
            for (int i = 0; i < pattern.length(); i++) {
                int c = owner.classOf(pattern.charAt(i));
                int child = children[state * classes + c];
                if (child == 0) {
                    child = newState();
                    children[state * classes + c] = child;
                }
                state = child;
            }
            int[] old = ends.get(state);
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = id;
            ends.set(state, grown);
        }

        private int newState() {
            if ((size + 1) * classes > children.length) {
                children = Arrays.copyOf(children, children.length * 2);
            }
            ends.add(NONE);
            return size++;
        }

        int child(int state, int c) {
            return children[state * classes + c];
        }

        int[] ends(int state) {
            return ends.get(state);
        }

        int size() {
            return size;
        }
    }
}
