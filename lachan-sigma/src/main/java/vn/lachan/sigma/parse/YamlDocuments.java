package vn.lachan.sigma.parse;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes YAML text into nodes (keeping line and column) with YAML 1.1 scalar typing as PyYAML
 * does, bounded against alias bombs, deep nesting and huge inputs; types scalars on demand.
 */
final class YamlDocuments {
    static final int MAX_ALIASES = 100;
    static final int MAX_DEPTH = 64;
    static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

    private final LoaderOptions options;
    private final Scalars scalars;

    YamlDocuments() {
        options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        scalars = new Scalars(options);
    }

    /**
     * Returns the documents of the text in order; a YAML syntax error ends the list and becomes an
     * issue with its position (documents before it are kept).
     */
    List<Node> compose(String text, Issues issues) {
        Yaml yaml = new Yaml(
                new SafeConstructor(options),
                new Representer(new DumperOptions()),
                new DumperOptions(),
                options,
                new Resolver());
        List<Node> documents = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            Iterator<Node> it = yaml.composeAll(new StringReader(body)).iterator();
            while (it.hasNext()) {
                documents.add(it.next());
            }
        } catch (MarkedYAMLException e) {
            issues.error(Issues.where(e.getProblemMark()), "YAML error: " + yamlMessage(e));
        } catch (YAMLException e) {
            issues.error("", "YAML error: " + e.getMessage());
        }
        return documents;
    }

    private static String yamlMessage(MarkedYAMLException e) {
        String context = e.getContext();
        String problem = e.getProblem();
        String message = context == null ? String.valueOf(problem) : context + ", " + problem;
        return message.replace('\n', ' ').strip();
    }

    /** Returns the scalar's value typed as PyYAML would: String, BigInteger, BigDecimal, Boolean or null. */
    @Nullable
    Object value(ScalarNode node) {
        return scalars.value(node);
    }

    /** Types scalars with SnakeYAML's YAML 1.1 constructors, never for anything but int, float, bool, null. */
    private static final class Scalars extends SafeConstructor {
        Scalars(LoaderOptions options) {
            super(options);
        }

        @Nullable
        Object value(ScalarNode node) {
            Tag tag = node.getTag();
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (!tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT) && !tag.equals(Tag.BOOL)) {
                return node.getValue();
            }
            try {
                return normalize(constructObject(node));
            } catch (RuntimeException e) {
                return node.getValue();
            }
        }

        private static @Nullable Object normalize(@Nullable Object value) {
            return switch (value) {
                case Integer i -> BigInteger.valueOf(i);
                case Long l -> BigInteger.valueOf(l);
                case Double d when d.isNaN() || d.isInfinite() -> String.valueOf(d);
                case Double d -> new BigDecimal(Double.toString(d));
                case null -> null;
                default -> value;
            };
        }
    }
}
