package vn.lachan.app.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.lachan.journal.Journal;
import vn.lachan.journal.JournalStats;
import vn.lachan.pipeline.LiveRules;
import vn.lachan.pipeline.Pipeline;
import vn.lachan.pipeline.PipelineStats;
import vn.lachan.web.Health;
import vn.lachan.web.Health.Component;
import vn.lachan.web.Health.Status;

/** Builds the health report of a running platform from its parts' own counters. */
final class HealthReport {
    /** Above this share of its budget, the journal is reported degraded: processing is falling behind. */
    private static final double JOURNAL_DEGRADED = 0.8;

    private HealthReport() {}

    static Health of(Platform platform) {
        Map<String, Component> parts = new LinkedHashMap<>();
        Journal journal = platform.journal();
        if (journal != null) {
            parts.put("journal", journal(journal, platform.config().journalBudgetBytes()));
        }
        Pipeline pipeline = platform.pipeline();
        if (pipeline != null) {
            parts.put("pipeline", pipeline(pipeline));
        }
        LiveRules rules = platform.rules();
        if (rules != null) {
            LiveRules.Status s = rules.status();
            parts.put(
                    "rules",
                    new Component(
                            s.rules() == 0 ? Status.DEGRADED : Status.UP,
                            Map.of(
                                    "rules", Long.toString(s.rules()),
                                    "problems", Integer.toString(s.problems().size()),
                                    "loaded", s.loaded().toString(),
                                    "generation", Long.toString(s.generation()))));
        }
        Status overall = Status.UP;
        for (Component c : parts.values()) {
            if (c.status().compareTo(overall) > 0) {
                overall = c.status();
            }
        }
        return new Health(overall, parts);
    }

    private static Component journal(Journal journal, long budget) {
        JournalStats s = journal.stats();
        double used = budget == 0 ? 0 : (double) s.bytes() / budget;
        return new Component(
                used > JOURNAL_DEGRADED ? Status.DEGRADED : Status.UP,
                Map.of(
                        "bytes", Long.toString(s.bytes()),
                        "budget_bytes", Long.toString(budget),
                        "committed", Long.toString(s.committed()),
                        "end", Long.toString(s.end()),
                        "full_answers", Long.toString(s.fullAnswers()),
                        "problems", Integer.toString(journal.problems().size())));
    }

    private static Component pipeline(Pipeline pipeline) {
        PipelineStats s = pipeline.stats();
        return new Component(
                s.storeFailures() > 0 && pipeline.lag() > 0 ? Status.DEGRADED : Status.UP,
                Map.of(
                        "records", Long.toString(s.records()),
                        "stored", Long.toString(s.stored()),
                        "parse_failures", Long.toString(s.parseFailures()),
                        "detections", Long.toString(s.detections()),
                        "alerts_written", Long.toString(s.alertsWritten()),
                        "lag", Long.toString(pipeline.lag()),
                        "store_failures", Long.toString(s.storeFailures())));
    }
}
