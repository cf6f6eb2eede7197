package vn.lachan.sigma.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the transition tables of an Aho-Corasick automaton, compressed by row displacement: a state's
 * transitions mostly equal the root's (they go back to a first char of some pattern), so only the few
 * that differ are stored, in one shared array of (owner, target) pairs at {@code base(state) + class},
 * and every other class falls back to the root's row. A state whose transitions all equal the root's
 * (most leaves of the trie) is the root as far as transitions go and shares its base 0. A dense table of
 * states × classes holds the same automaton; with rules that carry a thousand distinct non-ASCII chars it
 * reached 272 MiB for one field. Immutable once built.
 *
 * <p>A target is encoded as its base, or, when patterns end there, complemented: {@code ~k} for the
 * {@code k}-th output list, whose state's base is {@code outBase[k]}.
 *
 * @param root the root's encoded target for every class
 * @param pairs at {@code 2 * (base + class)} the base of the state owning the slot (-1 when free), at
 *     {@code 2 * (base + class) + 1} its encoded target for that class
 * @param outBase for each output list, the base of its state
 * @param outputs the output lists: the patterns that end where the automaton enters such a state
 * @param states the number of states
 */
record Transitions(int[] root, int[] pairs, int[] outBase, int[][] outputs, int states) {
    private static final int[] NONE = new int[0];
    /** How many free slots a state's placement tries before it goes past every slot taken. */
    private static final int TRIES = 48;

    /** Builds the tables for patterns given as class sequences over {@code classes} classes (0: no pattern char). */
    static Transitions of(int[][] patterns, int classes) {
        Trie trie = new Trie();
        for (int p = 0; p < patterns.length; p++) {
            trie.add(patterns[p], p);
        }
        return new Linker(trie, classes).link();
    }

    /** A growable trie with sparse children, used only while building. */
    private static final class Trie {
        private final Map<Long, Integer> edges = new HashMap<>();
        private final List<int[]> children = new ArrayList<>();
        private final List<int[]> ends = new ArrayList<>();

        Trie() {
            children.add(NONE);
            ends.add(NONE);
        }

        void add(int[] pattern, int id) {
            int state = 0;
            for (int c : pattern) {
                Integer child = edges.get(key(state, c));
                if (child == null) {
                    child = children.size();
                    children.add(NONE);
                    ends.add(NONE);
                    edges.put(key(state, c), child);
                    children.set(state, append(children.get(state), c, child));
                }
                state = child;
            }
            ends.set(state, append(ends.get(state), id));
        }

        private static long key(int state, int c) {
            return (long) state << 32 | c;
        }

        /** Returns the children of {@code state} as (class, child) pairs sorted by class. */
        int[] children(int state) {
            int[] pairs = children.get(state);
            int n = pairs.length / 2;
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = (long) pairs[2 * i] << 32 | pairs[2 * i + 1];
            }
            Arrays.sort(packed);
            int[] out = new int[pairs.length];
            for (int i = 0; i < n; i++) {
                out[2 * i] = (int) (packed[i] >>> 32);
                out[2 * i + 1] = (int) packed[i];
            }
            return out;
        }

        int[] ends(int state) {
            return ends.get(state);
        }

