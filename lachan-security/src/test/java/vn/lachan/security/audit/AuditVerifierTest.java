package vn.lachan.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditVerifierTest {
    final InMemoryAuditStore store = new InMemoryAuditStore();
    final AuditTrail trail = new AuditTrail(store, AuditTrailTest.CLOCK, AuditTrailTest.KEY, 10);

    @BeforeEach
    void write25() {
        for (int i = 1; i <= 25; i++) {
            trail.append(AuditTrailTest.entry(i));
        }
    }

    List<AuditFinding> findings() {
        return new AuditVerifier(store, AuditTrailTest.KEY.getPublic()).verify().findings();
    }

    static AuditRecord with(AuditRecord r, long sequence, String actor, String previousHash, String hash) {
        return new AuditRecord(
                sequence,
                r.time(),
                actor,
                r.action(),
                r.target(),
                r.organization(),
                r.sourceAddress(),
                r.outcome(),
                r.details(),
                previousHash,
                hash);
    }

    static AuditRecord renumbered(AuditRecord r, long sequence) {
        return with(r, sequence, r.actor(), r.previousHash(), r.hash());
    }

    @Test
    void namesAChangedRecord() {
        store.update(7, r -> with(r, 7, "user:someone.else", r.previousHash(), r.hash()));
        assertThat(findings())
                .containsExactly(new AuditFinding(
                        7, AuditFinding.Kind.CHANGED, "the content of record 7 no longer matches its hash"));
    }

    @Test
    void namesARemovedRecord() {
        store.delete(7);
        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AuditFinding.Kind.REMOVED);
            assertThat(f.sequence()).isEqualTo(7);
        });
    }

    @Test
    void namesARemovalHiddenByRenumbering() {
        store.delete(7);
        for (long s = 8; s <= 25; s++) {
            store.update(s, r -> renumbered(r, r.sequence() - 1));
        }
        assertThat(findings())
                .anySatisfy(f -> assertThat(f)
                        .extracting(AuditFinding::kind, AuditFinding::sequence)
                        .containsExactly(AuditFinding.Kind.REMOVED, 7L))
                .noneSatisfy(f -> assertThat(f.kind()).isEqualTo(AuditFinding.Kind.REORDERED));
    }

    @Test
    void namesSwappedRecordsAsReordered() {
        AuditRecord five = store.at(5);
        AuditRecord six = store.at(6);
        store.update(5, r -> renumbered(six, 5));
        store.update(6, r -> renumbered(five, 6));
        assertThat(findings())
                .extracting(AuditFinding::kind, AuditFinding::sequence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditFinding.Kind.REORDERED, 5L),
                        org.assertj.core.groups.Tuple.tuple(AuditFinding.Kind.REORDERED, 6L));
    }

    @Test
    void namesARecordInsertedWithAForgedHashAndTheRestRenumbered() {
        for (long s = 25; s >= 5; s--) {
            store.update(s, r -> renumbered(r, r.sequence() + 1));
        }
        AuditRecord four = store.at(4);
        AuditRecord forged = with(four, 5, "user:attacker", four.hash(), "");
        store.insertRaw(with(forged, 5, "user:attacker", four.hash(), Canonical.recordHash(forged, 5)));
        assertThat(findings())
                .anySatisfy(f -> assertThat(f)
                        .extracting(AuditFinding::kind, AuditFinding::sequence)
                        .containsExactly(AuditFinding.Kind.INSERTED, 5L));
    }

    @Test
    void namesADuplicatedSequence() {
        store.insertRaw(store.at(8));
        assertThat(findings()).extracting(AuditFinding::kind).contains(AuditFinding.Kind.INSERTED);
    }

    @Test
    void catchesAFullyRecomputedChainAtTheFirstCheckpoint() {
        String previous = store.at(2).hash();
        for (long s = 3; s <= 25; s++) {
            String prev = previous;
            String actor = s == 3 ? "user:attacker" : store.at(s).actor();
            AuditRecord draft = with(store.at(s), s, actor, prev, "");
            AuditRecord rewritten = with(draft, s, actor, prev, Canonical.recordHash(draft, s));
            store.update(s, r -> rewritten);
            previous = rewritten.hash();
        }
        assertThat(findings())
                .extracting(AuditFinding::kind, AuditFinding::sequence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditFinding.Kind.CHANGED, 10L),
                        org.assertj.core.groups.Tuple.tuple(AuditFinding.Kind.CHANGED, 20L));
    }

    @Test
    void catchesRecordsCutFromTheEndBeforeASignedCheckpoint() {
        for (long s = 16; s <= 25; s++) {
            store.delete(s);
        }
        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AuditFinding.Kind.REMOVED);
            assertThat(f.sequence()).isEqualTo(16);
            assertThat(f.message()).contains("covers sequence 20");
        });
    }

    @Test
    void namesATamperedCheckpointSignature() {
        store.updateCheckpoint(1, c -> {
            byte[] signature = Base64.getDecoder().decode(c.signature());
            signature[17] ^= 1;
            return new AuditCheckpoint(
                    c.sequence(),
                    c.hash(),
                    c.time(),
                    c.keyId(),
                    Base64.getEncoder().encodeToString(signature));
        });
        assertThat(findings())
                .containsExactly(new AuditFinding(
                        20,
                        AuditFinding.Kind.BAD_CHECKPOINT,
                        "the signature of the checkpoint signed at 2026-03-01T08:15:30.123456Z does not verify"));
    }

    @Test
    void refusesACheckpointSignedWithAnotherKey() {
        AuditTrail forger = new AuditTrail(store, AuditTrailTest.CLOCK, AuditTrailTest.generate(), 1000);
        store.clearCheckpoints();
        forger.checkpoint();
        AuditReport report = new AuditVerifier(store, AuditTrailTest.KEY.getPublic()).verify();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AuditFinding.Kind.BAD_CHECKPOINT);
            assertThat(f.sequence()).isEqualTo(25);
        });
        assertThat(report.lastSigned()).isZero();
    }
}
