package vn.lachan.sigma.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Finds every occurrence of many literal patterns in one pass (Aho-Corasick compiled to a deterministic
 * automaton over the chars that occur in the patterns). Immutable after construction.
 *
 * <p>The inner loop reads the char's class (ASCII through one table, case folding baked in), then one
 * pair of the compressed transition table ({@link Transitions}): when the pair belongs to the current
 * state it holds the target, else the root's row does. A target where patterns end is stored
 * complemented (negative), so no output list is read on most chars.
 */
final class Automaton {
    /** Receives each occurrence found by a scan. */
    interface Hits {
        /** Called for pattern {@code pattern} found at {@code [start, end)} in a text of {@code length}. */
        void hit(int pattern, int start, int end, int length);
    }

    private final int[] asciiClass = new int[128];
    private final char[] otherChars;
    private final int[] otherClass;
    private final int[] root;
    private final int[] pairs;
    private final int[] outBase;
    private final int[][] outputs;
    private final int states;
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
        lengths = new int[patterns.size()];
        int[][] classes = new int[patterns.size()][];
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            lengths[i] = pattern.length();
            classes[i] = pattern.chars().map(c -> classOf((char) c)).toArray();
        }
        Transitions tables = Transitions.of(classes, cls);
        root = tables.root();
        pairs = tables.pairs();
        outBase = tables.outBase();
        outputs = tables.outputs();
        states = tables.states();
        if (fold) {
            for (char c = 'A'; c <= 'Z'; c++) {
                asciiClass[c] = asciiClass[c + 32];
            }
        }
        minLength = Arrays.stream(lengths).min().orElse(0);
        skip = SkipFilter.of(patterns, fold);
    }

    int classOf(char c) {
        if (c < 128) {
            return asciiClass[c];
        }
        int i = Arrays.binarySearch(otherChars, c);
        return i >= 0 ? otherClass[i] : 0;
    }

    /** Reports every occurrence of every pattern in the text. */
    void scan(String text, Hits hits) {
        int n = text.length();
        if (n < minLength || (skip != null && !skip.mayContain(text))) {
            return;
        }
        int[] table = pairs;
        int[] first = root;
        int[] ascii = asciiClass;
        int state = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int cls = c < 128 ? ascii[c] : otherClass(c);
            int at = (state + cls) << 1;
            int target = table[at] == state ? table[at + 1] : first[cls];
            if (target < 0) {
                report(outputs[~target], i + 1, n, hits);
                target = outBase[~target];
            }
            state = target;
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
        return states;
    }

    /** Returns how many ints and references the transition tables hold, for memory checks. */
    long tableSize() {
        return (long) root.length + pairs.length + outBase.length + outputs.length;
    }
}
