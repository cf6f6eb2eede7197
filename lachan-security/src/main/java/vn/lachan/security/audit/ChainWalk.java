package vn.lachan.security.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Walks the records in sequence order once, in constant memory, and collects what differs from an
 * intact chain.
 *
 * <p>A record whose hash no longer matches is tested against nearby original positions: the
 * sequence is part of the hash, so a record moved from elsewhere still matches at its old number.
 * Runs of records moved by the same distance are reported once: a run reaching the end of the trail
 * means records were inserted (moved down) or removed (moved up) and the rest renumbered; a run
 * that ends earlier means records were reordered.
 */
final class ChainWalk {
    private static final int WINDOW = 16;

    private final Map<Long, AuditCheckpoint> checkpoints;
    private final List<AuditFinding> findings = new ArrayList<>();
    private long expected = 1;
    private String previousHash = AuditRecord.GENESIS;
    private boolean previousFailed;
    private long records;
    private long lastSigned;
    private @Nullable Run run;

    ChainWalk(Map<Long, AuditCheckpoint> validCheckpoints) {
        this.checkpoints = validCheckpoints;
    }

    void accept(AuditRecord r) {
        records++;
        long s = r.sequence();
        boolean gap = checkSequence(s);
        boolean intact = Canonical.recordHash(r, s).equals(r.hash());
        if (intact) {
            closeRun(false);
            checkLink(r, gap);
        } else {
            placeMoved(r);
        }
        checkCheckpoint(r);
        previousHash = r.hash();
        previousFailed = !intact;
        expected = Math.max(expected, s + 1);
    }

    List<AuditFinding> finish() {
        closeRun(true);
        for (AuditCheckpoint c : checkpoints.values()) {
            if (c.sequence() >= expected) {
                add(
                        expected,
                        AuditFinding.Kind.REMOVED,
                        "records " + expected + " to " + c.sequence()
                                + " are missing: a checkpoint signed at " + c.time() + " covers sequence "
                                + c.sequence()
                                + " but the trail ends at " + (expected - 1));
            }
        }
        findings.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return findings;
    }

    long records() {
        return records;
    }

    long lastSigned() {
        return lastSigned;
    }

    private boolean checkSequence(long s) {
        if (s < expected) {
            add(
                    s,
                    AuditFinding.Kind.INSERTED,
                    "a record with sequence " + s + " appears after sequence " + (expected - 1)
                            + ": it was added outside the trail");
        } else if (s > expected) {
            add(expected, AuditFinding.Kind.REMOVED, "records " + expected + " to " + (s - 1) + " are missing");
            return true;
        }
        return false;
    }

    private void checkLink(AuditRecord r, boolean gap) {
        if (!gap && !previousFailed && !r.previousHash().equals(previousHash)) {
            long s = r.sequence();
            add(
                    s - 1,
                    AuditFinding.Kind.CHANGED,
                    "record " + s + " does not follow record " + (s - 1) + ": record " + (s - 1)
                            + " was replaced by one that was never appended after " + (s - 2));
        }
    }

    private void placeMoved(AuditRecord r) {
        long s = r.sequence();
        for (int d = 1; d <= WINDOW; d++) {
            for (long original : new long[] {s - d, s + d}) {
                if (original >= 1 && Canonical.recordHash(r, original).equals(r.hash())) {
                    extendRun(s, original);
                    return;
                }
            }
        }
        closeRun(false);
        add(s, AuditFinding.Kind.CHANGED, "the content of record " + s + " no longer matches its hash");
    }

    private void checkCheckpoint(AuditRecord r) {
        AuditCheckpoint c = checkpoints.get(r.sequence());
        if (c == null) {
            return;
        }
        if (c.hash().equals(r.hash())) {
            lastSigned = Math.max(lastSigned, c.sequence());
        } else {
            add(
                    r.sequence(),
                    AuditFinding.Kind.CHANGED,
                    "record " + r.sequence() + " differs from the checkpoint" + " signed at " + c.time()
                            + ": the trail up to it was rewritten");
        }
    }

    private void extendRun(long s, long original) {
        Run current = run;
        if (current != null && current.end == s - 1 && current.shift == s - original) {
            current.end = s;
            return;
        }
        closeRun(false);
        run = new Run(s, s - original);
    }

    private void closeRun(boolean atEnd) {
        Run r = run;
        run = null;
        if (r == null) {
            return;
        }
        long from = r.start - r.shift;
        if (atEnd && r.shift > 0) {
            add(
                    from,
                    AuditFinding.Kind.INSERTED,
                    r.shift + " record(s) inserted at sequence " + from
                            + ": the records from there on were renumbered (original " + from + " is now " + r.start
                            + ")");
        } else if (atEnd) {
            add(
                    r.start,
                    AuditFinding.Kind.REMOVED,
                    (-r.shift) + " record(s) removed at sequence " + r.start
                            + ": the records from there on were renumbered (original " + from + " is now " + r.start
                            + ")");
        } else {
            add(
                    r.start,
                    AuditFinding.Kind.REORDERED,
                    "records " + r.start + " to " + r.end + " were written as " + from + " to " + (r.end - r.shift)
                            + ": they were moved");
        }
    }

    private void add(long sequence, AuditFinding.Kind kind, String message) {
        findings.add(new AuditFinding(sequence, kind, message));
    }

    private static final class Run {
        final long start;
        final long shift;
        long end;

        Run(long start, long shift) {
            this.start = start;
            this.shift = shift;
            this.end = start;
        }
    }
}
