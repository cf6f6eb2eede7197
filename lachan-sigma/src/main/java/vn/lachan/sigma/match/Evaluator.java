package vn.lachan.sigma.match;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Holds the per-thread scratch state of detection: predicate memo, field values and scan marks,
 * all stamped with an epoch that advances once per event, so nothing is cleared between events.
 * Not thread-safe: each thread has its own (see {@link Detector}).
 */
final class Evaluator implements Automaton.Hits {
    private static final int MAX_DEPTH = 8;

    final EventView view;
    /** Set while a detection runs, so that a sink calling back into the detector gets its own. */
    boolean busy;

    private int epoch;
    private Bucket bucket;
    private int[] hitEpoch = new int[64];
    private int[] evalEpoch = new int[64];
    private boolean[] evalValue = new boolean[64];
    private int[] slotEpoch = new int[16];
    private @Nullable Object[] slotValue = new Object[16];
    private int[] scanEpoch = new int[16];
    /** Candidate variants as a bit set, so that they come out in rule order without a sort. */
    private long[] candidateBits = new long[1];

    private int[] candidates = new int[64];
    private int[] fired = new int[64];
    private int firedCount;
    private int[][] uses = new int[0][];
    private final int[] reported;

    Evaluator(FieldReader reader, int rules, Bucket empty) {
        this.view = new EventView(reader);
        this.reported = new int[rules];
        this.bucket = empty;
    }

    /** Starts a new event: binds the view and advances the epoch. */
    void begin(Map<String, ?> fields) {
        view.bind(fields);
        if (++epoch == Integer.MAX_VALUE) {
            resetEpochs();
        }
    }

    private void resetEpochs() {
        for (int[] a : new int[][] {hitEpoch, evalEpoch, slotEpoch, scanEpoch, reported}) {
            Arrays.fill(a, 0);
        }
        epoch = 1;
    }

    /** Selects the bucket's candidate rules and returns how many there are; see {@link #candidate}. */
    int select(Bucket b) {
        use(b);
        firedCount = 0;
        for (int slot : b.scanSlots) {
            scan(slot);
        }
        int[] @Nullable [] triggersOf = b.triggersOf;
        for (int i = 0; i < firedCount; i++) {
            mark(triggersOf[fired[i]]);
        }
        for (int p : b.directTriggers) {
            if (predicate(p)) {
                mark(triggersOf[p]);
            }
        }
        mark(b.always);
        return drainCandidates(b.variants.length);
    }

