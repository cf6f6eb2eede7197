package vn.lachan.sigma.parse;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** A condition string with where it stands in the file, to place errors on the offending character. */
record ConditionText(String value, int line, int column) {

    static ConditionText of(ScalarNode node) {
        int line = node.getStartMark().getLine() + 1;
        int column = node.getStartMark().getColumn() + 1;
        boolean quoted = node.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED
                || node.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED;
        boolean sameLine = node.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN || quoted;
        return sameLine
                ? new ConditionText(node.getValue(), line, column + (quoted ? 1 : 0))
                : new ConditionText(node.getValue(), line, 0);
    }

    /** Returns "line N, column M" of the character at the offset (the node's start when it is not on one line). */
    String location(int offset) {
        boolean singleLine = column > 0 && value.indexOf('\n') < 0;
        return singleLine ? Issues.where(line, column + offset) : Issues.where(line, Math.max(1, column));
    }
}
