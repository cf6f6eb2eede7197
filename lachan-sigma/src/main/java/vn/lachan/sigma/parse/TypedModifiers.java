package vn.lachan.sigma.parse;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;
import vn.lachan.sigma.rule.Comparison;
import vn.lachan.sigma.rule.Glob;
import vn.lachan.sigma.rule.ValueTest;

/** Applies the modifiers that turn a value into a typed test: regex, cidr, comparisons, time parts, fieldref, expand. */
final class TypedModifiers {
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("(?<!\\\\)%(\\w+)%");
    private static final java.util.regex.Pattern IP_TEXT = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

    private final ModifierChain.Context context;

    TypedModifiers(ModifierChain.Context context) {
        this.context = context;
    }

    @Nullable
    List<Item> regex(Item item) {
        return switch (item) {
            case Item.Raw r -> List.of(new Item.Pattern(r.text(), Set.of()));
            case Item.Num n -> List.of(new Item.Pattern(n.text(), Set.of()));
            default ->
                context.fail(
                        Modifier.RE,
                        "must come first on the key, it takes the value as written, not " + Item.describe(item));
        };
    }

    @Nullable
    List<Item> regexFlag(Modifier modifier, Item item) {
        if (!(item instanceof Item.Pattern p)) {
            return context.fail(modifier, "is a regular expression flag and needs 're' before it");
        }
        Set<ValueTest.RegexFlag> flags = EnumSet.noneOf(ValueTest.RegexFlag.class);
        flags.addAll(p.flags());
        flags.add(
                switch (modifier) {
                    case IGNORECASE -> ValueTest.RegexFlag.IGNORE_CASE;
                    case MULTILINE -> ValueTest.RegexFlag.MULTILINE;
                    default -> ValueTest.RegexFlag.DOT_ALL;
                });
        return List.of(new Item.Pattern(p.regex(), flags));
    }

    /** Anchors a regex for startswith/endswith; contains changes nothing, as a regex already matches anywhere. */
    static Item.Pattern anchor(Modifier modifier, Item.Pattern p) {
        return switch (modifier) {
            case STARTSWITH -> new Item.Pattern("^(?:" + p.regex() + ")", p.flags());
            case ENDSWITH -> new Item.Pattern("(?:" + p.regex() + ")$", p.flags());
            default -> p;
        };
    }

    @Nullable
    ValueTest finishRegex(Item.Pattern p, boolean cased) {
        if (cased) {
            context.issues()
                    .error(
                            context.at(),
                            "modifier 'cased' on " + context.subject()
                                    + ": a regular expression is already case-sensitive (use 'i' for the opposite)");
            return null;
        }
        String translated = Regexes.translate(p.regex());
        Optional<String> problem = Regexes.problem(translated, p.flags());
        if (problem.isPresent()) {
            context.issues()
                    .error(
                            context.at(),
                            "regular expression on " + context.subject() + " is not valid RE2 syntax: "
                                    + problem.get());
            return null;
        }
        return new ValueTest.Regex(translated, p.flags());
    }

