package vn.lachan.app.hunt;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.lachan.sigma.rule.Level;

/**
 * Holds what one hunt is asked to do.
 *
 * @param rules rule files and folders
 * @param mapping a log-source mapping file, or null for the bundled one
 * @param placeholders a placeholders file for {@code |expand}, or null for none
 * @param events event files and folders
 * @param format how detections are written to standard output
 * @param stats a file to write the run's statistics to as JSON, or null
 * @param threads how many files are read and matched at once, at least 1
 * @param failOn the level from which a detection makes the exit code 1, or null to exit 0
 */
public record HuntOptions(
        List<Path> rules,
        @Nullable Path mapping,
        @Nullable Path placeholders,
        List<Path> events,
        OutputFormat format,
        @Nullable Path stats,
        int threads,
        @Nullable Level failOn) {
    public HuntOptions {
        rules = List.copyOf(rules);
        events = List.copyOf(events);
        Objects.requireNonNull(format, "format");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }

    /** Names how detections are written. */
    public enum OutputFormat {
        /** One JSON object per line: for machines and pipes. */
        JSONL,
        /** Aligned columns: for people at a terminal. */
        TABLE
    }
}
