package vn.lachan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.VerifyReport;

/**
 * Seals finished partitions into a hash chain of manifests and verifies them: each manifest holds the
 * SHA-256 of the one sealed before it, and {@code seal-head.json} the last one, so that a modified,
 * removed or added file, manifest or whole partition shows.
 */
final class Seals {
    static final String HEAD = "seal-head.json";
    /** In a late partition's folder: when it is due for sealing. */
    static final String LATE = "late.json";

    private final Path events;
    private final Path deletionLog;

    Seals(Path events, Path deletionLog) {
        this.events = events;
        this.deletionLog = deletionLog;
    }

    /**
     * Seals, in time order, every unsealed partition with events that is due: a slot's own partition
     * once its slot ended {@code grace} before {@code now}; a late partition {@code grace} after the first
     * sealing run that saw it, so that a trickle of late events fills one late partition per grace
     * period, not one per run.
     */
    List<String> sealFinished(List<Partition> partitions, Instant now, Duration grace) {
        List<String> sealed = new ArrayList<>();
        for (Partition p : partitions) {
            if (p.sealed() || p.stats.events() == 0 || !due(p, now, grace)) {
                continue;
            }
            try {
                p.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close partition " + p.name + " for sealing", e);
            }
            Map<String, Object> head = head();
            long sequence = ((Number) Objects.requireNonNull(head.get("sequence"))).longValue() + 1;
            String hash = Manifest.seal(p.dir, p.name, sequence, String.valueOf(head.get("sha256")));
            Json.writeAtomically(
                    events.resolve(HEAD), Map.of("sequence", sequence, "partition", p.name, "sha256", hash));
            p.markSealed();
            sealed.add(p.name);
        }
        return sealed;
    }

    /**
     * Returns whether the partition is due for sealing; a late partition's due time is written into its
     * folder ({@link #LATE}, which its manifest then covers) when a run first sees it, and kept across
     * restarts.
     */
    private static boolean due(Partition p, Instant now, Duration grace) {
        if (p.generation == 0) {
            return !p.end.isAfter(now.minus(grace));
        }
        Path file = p.dir.resolve(LATE);
        if (!Files.exists(file)) {
            Map<String, Object> late = new LinkedHashMap<>();
            late.put("slot", p.start.toString());
            late.put("generation", p.generation);
            late.put("sealDue", now.plus(grace).toString());
            Json.writeAtomically(file, late);
            return grace.isZero();
        }
        Object due = Json.readMap(file).get("sealDue");
        return due == null || !now.isBefore(Instant.parse(due.toString()));
    }

    private Map<String, Object> head() {
        Path file = events.resolve(HEAD);
        if (!Files.exists(file)) {
            return Map.of("sequence", 0L, "sha256", Manifest.GENESIS);
        }
        Map<String, Object> head = new HashMap<>();
        Json.readMap(file).forEach((k, v) -> head.put(k, Objects.requireNonNull(v)));
        return head;
    }

    VerifyReport verify(List<Partition> partitions) {
        Map<Long, String> hashes = new TreeMap<>(deletedManifests());
        Map<Long, Partition> bySequence = new TreeMap<>();
        Map<String, List<Problem>> findings = new HashMap<>();
        for (Partition p : partitions) {
            if (p.sealed()) {
                long seq =
                        ((Number) Objects.requireNonNull(Manifest.header(p.dir).get("sequence"))).longValue();
                bySequence.put(seq, p);
                hashes.put(seq, Manifest.hashOf(p.dir.resolve(Manifest.FILE)));
                findings.put(p.name, new ArrayList<>(Manifest.check(p.dir, true)));
            }
        }
        bySequence.forEach(
                (seq, p) -> checkLink(seq, p, hashes, findings.computeIfAbsent(p.name, k -> new ArrayList<>())));
        checkHead(bySequence, hashes, findings);
        List<VerifyReport.PartitionCheck> checks = new ArrayList<>();
        for (Partition p : partitions) {
            List<Problem> found = findings.getOrDefault(p.name, List.of());
            VerifyReport.Status status = !p.sealed()
                    ? VerifyReport.Status.OPEN
                    : found.isEmpty() ? VerifyReport.Status.INTACT : VerifyReport.Status.DAMAGED;
            if (p.sealed()) {
                p.markDamaged(found.isEmpty() ? null : found.getFirst().toString());
            }
            checks.add(new VerifyReport.PartitionCheck(p.name, status, found));
            findings.remove(p.name);
        }
        findings.forEach(
                (name, found) -> checks.add(new VerifyReport.PartitionCheck(name, VerifyReport.Status.DAMAGED, found)));
        return new VerifyReport(checks);
    }

    private void checkLink(long seq, Partition p, Map<Long, String> hashes, List<Problem> found) {
        String previous = String.valueOf(Manifest.header(p.dir).get("previous"));
        String expected = seq == 1 ? Manifest.GENESIS : hashes.get(seq - 1);
        if (expected == null) {
            found.add(new Problem(
                    p.dir.toString(),
                    Manifest.FILE,
                    "the partition sealed before this one (sequence " + (seq - 1)
                            + ") is gone and no deletion of it was recorded"));
        } else if (!expected.equals(previous)) {
            found.add(new Problem(
                    p.dir.toString(),
                    Manifest.FILE,
                    "broken chain: the manifest does not hold the hash of the manifest sealed before it"));
        }
    }

    private void checkHead(
            Map<Long, Partition> bySequence, Map<Long, String> hashes, Map<String, List<Problem>> findings) {
        Map<String, Object> head = head();
        long seq = ((Number) Objects.requireNonNull(head.get("sequence"))).longValue();
        if (seq == 0) {
            return;
        }
        Partition last = bySequence.get(seq);
        String name = String.valueOf(head.get("partition"));
        if (last == null && !hashes.containsKey(seq)) {
            findings.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(new Problem(
                            events.resolve(name).toString(),
                            "",
                            "the last sealed partition (sequence " + seq + ") is gone and no deletion was recorded"));
        } else if (last != null && !Objects.equals(hashes.get(seq), head.get("sha256"))) {
            findings.computeIfAbsent(last.name, k -> new ArrayList<>())
                    .add(new Problem(
                            last.dir.toString(),
                            Manifest.FILE,
                            "the manifest differs from the one recorded at the chain's head"));
        }
    }

    /** Returns sequence → manifest hash of the sealed partitions that retention deleted, from its log. */
    private Map<Long, String> deletedManifests() {
        Map<Long, String> deleted = new HashMap<>();
        if (!Files.exists(deletionLog)) {
            return deleted;
        }
        try {
            for (String line : Files.readAllLines(deletionLog)) {
                Map<String, @Nullable Object> entry = Json.parse(line);
                if (entry.get("sequence") instanceof Number n && entry.get("manifestSha256") instanceof String h) {
                    deleted.put(n.longValue(), h);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + deletionLog, e);
        }
        return deleted;
    }
}
