package vn.lachan.sigma.rule;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Names the kind of log a rule applies to, as the Sigma {@code logsource} block does.
 *
 * @param category for instance {@code process_creation}, when given
 * @param product for instance {@code windows}, when given
 * @param service for instance {@code sysmon}, when given
 * @param extra any other keys of the block except {@code definition}, which is informational
 */
public record LogSource(
        @Nullable String category,
        @Nullable String product,
        @Nullable String service,
        Map<String, String> extra) {
    public LogSource {
        extra = Map.copyOf(extra);
    }

    /** Returns a log source with only the three standard keys. */
    public static LogSource of(@Nullable String category, @Nullable String product, @Nullable String service) {
        return new LogSource(category, product, service, Map.of());
    }
}
