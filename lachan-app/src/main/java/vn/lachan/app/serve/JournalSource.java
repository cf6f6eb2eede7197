package vn.lachan.app.serve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.lachan.journal.Journal;
import vn.lachan.journal.JournalEntry;
import vn.lachan.pipeline.RecordSource;

/** Hands the pipeline the journal's records: the consumer side of the durable journal. */
final class JournalSource implements RecordSource {
    private final Journal journal;

    JournalSource(Journal journal) {
        this.journal = journal;
    }

    @Override
    public List<Positioned> poll(int max, Duration wait) {
        List<JournalEntry> entries = journal.poll(max, wait);
        List<Positioned> out = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            out.add(new Positioned(e.position(), e.record()));
        }
        return out;
    }

    @Override
    public void commit(long position) {
        journal.commit(position);
    }

    @Override
    public long end() {
        return journal.end();
    }

    @Override
    public long committed() {
        return Math.max(0, journal.committed());
    }
}
