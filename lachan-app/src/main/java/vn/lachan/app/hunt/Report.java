package vn.lachan.app.hunt;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.core.problem.Problem;

/** Writes a hunt's summary for people (standard error) and its statistics for machines (JSON). */
final class Report {
    private static final List<String> LEVELS = List.of("critical", "high", "medium", "low", "informational", "none");

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Report() {}

    /** Prints the summary lines. */
    static void summary(HuntResult result, long problemsShown, PrintStream err) {
        var read = result.read();
        err.printf(
                Locale.ROOT,
                "lachan: %,d events from %,d files in %.2f s (%,.0f events/s; rules loaded in %.2f s)%n",
                read.events(),
                read.files(),
                result.seconds(),
                result.eventsPerSecond(),
                result.loadSeconds());
        if (read.parseErrors() > 0 || read.skippedEntries() > 0) {
            err.printf(
                    Locale.ROOT,
                    "lachan: %,d parse errors%s, %,d non-event entries skipped%n",
                    read.parseErrors(),
                    read.parseErrors() > problemsShown ? " (the first " + problemsShown + " shown above)" : "",
                    read.skippedEntries());
        }
        err.printf(
                Locale.ROOT,
                "lachan: %,d rules loaded, %,d rejected%n",
                result.rulesLoaded(),
                result.rejected().size());
        err.printf(Locale.ROOT, "lachan: %,d detections%s%n", result.totalDetections(), byLevel(result.detections()));
    }

    private static String byLevel(Map<String, Long> detections) {
        StringBuilder text = new StringBuilder();
        for (String level : LEVELS) {
            Long count = detections.get(level);
            if (count != null) {
                text.append(text.isEmpty() ? " (" : ", ")
                        .append(level)
                        .append(' ')
                        .append(count);
            }
        }
        return text.isEmpty() ? "" : text.append(')').toString();
    }

    /** Writes the statistics file as indented JSON. */
    static void stats(HuntResult result, List<Problem> parseErrors, Path file) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("files", result.read().files());
        stats.put("events", result.read().events());
        stats.put("parse_errors", result.read().parseErrors());
        stats.put("skipped_entries", result.read().skippedEntries());
        stats.put("rules_loaded", result.rulesLoaded());
        stats.put("rules_rejected", problems(result.rejected(), "file"));
        stats.put("detections", result.totalDetections());
        stats.put("detections_by_level", result.detections());
        stats.put("correlations", result.correlations());
        stats.put("parse_error_examples", problems(parseErrors, "source"));
        stats.put("seconds", Math.round(result.seconds() * 1000) / 1000.0);
        stats.put("rule_load_seconds", Math.round(result.loadSeconds() * 1000) / 1000.0);
        stats.put("events_per_second", Math.round(result.eventsPerSecond()));
        try {
            JSON.writeValue(file.toFile(), stats);
        } catch (JacksonException e) {
            throw new UncheckedIOException(
                    "cannot write the statistics file " + file + ": " + e.getOriginalMessage(), new IOException(e));
        }
    }

    private static List<Map<String, String>> problems(List<Problem> problems, String sourceName) {
        return problems.stream()
                .map(p -> {
                    Map<String, String> entry = new LinkedHashMap<>();
                    entry.put(sourceName, p.source());
                    entry.put("location", p.location());
                    entry.put("reason", p.message());
                    return entry;
                })
                .toList();
    }
}
