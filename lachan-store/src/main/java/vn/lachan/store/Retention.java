package vn.lachan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.store.LegalHold;
import vn.lachan.core.store.RetentionPolicy;
import vn.lachan.core.store.RetentionReport;

/**
 * Deletes whole partitions whose every event is expired under the rules of the systems it holds,
 * unless a legal hold covers them, and appends each deletion to {@code DATA/deletions.jsonl}.
 */
final class Retention {
    static final String LOG = "deletions.jsonl";

    private final Partitions partitions;
    private final Path log;

    Retention(Partitions partitions, Path log) {
        this.partitions = partitions;
        this.log = log;
    }

    RetentionReport apply(RetentionPolicy policy, List<LegalHold> holds, Instant now) {
        List<RetentionReport.Deletion> deleted = new ArrayList<>();
        List<RetentionReport.Held> held = new ArrayList<>();
        for (Partition p : partitions.all()) {
            if (p.stats.events() == 0) {
                continue;
            }
            List<String> rules = new ArrayList<>();
            Instant expiry = expiry(p, policy, rules);
            if (now.isBefore(expiry)) {
                continue;
            }
            LegalHold hold = holdOn(p, holds);
            if (hold != null) {
                held.add(new RetentionReport.Held(p.name, hold.reason()));
                continue;
            }
            deleted.add(delete(p, now, expiry, rules));
        }
        return new RetentionReport(deleted, held);
    }

    /** Returns when the last event of the partition expires: the latest expiry of its systems' rules. */
    private static Instant expiry(Partition p, RetentionPolicy policy, List<String> rules) {
        Instant latest = Instant.MIN;
        for (String key : p.stats.systems().keySet()) {
            int slash = key.indexOf('/');
            RetentionPolicy.Applied rule = policy.ruleFor(key.substring(0, slash), key.substring(slash + 1));
            rules.add(key + " → " + rule.rule());
            Instant expiry = rule.expiry(p.end);
            latest = expiry.isAfter(latest) ? expiry : latest;
        }
        return latest;
    }

    private static @Nullable LegalHold holdOn(Partition p, List<LegalHold> holds) {
        for (LegalHold hold : holds) {
            if (hold.covers(p.start, p.end, p.stats.systems().keySet())) {
                return hold;
            }
        }
        return null;
    }

    private RetentionReport.Deletion delete(Partition p, Instant now, Instant expiry, List<String> rules) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("partition", p.name);
        entry.put("start", p.start.toString());
        entry.put("end", p.end.toString());
        entry.put("events", p.stats.events());
        entry.put("systems", p.stats.systems());
        entry.put("deletedAt", now.toString());
        String reason = "every event expired by " + expiry;
        entry.put("reason", reason);
        entry.put("rules", rules);
        if (p.sealed()) {
            entry.put("sequence", Manifest.header(p.dir).get("sequence"));
            entry.put("manifestSha256", Manifest.hashOf(p.dir.resolve(Manifest.FILE)));
        }
        // Log first: a crash between the two leaves a logged partition still on disk, never an unlogged gap.
        Json.appendLine(log, entry);
        partitions.remove(p);
        p.close();
        deleteTree(p.dir);
        return new RetentionReport.Deletion(p.name, p.start, p.end, p.stats.events(), now, reason, rules);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete partition folder " + dir, e);
        }
    }
}
