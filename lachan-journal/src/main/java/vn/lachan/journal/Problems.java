package vn.lachan.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.problem.Problem;

/** Collects the problems a journal finds in its files (the first thousand kept), counting and logging each. */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final int KEPT = 1000;

    private final String folder;
    private final Counters counters;
    private final List<Problem> kept = new ArrayList<>();

    Problems(String folder, Counters counters) {
        this.folder = folder;
        this.counters = counters;
    }

    /** Records damage in segment {@code file} at byte {@code offset}. */
    void damaged(String file, long offset, String message) {
        counters.damaged.increment();
        add(new Problem(folder + "/" + file, String.format(Locale.ROOT, "offset %d", offset), message));
    }

    /** Records a problem with the journal's folder or one of its files. */
    void add(Problem problem) {
        LOG.warn("journal: {}", problem);
        synchronized (kept) {
            if (kept.size() < KEPT) {
                kept.add(problem);
            }
        }
    }

    List<Problem> list() {
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }
}