    @Nullable
    List<Item> cidr(Item item) {
        if (!(item instanceof Item.Raw raw)) {
            return context.fail(
                    Modifier.CIDR,
                    "needs a network such as 10.0.0.0/8 as the first modifier, not " + Item.describe(item));
        }
        String text = raw.text().strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!IP_TEXT.matcher(address).matches()) {
            return context.fail(Modifier.CIDR, "'" + text + "' is not an IPv4 or IPv6 network");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.ofLiteral(address).getAddress();
        } catch (IllegalArgumentException e) {
            return context.fail(Modifier.CIDR, "'" + address + "' is not an IPv4 or IPv6 address");
        }
        int bits = bytes.length * 8;
        Integer prefix = slash < 0 ? Integer.valueOf(bits) : parsePrefix(text.substring(slash + 1));
        if (prefix == null || prefix > bits) {
            return context.fail(
                    Modifier.CIDR, "the prefix length of '" + text + "' must be a number from 0 to " + bits);
        }
        if (hostBitsSet(bytes, prefix)) {
            return context.fail(
                    Modifier.CIDR,
                    "'" + text + "' has host bits set after /" + prefix + ": write the network's first address");
        }
        return List.of(new Item.Done(new ValueTest.Cidr(address + "/" + prefix)));
    }

    private static @Nullable Integer parsePrefix(String text) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(text);
    }

    private static boolean hostBitsSet(byte[] address, int prefix) {
        for (int bit = prefix; bit < address.length * 8; bit++) {
            if ((address[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return true;
            }
        }
        return false;
    }

    @Nullable
    List<Item> compare(Modifier modifier, Item item) {
        Comparison op = modifier.comparison().orElseThrow();
        if (item instanceof Item.Done(ValueTest.TimePart t) && t.op() == Comparison.EQ) {
            return List.of(new Item.Done(new ValueTest.TimePart(t.unit(), op, t.value())));
        }
        BigDecimal number = number(item);
        if (number == null) {
            return context.fail(modifier, "needs a number, but got " + Item.describe(item));
        }
        return List.of(new Item.Done(new ValueTest.Compare(op, number)));
    }

    @Nullable
    List<Item> time(Modifier modifier, Item item) {
        ValueTest.TimePart.Unit unit = modifier.timeUnit().orElseThrow();
        Comparison op = Comparison.EQ;
        BigDecimal number = number(item);
        if (item instanceof Item.Done(ValueTest.Compare c)) {
            op = c.op();
            number = c.value();
        }
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            return context.fail(modifier, "needs a whole number, but got " + Item.describe(item));
        }
        long value = number.longValue();
        long[] range = range(unit);
        if (number.compareTo(BigDecimal.valueOf(range[0])) < 0 || number.compareTo(BigDecimal.valueOf(range[1])) > 0) {
            return context.fail(modifier, "needs a number from " + range[0] + " to " + range[1] + ", got " + number);
        }
        return List.of(new Item.Done(new ValueTest.TimePart(unit, op, value)));
    }

    private static long[] range(ValueTest.TimePart.Unit unit) {
        return switch (unit) {
            case MINUTE -> new long[] {0, 59};
            case HOUR -> new long[] {0, 23};
            case DAY -> new long[] {1, 31};
            case WEEK -> new long[] {1, 53};
            case MONTH -> new long[] {1, 12};
            case YEAR -> new long[] {0, 9999};
        };
    }

    private static @Nullable BigDecimal number(Item item) {
        return switch (item) {
            case Item.Num n -> n.value();
            case Item.Raw r -> parseNumber(r.text());
            default -> null;
        };
    }

    private static @Nullable BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Nullable
    List<Item> fieldRef(Item item) {
        Item.Chars text = ModifierChain.chars(item);
        if (text == null) {
            return context.fail(Modifier.FIELDREF, "needs the name of another field, not " + Item.describe(item));
        }
        List<Glob.Part> parts = new ArrayList<>(text.parts());
        boolean start = !parts.isEmpty() && parts.getFirst() instanceof Glob.AnyRun;
        boolean end = parts.size() > 1 && parts.getLast() instanceof Glob.AnyRun;
        List<Glob.Part> core = parts.subList(start ? 1 : 0, parts.size() - (end ? 1 : 0));
        if (core.size() != 1 || !(core.getFirst() instanceof Glob.Literal name)) {
            return context.fail(
                    Modifier.FIELDREF, "needs a field name without wildcards, not '" + new Glob(parts) + "'");
        }
        ValueTest.Position position = start && end
                ? ValueTest.Position.CONTAINS
                : start
                        ? ValueTest.Position.ENDS_WITH
                        : end ? ValueTest.Position.STARTS_WITH : ValueTest.Position.EQUALS;
        return List.of(new Item.Ref(name.text(), position));
    }

    static ValueTest.Position position(Modifier modifier) {
        return switch (modifier) {
            case STARTSWITH -> ValueTest.Position.STARTS_WITH;
            case ENDSWITH -> ValueTest.Position.ENDS_WITH;
            default -> ValueTest.Position.CONTAINS;
        };
    }

    @Nullable
    List<Item> expand(Item item) {
        Item.Chars text = ModifierChain.chars(item);
        if (text == null) {
            return context.fail(Modifier.EXPAND, "needs a text value with %placeholders%, not " + Item.describe(item));
        }
        List<List<Glob.Part>> variants = new ArrayList<>();
        variants.add(new ArrayList<>());
        for (Glob.Part part : text.parts()) {
            variants = part instanceof Glob.Literal l
                    ? expandLiteral(variants, l.text())
                    : append(variants, List.of(part));
            if (variants == null) {
                return null;
            }
        }
        if (variants.size() > ModifierChain.MAX_ALTERNATIVES) {
            return context.fail(Modifier.EXPAND, "expands to more than " + ModifierChain.MAX_ALTERNATIVES + " values");
        }
        return variants.stream()
                .map(p -> (Item) new Item.Chars(SigmaStrings.normalize(p), text.bytes()))
                .toList();
    }

    private @Nullable List<List<Glob.Part>> expandLiteral(List<List<Glob.Part>> prefixes, String literal) {
        List<List<Glob.Part>> variants = prefixes;
        Matcher m = PLACEHOLDER.matcher(literal);
        int from = 0;
        while (m.find()) {
            List<String> values = context.placeholders().values().get(m.group(1));
            if (values == null || values.isEmpty()) {
                context.fail(
                        Modifier.EXPAND,
                        "placeholder '%" + m.group(1) + "%' is unresolved: give its values in the placeholders file");
                return null;
            }
            variants = append(variants, List.of(unescape(literal.substring(from, m.start()))), false);
            variants = append(variants, values, true);
            from = m.end();
        }
        return append(variants, List.of(unescape(literal.substring(from))), false);
    }

    private static List<List<Glob.Part>> append(List<List<Glob.Part>> prefixes, List<String> choices, boolean sigma) {
        List<List<Glob.Part>> parts = new ArrayList<>();
        for (String choice : choices) {
            parts.add(sigma ? SigmaStrings.parse(choice) : Glob.literal(choice).parts());
        }
        return appendParts(prefixes, parts);
    }

    private static List<List<Glob.Part>> append(List<List<Glob.Part>> prefixes, List<Glob.Part> single) {
        return appendParts(prefixes, List.of(single));
    }

    private static String unescape(String text) {
        return text.replace("\\%", "%");
    }

    private static List<List<Glob.Part>> appendParts(List<List<Glob.Part>> prefixes, List<List<Glob.Part>> choices) {
        List<List<Glob.Part>> out = new ArrayList<>(prefixes.size() * choices.size());
        for (List<Glob.Part> prefix : prefixes) {
            for (List<Glob.Part> choice : choices) {
                List<Glob.Part> extended = new ArrayList<>(prefix);
                extended.addAll(choice);
                out.add(extended);
                if (out.size() > ModifierChain.MAX_ALTERNATIVES) {
                    return out;
                }
            }
        }
        return out;
    }
}
