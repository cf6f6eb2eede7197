package vn.lachan.security.audit;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Appends entries to the hash-chained audit trail and signs checkpoints of it.
 *
 * <p>Each record's hash covers its canonical encoding and the previous record's hash, so changing,
 * removing, inserting or reordering a record breaks the chain; every {@code checkpointEvery}
 * records (and on demand) the last hash is signed with ML-DSA-65, so even a fully recomputed chain
 * is caught by {@link AuditVerifier}. Appends are serialized: thread-safe. When another process
 * appended meanwhile (the store rejects the sequence), the trail rereads the last record and
 * retries.
 */
public final class AuditTrail {
    private static final int ATTEMPTS = 5;

    private final AuditStore store;
    private final Clock clock;
    private final KeyPair signingKey;
    private final String keyId;
    private final int checkpointEvery;
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable AuditRecord last;
    private boolean loaded;

    /**
     * Creates a trail over {@code store}.
     *
     * @param signingKey an ML-DSA-65 key pair; the public half is what {@link AuditVerifier} checks
     * @param checkpointEvery how many records between automatic checkpoints (at least 1)
     */
    public AuditTrail(AuditStore store, Clock clock, KeyPair signingKey, int checkpointEvery) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be at least 1: " + checkpointEvery);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.keyId = CheckpointSignature.keyId(signingKey.getPublic());
        this.checkpointEvery = checkpointEvery;
    }

    /** Appends one entry and returns the record as stored (with sequence and hashes). */
    public AuditRecord append(AuditEntry entry) {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                AuditRecord record = next(entry);
                try {
                    store.append(record);
                } catch (IllegalStateException conflict) {
                    loaded = false;
                    if (attempt == ATTEMPTS) {
                        throw conflict;
                    }
                    continue;
                }
                last = record;
                if (record.sequence() % checkpointEvery == 0) {
                    store.addCheckpoint(sign(record));
                }
                return record;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Signs and stores a checkpoint of the trail as it is now; empty when the trail is empty. */
    public Optional<AuditCheckpoint> checkpoint() {
        lock.lock();
        try {
            AuditRecord current = current();
            if (current == null) {
                return Optional.empty();
            }
            AuditCheckpoint checkpoint = sign(current);
            store.addCheckpoint(checkpoint);
            return Optional.of(checkpoint);
        } finally {
            lock.unlock();
        }
    }

    private AuditRecord next(AuditEntry e) {
        AuditRecord previous = current();
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String previousHash = previous == null ? AuditRecord.GENESIS : previous.hash();
        Instant time = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditRecord unhashed = new AuditRecord(
                sequence,
                time,
                e.actor(),
                e.action(),
                e.target(),
                e.organization(),
                e.sourceAddress(),
                e.outcome(),
                e.details(),
                previousHash,
                "");
        return new AuditRecord(
                sequence,
                time,
                e.actor(),
                e.action(),
                e.target(),
                e.organization(),
                e.sourceAddress(),
                e.outcome(),
                e.details(),
                previousHash,
                Canonical.recordHash(unhashed, sequence));
    }

    private @Nullable AuditRecord current() {
        if (!loaded) {
            last = store.last().orElse(null);
            loaded = true;
        }
        return last;
    }

    private AuditCheckpoint sign(AuditRecord record) {
        Instant time = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return CheckpointSignature.sign(record.sequence(), record.hash(), time, signingKey.getPrivate(), keyId);
    }
}
