package vn.lachan.sigma.logsource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Describes how to read the fields of events of one shape (evtx_dump JSON, Winlogbeat, flat
 * NXLog, plain JSON) under the names Sigma rules use.
 *
 * @param name the layout's name, for instance {@code evtx_dump}
 * @param marker the top-level key whose presence selects this layout; null for the fallback
 * @param fields Sigma field name to the path (keys, in order) that holds it
 * @param flatten paths of containers whose every key is a field of its own name; a {@code *}
 *     segment stands for any key at that level
 * @param spacelessKeys whether a rule field also finds a container key written with spaces
 *     ({@code ThreatName} finds {@code Threat Name}, as Defender's EventData names are written)
 * @param keywordSkip top-level keys that a keyword search over the whole event does not read (for
 *     instance the rendered {@code Message} of flat NXLog events, a text copy of the data fields)
 */
public record Layout(
        String name,
        @Nullable String marker,
        Map<String, List<String>> fields,
        List<List<String>> flatten,
        boolean spacelessKeys,
        List<String> keywordSkip) {
    public Layout {
        keywordSkip = List.copyOf(keywordSkip);
        Objects.requireNonNull(name, "name");
        fields = Map.copyOf(fields);
        flatten = flatten.stream().map(List::copyOf).toList();
    }
}
