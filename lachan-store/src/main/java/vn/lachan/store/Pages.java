package vn.lachan.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldDocs;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.StoredEvent;

/**
 * Fills one page of hits in id order (time first) from partitions visited slot by slot: the partitions
 * of one time slot (its own and its late ones) overlap in time, so their best hits are merged; slots do
 * not overlap, so a page ends in the first slot that fills it.
 */
final class Pages {
    private final Search search;

    Pages(Search search) {
        this.search = search;
    }

    /** One hit of one partition, with the sort values Lucene gave it. */
    private record Candidate(PartitionQuery target, int doc, long high, long low) {}

    /** Fills {@code hits} with up to {@code size} events after {@code after}; returns the next cursor. */
    @Nullable
    String fill(int size, boolean newest, @Nullable EventId after, List<PartitionQuery> targets, List<StoredEvent> hits)
            throws IOException {
        if (size == 0) {
            return null;
        }
        List<List<PartitionQuery>> slots = slots(targets);
        if (newest) {
            Collections.reverse(slots);
        }
        int want = size + 1;
        for (List<PartitionQuery> slot : slots) {
            if (hits.size() >= want) {
                break;
            }
            if (!skipByCursor(slot.getFirst().partition(), after, newest)) {
                fillFrom(slot, newest, after, want, hits);
            }
        }
        if (hits.size() < want) {
            return null;
        }
        hits.removeLast();
        return hits.getLast().id().toString();
    }

    /** Groups the targets (ordered by slot, then generation) into their time slots. */
    private static List<List<PartitionQuery>> slots(List<PartitionQuery> targets) {
        List<List<PartitionQuery>> slots = new ArrayList<>();
        for (PartitionQuery t : targets) {
            if (slots.isEmpty() || !slots.getLast().getFirst().partition().start.equals(t.partition().start)) {
                slots.add(new ArrayList<>());
            }
            slots.getLast().add(t);
        }
        return slots;
    }

    private void fillFrom(
            List<PartitionQuery> slot, boolean newest, @Nullable EventId after, int want, List<StoredEvent> hits)
            throws IOException {
        Sort sort = Search.sort(newest);
        int room = want - hits.size();
        List<Candidate> candidates = new ArrayList<>();
        for (PartitionQuery t : slot) {
            int last = t.searcher().getIndexReader().maxDoc() - 1;
            if (last < 0) {
                continue;
            }
            // The last doc id: the event at the cursor itself (equal sort values) is not "after" it.
            FieldDoc cursor =
                    after == null ? null : new FieldDoc(last, Float.NaN, new Object[] {after.high(), after.low()});
            TopFieldDocs top = t.searcher().searchAfter(cursor, t.query(), room, sort, false);
            for (ScoreDoc sd : top.scoreDocs) {
                Object[] values = ((FieldDoc) sd).fields;
                candidates.add(new Candidate(t, sd.doc, (Long) values[0], (Long) values[1]));
            }
        }
        if (slot.size() > 1) {
            // Lucene compares the id's halves as signed longs: the merge must agree with each partition's order
            Comparator<Candidate> order =
                    Comparator.comparingLong(Candidate::high).thenComparingLong(Candidate::low);
            candidates.sort(newest ? order.reversed() : order);
        }
        for (Candidate c : candidates.subList(0, Math.min(room, candidates.size()))) {
            hits.add(search.read(c.target().partition().name, c.target().searcher(), c.doc()));
        }
    }

    private static boolean skipByCursor(Partition p, @Nullable EventId after, boolean newest) {
        if (after == null) {
            return false;
        }
        return newest ? !p.start.isBefore(after.time().plusMillis(1)) : !p.end.isAfter(after.time());
    }
}
