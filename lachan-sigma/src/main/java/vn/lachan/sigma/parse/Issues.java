package vn.lachan.sigma.parse;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import vn.lachan.core.problem.Problem;

/** Collects the errors and warnings found in one source, each with its line and column. */
final class Issues {
    private final String source;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    Issues(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void error(@Nullable Node at, String message) {
        errors.add(new Problem(source, where(at), message));
    }

    void error(String location, String message) {
        errors.add(new Problem(source, location, message));
    }

    void warn(@Nullable Node at, String message) {
        warnings.add(new Problem(source, where(at), message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    int errorCount() {
        return errors.size();
    }

    List<Problem> errors() {
        return List.copyOf(errors);
    }

    List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    /** Returns "line N, column M" (1-based) for a node, or "" when it has no position. */
    static String where(@Nullable Node node) {
        return node == null ? "" : where(node.getStartMark());
    }

    static String where(@Nullable Mark mark) {
        return mark == null ? "" : where(mark.getLine() + 1, mark.getColumn() + 1);
    }

    static String where(int line, int column) {
        return "line " + line + ", column " + column;
    }
}
