package vn.lachan.sigma.parse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import vn.lachan.sigma.rule.Glob;
import vn.lachan.sigma.rule.ValueTest;

/** One rule value while its modifiers are applied, left to right. */
sealed interface Item {

    /** Text as the rule wrote it, not yet read for wildcards (so {@code re}, {@code cidr} can take it raw). */
    record Raw(String text) implements Item {}

    /**
     * Text with wildcards; {@code bytes} says each char stands for one byte (after a UTF-16
     * encoding), so Base64 takes it as Latin-1 rather than UTF-8.
     */
    record Chars(List<Glob.Part> parts, boolean bytes) implements Item {
        public Chars {
            parts = List.copyOf(parts);
        }
    }

    /** A YAML number, with the canonical text it matches as. */
    record Num(BigDecimal value, String text) implements Item {}

    /** A YAML boolean. */
    record Bool(boolean value) implements Item {}

    /** The YAML null. */
    record Null() implements Item {}

    /** A regular expression and its flags. */
    record Pattern(String regex, Set<ValueTest.RegexFlag> flags) implements Item {
        public Pattern {
            flags = Set.copyOf(flags);
        }
    }

    /** Another field of the same event to compare with. */
    record Ref(String field, ValueTest.Position position) implements Item {}

    /** A finished test that no further modifier changes (except a comparison on a time part). */
    record Done(ValueTest test) implements Item {}

    /** Names the item's kind for messages. */
    static String describe(Item item) {
        return switch (item) {
            case Raw r -> "the text '" + Nodes.abbreviate(r.text()) + "'";
            case Chars c -> "a text value";
            case Num n -> "the number " + n.text();
            case Bool b -> "the boolean " + b.value();
            case Null n -> "null";
            case Pattern p -> "a regular expression";
            case Ref r -> "a field reference";
            case Done d -> "a finished " + d.test().getClass().getSimpleName() + " test";
        };
    }
}
