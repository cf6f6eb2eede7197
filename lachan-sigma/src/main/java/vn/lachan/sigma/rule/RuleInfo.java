package vn.lachan.sigma.rule;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Holds the descriptive fields that detection and correlation rules share.
 *
 * @param title the rule's title (required by the specification)
 * @param id the rule's UUID, when given
 * @param name the rule's unique name, when given (correlations may reference rules by it)
 * @param status one of stable, test, experimental, deprecated, unsupported, when given
 * @param level the rule's level, when given
 * @param tags lowercase dotted tags such as {@code attack.t1059.001}
 * @param description free text, empty when absent
 * @param author free text, empty when absent
 * @param references links given by the rule
 * @param falsePositives known false positives given by the rule
 * @param origin where the rule was read from
 */
public record RuleInfo(
        String title,
        @Nullable String id,
        @Nullable String name,
        @Nullable String status,
        @Nullable Level level,
        List<String> tags,
        String description,
        String author,
        List<String> references,
        List<String> falsePositives,
        Origin origin) {
    public RuleInfo {
        Objects.requireNonNull(title, "title");
        tags = List.copyOf(tags);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(author, "author");
        references = List.copyOf(references);
        falsePositives = List.copyOf(falsePositives);
        Objects.requireNonNull(origin, "origin");
    }

    /** Returns the id when there is one, else the name, else the title: what other rules and people refer to. */
    public String reference() {
        if (id != null) {
            return id;
        }
        return name != null ? name : title;
    }
}
