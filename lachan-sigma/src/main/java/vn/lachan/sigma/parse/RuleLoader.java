package vn.lachan.sigma.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.rule.CorrelationRule;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.FilterRule;
import vn.lachan.sigma.rule.RuleDocument;
import vn.lachan.sigma.rule.RuleSet;

/**
 * Loads Sigma v2.1 rule files (detection rules, correlation rules and filters, several per file
 * separated by {@code ---}) into a {@link RuleSet}, applying every value modifier.
 *
 * <p>Problems never escape as exceptions. A document with errors is rejected as <em>one</em> entry
 * of {@link RuleSet#rejected()}: its location is that of the first error and its message names the
 * document and lists every error found in it, each with its own line and column. A YAML syntax
 * error rejects the rest of its file the same way. Things that load but look wrong (a filter
 * condition without {@code not}, {@code all} with one value) are {@link RuleSet#warnings()}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class RuleLoader {
    private final Placeholders placeholders;

    /** Creates a loader with no placeholders: rules using {@code |expand} are rejected. */
    public RuleLoader() {
        this(Placeholders.none());
    }

    /** Creates a loader that resolves {@code |expand} placeholders from the given values. */
    public RuleLoader(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    /** Loads files and folders (recursively, {@code .yml} and {@code .yaml}, in sorted path order). */
    public RuleSet load(Path... paths) {
        return load(List.of(paths));
    }

    /** Loads files and folders (recursively, {@code .yml} and {@code .yaml}, in sorted path order). */
    public RuleSet load(List<Path> paths) {
        Collector collector = new Collector();
        collector.rejected.addAll(placeholders.problems());
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            files.addAll(files(path, collector));
        }
        // Files parse independently: YAML composition is most of the cost of loading thousands of
        // rules, so parse them on every core and merge in path order, which keeps the result
        // independent of timing.
        List<Collector> parsed = files.parallelStream().map(this::read).toList();
        parsed.forEach(collector::merge);
        return collector.toRuleSet();
    }

    /** Parses one file's text; {@code sourceName} names it in origins and problems. */
    public RuleSet parse(String yamlText, String sourceName) {
        Collector collector = new Collector();
        parseInto(yamlText, sourceName, collector);
        return collector.toRuleSet();
    }

    private List<Path> files(Path path, Collector collector) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            collector.rejected.add(new Problem(path.toString(), "", "no such file or folder"));
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(RuleLoader::isYaml)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            collector.rejected.add(new Problem(path.toString(), "", "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    private Collector read(Path file) {
        Collector collector = new Collector();
        readInto(file, collector);
        return collector;
    }

    private void readInto(Path file, Collector collector) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            collector.rejected.add(new Problem(file.toString(), "", "cannot read the file: " + e.getMessage()));
            return;
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            parseInto(text, file.toString(), collector);
        } catch (CharacterCodingException e) {
            collector.rejected.add(new Problem(file.toString(), "", "the file is not valid UTF-8: save it as UTF-8"));
        }
    }

    private void parseInto(String text, String source, Collector collector) {
        YamlDocuments yaml = new YamlDocuments();
        Issues fileIssues = new Issues(source);
        List<Node> documents = yaml.compose(text, fileIssues);
        Node collection =
                documents.stream().filter(RuleLoader::isCollection).findFirst().orElse(null);
        if (collection != null) {
            collector.rejected.add(
                    new Problem(
                            source,
                            Issues.where(collection),
                            "the file is a Sigma 1.x rule collection "
                                    + "('action: global/reset/repeat'), which Sigma 2 removed: write each rule as a complete document"));
            documents = List.of();
        }
        DocumentParser parser = new DocumentParser(yaml, placeholders);
        for (Node root : documents) {
            if (Nodes.isNull(root)) {
                continue;
            }
            Issues issues = new Issues(source);
            @Nullable RuleDocument document;
            try {
                document = parser.parse(root, issues);
            } catch (RuntimeException e) {
                // A bug in this parser must not take the whole rule set down: reject the document and say so.
                issues.error(root, "internal error while reading this document (please report it): " + e);
                document = null;
            }
            collector.add(document, issues, root);
        }
        if (fileIssues.hasErrors()) {
            collector.rejected.add(fileIssues.errors().getFirst());
        }
    }

    private static boolean isCollection(Node root) {
        return root instanceof MappingNode map
                && map.getValue().stream()
                        .anyMatch(t -> t.getKeyNode() instanceof ScalarNode k
                                && k.getValue().equals("action"));
    }

    /** Gathers the outcome of every document. */
    private static final class Collector {
        final List<DetectionRule> detections = new ArrayList<>();
        final List<CorrelationRule> correlations = new ArrayList<>();
        final List<FilterRule> filters = new ArrayList<>();
        final List<Problem> rejected = new ArrayList<>();
        final List<Problem> warnings = new ArrayList<>();

        void add(@Nullable RuleDocument document, Issues issues, Node root) {
            warnings.addAll(issues.warnings());
            if (issues.hasErrors() || document == null) {
                rejected.add(rejection(issues, root));
                return;
            }
            switch (document) {
                case DetectionRule d -> detections.add(d);
                case CorrelationRule c -> correlations.add(c);
                case FilterRule f -> filters.add(f);
            }
        }

        private static Problem rejection(Issues issues, Node root) {
            List<Problem> errors = issues.errors();
            if (errors.isEmpty()) {
                return new Problem(issues.source(), Issues.where(root), "the document was rejected");
            }
            String where = "document at line " + (root.getStartMark().getLine() + 1);
            if (errors.size() == 1) {
                return new Problem(
                        issues.source(),
                        errors.getFirst().location(),
                        where + " rejected: " + errors.getFirst().message());
            }
            StringBuilder message = new StringBuilder(where + " rejected, " + errors.size() + " problems:");
            for (Problem error : errors) {
                message.append("\n  ")
                        .append(error.location().isEmpty() ? "" : error.location() + ": ")
                        .append(error.message());
            }
            return new Problem(issues.source(), errors.getFirst().location(), message.toString());
        }

        void merge(Collector other) {
            detections.addAll(other.detections);
            correlations.addAll(other.correlations);
            filters.addAll(other.filters);
            rejected.addAll(other.rejected);
            warnings.addAll(other.warnings);
        }

        RuleSet toRuleSet() {
            return new RuleSet(detections, correlations, filters, rejected, warnings);
        }
    }
}
