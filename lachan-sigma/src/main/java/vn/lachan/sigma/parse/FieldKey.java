package vn.lachan.sigma.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import vn.lachan.core.problem.Suggestions;

/** A detection key split into its field name and modifiers: {@code CommandLine|contains|all}. */
record FieldKey(String field, List<Modifier> modifiers) {
    FieldKey {
        modifiers = List.copyOf(modifiers);
    }

    String subject() {
        return field.isEmpty() ? "a keyword" : "field '" + field + "'";
    }

    /** Returns the key's field and modifiers, or null when a modifier is unknown (every one is reported). */
    static @Nullable FieldKey parse(String key, Node at, Issues issues) {
        String[] parts = key.split("\\|", -1);
        String field = parts[0];
        String subject = field.isEmpty() ? "a keyword" : "field '" + field + "'";
        List<Modifier> modifiers = new ArrayList<>();
        boolean failed = false;
        for (int i = 1; i < parts.length; i++) {
            Optional<Modifier> modifier = Modifier.named(parts[i]);
            if (modifier.isEmpty()) {
                String name = parts[i];
                issues.error(
                        at,
                        name.isEmpty()
                                ? "empty modifier in key '" + key + "'"
                                : "unknown modifier '" + name + "' on " + subject
                                        + Suggestions.hint(name, Modifier.allNames()));
                failed = true;
            } else if (modifiers.contains(modifier.get())) {
                issues.warn(at, "modifier '" + parts[i] + "' appears twice on " + subject);
            } else {
                modifiers.add(modifier.get());
            }
        }
        if (field.isEmpty() && modifiers.contains(Modifier.FIELDREF)) {
            issues.error(at, "'fieldref' needs a field on the left of the key, a keyword has none");
            failed = true;
        }
        return failed ? null : new FieldKey(field, modifiers);
    }
}