        int size() {
            return children.size();
        }
    }

    private static int[] append(int[] array, int... values) {
        int[] out = Arrays.copyOf(array, array.length + values.length);
        System.arraycopy(values, 0, out, array.length, values.length);
        return out;
    }

    /** Computes failure links, outputs and each state's differing transitions, then packs them. */
    private static final class Linker {
        private final Trie trie;
        private final int classes;
        private final int[] fail;
        /** Per state: the transitions that differ from the root's, as (class, state) pairs sorted by class. */
        private final int[][] differing;

        private final int[][] outputs;
        private final int[] base;
        private final int[] rootRow;
        private final BitSet taken = new BitSet();
        private final BitSet usedBase = new BitSet();

        Linker(Trie trie, int classes) {
            this.trie = trie;
            this.classes = classes;
            int n = trie.size();
            this.fail = new int[n];
            this.differing = new int[n][];
            this.outputs = new int[n][];
            this.base = new int[n];
            this.rootRow = new int[classes];
        }

        Transitions link() {
            differing[0] = NONE;
            outputs[0] = NONE;
            usedBase.set(0);
            int[] queue = new int[trie.size()];
            int tail = 0;
            int[] first = trie.children(0);
            for (int i = 0; i < first.length; i += 2) {
                rootRow[first[i]] = first[i + 1];
                queue[tail++] = first[i + 1];
            }
            for (int head = 0; head < tail; head++) {
                int state = queue[head];
                outputs[state] = merged(trie.ends(state), outputs[fail[state]]);
                int[] children = trie.children(state);
                differing[state] = overlay(children, differing[fail[state]]);
                for (int i = 0; i < children.length; i += 2) {
                    int child = children[i + 1];
                    fail[child] = step(fail[state], children[i]);
                    queue[tail++] = child;
                }
            }
            placeAll();
            return encode();
        }

        /**
         * Gives every state that differs from the root a base of its own, the states with the most differing
         * transitions first (they are the hardest to fit; the many small ones then fill the holes).
         */
        private void placeAll() {
            usedBase.set(0);
            int n = 0;
            long[] order = new long[differing.length];
            for (int s = 1; s < differing.length; s++) {
                if (differing[s].length > 0) {
                    order[n++] = (long) (Integer.MAX_VALUE - differing[s].length) << 32 | s;
                }
            }
            Arrays.sort(order, 0, n);
            for (int i = 0; i < n; i++) {
                int s = (int) order[i];
                base[s] = place(differing[s]);
            }
        }

        /** Returns the state reached from {@code state} on class {@code c}. */
        private int step(int state, int c) {
            int[] own = differing[state];
            int lo = 0;
            int hi = own.length / 2 - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int k = own[2 * mid];
                if (k == c) {
                    return own[2 * mid + 1];
                }
                if (k < c) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return rootRow[c];
        }

        /** Returns the children, plus the inherited transitions on the classes no child takes; both sorted. */
        private static int[] overlay(int[] children, int[] inherited) {
            int[] out = new int[children.length + inherited.length];
            int n = 0;
            int i = 0;
            int j = 0;
            while (i < children.length || j < inherited.length) {
                boolean child = j >= inherited.length || i < children.length && children[i] <= inherited[j];
                int[] from = child ? children : inherited;
                int at = child ? i : j;
                out[n++] = from[at];
                out[n++] = from[at + 1];
                if (child && j < inherited.length && inherited[j] == children[i]) {
                    j += 2;
                }
                if (child) {
                    i += 2;
                } else {
                    j += 2;
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }

        private static int[] merged(int[] own, int[] inherited) {
            return own.length == 0 ? inherited : append(own, inherited);
        }

        /**
         * Finds a base whose slots for the state's differing classes are free, and takes them: the first that
         * fits among a few from the lowest free slot on, else the first that fits from the end of the taken
         * slots minus the state's span on (trying every hole from the bottom made building the largest automata
         * quadratic, and going past every taken slot wasted the holes near the end).
         */
        private int place(int[] pairs) {
            int c0 = pairs[0];
            int f = taken.nextClearBit(c0);
            for (int tries = 0; tries < TRIES; tries++, f = taken.nextClearBit(f + 1)) {
                if (!usedBase.get(f - c0) && fits(f - c0, pairs)) {
                    return take(f - c0, pairs);
                }
            }
            int span = pairs[pairs.length - 2] - c0;
            for (f = taken.nextClearBit(Math.max(f, taken.length() - span)); ; f = taken.nextClearBit(f + 1)) {
                if (!usedBase.get(f - c0) && fits(f - c0, pairs)) {
                    return take(f - c0, pairs);
                }
            }
        }

        private int take(int b, int[] pairs) {
            usedBase.set(b);
            for (int i = 0; i < pairs.length; i += 2) {
                taken.set(b + pairs[i]);
            }
            return b;
        }

        private boolean fits(int b, int[] pairs) {
            for (int i = 2; i < pairs.length; i += 2) {
                if (taken.get(b + pairs[i])) {
                    return false;
                }
            }
            return true;
        }

        private Transitions encode() {
            int[] outIndex = new int[base.length];
            List<Integer> withOutputs = new ArrayList<>();
            for (int s = 0; s < base.length; s++) {
                outIndex[s] = outputs[s].length > 0 ? withOutputs.size() : -1;
                if (outputs[s].length > 0) {
                    withOutputs.add(s);
                }
            }
            int[] outBase = new int[withOutputs.size()];
            int[][] lists = new int[withOutputs.size()][];
            for (int k = 0; k < outBase.length; k++) {
                outBase[k] = base[withOutputs.get(k)];
                lists[k] = outputs[withOutputs.get(k)];
            }
            int[] root = new int[classes];
            for (int c = 0; c < classes; c++) {
                root[c] = code(rootRow[c], outIndex);
            }
            int[] pairs = new int[2 * (usedBase.length() - 1 + classes)];
            Arrays.fill(pairs, -1);
            for (int s = 0; s < base.length; s++) {
                int[] own = differing[s];
                for (int i = 0; i < own.length; i += 2) {
                    int slot = 2 * (base[s] + own[i]);
                    pairs[slot] = base[s];
                    pairs[slot + 1] = code(own[i + 1], outIndex);
                }
            }
            return new Transitions(root, pairs, outBase, lists, base.length);
        }

        private int code(int state, int[] outIndex) {
            return outIndex[state] >= 0 ? ~outIndex[state] : base[state];
        }
    }
}
