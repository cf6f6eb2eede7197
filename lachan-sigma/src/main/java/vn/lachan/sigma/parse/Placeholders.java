package vn.lachan.sigma.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import vn.lachan.core.problem.Problem;

/**
 * Holds the values of {@code %placeholder%} names that the {@code |expand} modifier replaces, read
 * from a YAML file of {@code name: [value, ...]} (a name may be written with or without its
 * percent signs). Values are Sigma strings: {@code *} and {@code ?} are wildcards.
 *
 * @param values values by placeholder name (without percent signs)
 * @param problems problems found in the placeholders file (entries with problems are left out)
 */
public record Placeholders(Map<String, List<String>> values, List<Problem> problems) {
    public Placeholders {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        values = java.util.Collections.unmodifiableMap(copy);
        problems = List.copyOf(problems);
    }

    /** Returns placeholders with no names: every {@code |expand} placeholder is then unresolved. */
    public static Placeholders none() {
        return new Placeholders(Map.of(), List.of());
    }

    /** Returns placeholders with the given values. */
    public static Placeholders of(Map<String, List<String>> values) {
        return new Placeholders(values, List.of());
    }

    /** Reads a placeholders file; an unreadable file becomes a problem, never an exception. */
    public static Placeholders load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException | java.io.UncheckedIOException e) {
            return new Placeholders(
                    Map.of(),
                    List.of(new Problem(file.toString(), "", "cannot read the placeholders file: " + e.getMessage())));
        }
    }

    /** Parses a placeholders file's text; {@code source} names it in problems. */
    public static Placeholders parse(String yamlText, String source) {
        Issues issues = new Issues(source);
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<Node> documents = new YamlDocuments().compose(yamlText, issues);
        if (documents.size() > 1) {
            issues.error(documents.get(1), "a placeholders file holds one YAML document, found " + documents.size());
        }
        if (!documents.isEmpty()) {
            Map<String, Nodes.Entry> entries = Nodes.mapping(documents.getFirst(), "the placeholders file", issues);
            if (entries != null) {
                entries.forEach((name, entry) ->
                        values.put(strip(name), Nodes.texts(entry.value(), "placeholder '" + name + "'", issues)));
            }
        }
        return new Placeholders(values, issues.errors());
    }

    private static String strip(String name) {
        return name.length() > 2 && name.startsWith("%") && name.endsWith("%")
                ? name.substring(1, name.length() - 1)
                : name;
    }
}