    private int drainCandidates(int variants) {
        int count = 0;
        int words = (variants + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            long bits = candidateBits[w];
            if (bits == 0) {
                continue;
            }
            candidateBits[w] = 0;
            while (bits != 0) {
                candidates[count++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return count;
    }

    int candidate(int i) {
        return candidates[i];
    }

    /** Returns whether the rule was reported for this event already (rules may have variants). */
    boolean reported(int ruleId) {
        return reported[ruleId] == epoch;
    }

    void report(int ruleId) {
        reported[ruleId] = epoch;
    }

    private void mark(int @Nullable [] variants) {
        if (variants == null) {
            return;
        }
        for (int v : variants) {
            candidateBits[v >>> 6] |= 1L << v;
        }
    }

    private void use(Bucket b) {
        bucket = b;
        int preds = b.predicates();
        if (hitEpoch.length < preds) {
            int size = Math.max(preds, hitEpoch.length * 2);
            hitEpoch = Arrays.copyOf(hitEpoch, size);
            evalEpoch = Arrays.copyOf(evalEpoch, size);
            evalValue = Arrays.copyOf(evalValue, size);
            fired = Arrays.copyOf(fired, size);
        }
        int slots = b.slots.length;
        if (slotEpoch.length < slots) {
            int size = Math.max(slots, slotEpoch.length * 2);
            slotEpoch = Arrays.copyOf(slotEpoch, size);
            slotValue = Arrays.copyOf(slotValue, size);
            scanEpoch = Arrays.copyOf(scanEpoch, size);
        }
        int variants = b.variants.length;
        if (candidates.length < variants) {
            int size = Math.max(variants, candidates.length * 2);
            candidateBits = Arrays.copyOf(candidateBits, (size + 63) >>> 6);
            candidates = Arrays.copyOf(candidates, size);
        }
    }

    /** Returns the predicate's truth for the current event, computing it at most once. */
    boolean predicate(int p) {
        if (evalEpoch[p] == epoch) {
            return evalValue[p];
        }
        int kind = bucket.kind[p];
        int slot = bucket.slotOf[p];
        boolean value;
        if (kind == Bucket.DIRECT) {
            value = direct(p, slot);
        } else {
            scan(slot);
            value = hitEpoch[p] == epoch && (kind != Bucket.ANCHOR || direct(p, slot));
        }
        evalEpoch[p] = epoch;
        evalValue[p] = value;
        return value;
    }

    private boolean direct(int p, int slot) {
        Bucket.Slot s = bucket.slots[slot];
        Check check = bucket.checks[p];
        if (!s.keyword) {
            return check.testField(slotValue(slot), view);
        }
        if (s.keywordFields.isEmpty()) {
            for (Map.Entry<String, ?> e : view.event().entrySet()) {
                if (!view.keywordSkipped(e.getKey()) && anyString(e.getValue(), check, 1)) {
                    return true;
                }
            }
            return false;
        }
        for (String field : s.keywordFields) {
            if (anyString(view.get(field), check, 0)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyString(@Nullable Object node, Check check, int depth) {
        if (node instanceof String text) {
            return check.testScalar(text, view);
        }
        if (depth >= MAX_DEPTH) {
            return false;
        }
        if (node instanceof Map<?, ?> map) {
            for (Object child : map.values()) {
                if (anyString(child, check, depth + 1)) {
                    return true;
                }
            }
        } else if (node instanceof List<?> list) {
            for (Object child : list) {
                if (anyString(child, check, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private @Nullable Object slotValue(int slot) {
        if (slotEpoch[slot] != epoch) {
            slotEpoch[slot] = epoch;
            slotValue[slot] = view.get(bucket.slots[slot].field);
        }
        return slotValue[slot];
    }

    /** Scans the slot for every literal its predicates test. */
    private void scan(int slot) {
        if (scanEpoch[slot] == epoch) {
            return;
        }
        scanEpoch[slot] = epoch;
        Bucket.Slot s = bucket.slots[slot];
        scanWith(s, slot, s.all);
    }

    private void scanWith(Bucket.Slot s, int slot, Bucket.Automata automata) {
        Automaton folded = automata.folded().automaton();
        if (folded != null) {
            scanWith(s, slot, folded, automata.folded().uses());
        }
        Automaton cased = automata.cased().automaton();
        if (cased != null) {
            scanWith(s, slot, cased, automata.cased().uses());
        }
    }

    private void scanWith(Bucket.Slot s, int slot, Automaton automaton, int[][] patternUses) {
        uses = patternUses;
        if (!s.keyword) {
            scanValue(slotValue(slot), automaton, false, 0);
        } else if (s.keywordFields.isEmpty()) {
            for (Map.Entry<String, ?> e : view.event().entrySet()) {
                if (!view.keywordSkipped(e.getKey())) {
                    scanValue(e.getValue(), automaton, true, 1);
                }
            }
        } else {
            for (String field : s.keywordFields) {
                scanValue(view.get(field), automaton, true, 0);
            }
        }
    }

    private void scanValue(@Nullable Object value, Automaton automaton, boolean stringsOnly, int depth) {
        if (value instanceof String text) {
            automaton.scan(text, this);
        } else if (value instanceof List<?> list) {
            if (depth < MAX_DEPTH) {
                for (Object element : list) {
                    scanValue(element, automaton, stringsOnly, depth + 1);
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            if (stringsOnly && depth < MAX_DEPTH) {
                for (Object child : map.values()) {
                    scanValue(child, automaton, true, depth + 1);
                }
            }
        } else if (!stringsOnly && value != Values.MISSING) {
            String text = Values.text(value);
            if (text != null) {
                automaton.scan(text, this);
            }
        }
    }

    @Override
    public void hit(int pattern, int start, int end, int length) {
        for (int p : uses[pattern]) {
            if (hitEpoch[p] == epoch) {
                continue;
            }
            boolean holds = switch (bucket.kind[p]) {
                case Bucket.EQUALS -> start == 0 && end == length;
                case Bucket.PREFIX -> start == 0;
                case Bucket.SUFFIX -> end == length;
                default -> true;
            };
            if (holds) {
                hitEpoch[p] = epoch;
                if (bucket.triggersOf[p] != null) {
                    fired[firedCount++] = p;
                }
            }
        }
    }
}
