package vn.lachan.security.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checks the audit trail end to end: the hash chain, the sequence numbers and every checkpoint's
 * ML-DSA-65 signature, naming the sequence of each change, removal, insertion or reordering.
 *
 * <p>Reads the trail in pages and keeps only the checkpoints in memory. Records after the last
 * checkpoint are protected by the chain alone: removing them from the end cannot be detected until
 * the next checkpoint is signed, which is why the trail signs every N records.
 */
public final class AuditVerifier {
    private static final int PAGE = 1000;

    private final AuditStore store;
    private final PublicKey key;
    private final String keyId;

    /** Creates a verifier that trusts checkpoints signed by the private half of {@code key} (ML-DSA-65). */
    public AuditVerifier(AuditStore store, PublicKey key) {
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.keyId = CheckpointSignature.keyId(key);
    }

    /** Reads the whole trail and reports every difference from what was appended. */
    public AuditReport verify() {
        List<AuditFinding> bad = new ArrayList<>();
        Map<Long, AuditCheckpoint> valid = new TreeMap<>();
        List<AuditCheckpoint> all = store.checkpoints();
        for (AuditCheckpoint c : all) {
            if (!c.keyId().equals(keyId)) {
                bad.add(new AuditFinding(
                        c.sequence(),
                        AuditFinding.Kind.BAD_CHECKPOINT,
                        "the checkpoint was signed by key " + c.keyId() + ", not by the trail's key " + keyId));
            } else if (!CheckpointSignature.verifies(c, key)) {
                bad.add(new AuditFinding(
                        c.sequence(),
                        AuditFinding.Kind.BAD_CHECKPOINT,
                        "the signature of the checkpoint signed at " + c.time() + " does not verify"));
            } else {
                valid.merge(c.sequence(), c, (a, b) -> a.hash().equals(b.hash()) ? a : conflict(a, b, bad));
            }
        }
        ChainWalk walk = new ChainWalk(valid);
        long from = 1;
        List<AuditRecord> page;
        do {
            page = store.range(from, PAGE);
            page.forEach(walk::accept);
            from = page.isEmpty() ? from : page.getLast().sequence() + 1;
        } while (page.size() == PAGE);
        List<AuditFinding> findings = new ArrayList<>(walk.finish());
        findings.addAll(bad);
        findings.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return new AuditReport(walk.records(), all.size(), walk.lastSigned(), findings);
    }

    private static AuditCheckpoint conflict(AuditCheckpoint a, AuditCheckpoint b, List<AuditFinding> bad) {
        bad.add(new AuditFinding(
                a.sequence(),
                AuditFinding.Kind.CHANGED,
                "two validly signed checkpoints name different hashes for sequence " + a.sequence()
                        + ": the trail was rewritten and signed again with the trail's key"));
        return a;
    }
}
