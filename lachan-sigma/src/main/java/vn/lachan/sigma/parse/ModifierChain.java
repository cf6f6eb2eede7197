package vn.lachan.sigma.parse;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import vn.lachan.sigma.rule.Glob;
import vn.lachan.sigma.rule.ValueTest;

/**
 * Applies a key's modifiers, left to right, to one rule value and returns its alternatives as
 * tests: one test, or several when {@code windash}, {@code base64offset} or {@code expand} expand it.
 */
final class ModifierChain {
    /** Caps expansions so that one value cannot blow up the rule (5^6 windash variants). */
    static final int MAX_ALTERNATIVES = 15_625;

    private final Context context;
    private final List<Modifier> modifiers;
    private final boolean cased;
    private final TypedModifiers typed;

    /** Where the value is and what to report against. */
    record Context(String field, Node at, Issues issues, Placeholders placeholders) {
        String subject() {
            return field.isEmpty() ? "a keyword" : "field '" + field + "'";
        }

        @Nullable
        List<Item> fail(Modifier modifier, String why) {
            issues.error(at, "modifier '" + modifier.keyword() + "' on " + subject() + ": " + why);
            return null;
        }
    }

    ModifierChain(Context context, List<Modifier> modifiers) {
        this.context = context;
        this.modifiers = List.copyOf(modifiers);
        this.cased = modifiers.contains(Modifier.CASED);
        this.typed = new TypedModifiers(context);
    }

    /** Returns the value's alternatives as tests, or null when a problem was reported. */
    @Nullable
    List<ValueTest> apply(Item initial) {
        List<Item> alternatives = List.of(initial);
        for (Modifier modifier : modifiers) {
            if (modifier == Modifier.ALL || modifier == Modifier.NEQ || modifier == Modifier.CASED) {
                continue;
            }
            List<Item> next = new ArrayList<>();
            for (Item item : alternatives) {
                List<Item> applied = apply(modifier, item);
                if (applied == null) {
                    return null;
                }
                next.addAll(applied);
            }
            if (next.size() > MAX_ALTERNATIVES) {
                context.fail(modifier, "expands to " + next.size() + " alternatives, more than " + MAX_ALTERNATIVES);
                return null;
            }
            alternatives = next;
        }
        return finish(alternatives);
    }

    private @Nullable List<Item> apply(Modifier modifier, Item item) {
        return switch (modifier) {
            case CONTAINS, STARTSWITH, ENDSWITH -> position(modifier, item);
            case UTF16LE, UTF16BE, UTF16 -> utf16(modifier, item);
            case BASE64, BASE64OFFSET -> base64(modifier, item);
            case WINDASH -> windash(item);
            case EXPAND -> typed.expand(item);
            case RE -> typed.regex(item);
            case IGNORECASE, MULTILINE, DOTALL -> typed.regexFlag(modifier, item);
            case CIDR -> typed.cidr(item);
            case GT, GTE, LT, LTE -> typed.compare(modifier, item);
            case MINUTE, HOUR, DAY, WEEK, MONTH, YEAR -> typed.time(modifier, item);
            case FIELDREF -> typed.fieldRef(item);
            case EXISTS, ALL, NEQ, CASED -> List.of(item);
        };
    }

    /** Returns the item as text with wildcards, or null when it is not text. */
    static Item.@Nullable Chars chars(Item item) {
        return switch (item) {
            case Item.Raw r -> new Item.Chars(SigmaStrings.parse(r.text()), false);
            case Item.Chars c -> c;
            default -> null;
        };
    }

    private @Nullable List<Item> needText(Modifier modifier, Item item) {
        String hint = item instanceof Item.Num n ? ": quote it ('" + n.text() + "') to match it as text" : "";
        return context.fail(modifier, "needs a text value, but got " + Item.describe(item) + hint);
    }

    private @Nullable List<Item> position(Modifier modifier, Item item) {
        if (item instanceof Item.Ref ref) {
            return List.of(new Item.Ref(ref.field(), TypedModifiers.position(modifier)));
        }
        if (item instanceof Item.Pattern p) {
            return List.of(TypedModifiers.anchor(modifier, p));
        }
        Item.Chars text = chars(item);
        if (text == null) {
            return needText(modifier, item);
        }
        boolean start = modifier != Modifier.STARTSWITH;
        boolean end = modifier != Modifier.ENDSWITH;
        return List.of(new Item.Chars(SigmaStrings.anchorFree(text.parts(), start, end), text.bytes()));
    }

    private @Nullable List<Item> utf16(Modifier modifier, Item item) {
        Item.Chars text = chars(item);
        if (text == null) {
            return needText(modifier, item);
        }
        return List.of(Encodings.utf16(text, modifier == Modifier.UTF16BE, modifier == Modifier.UTF16));
    }

    private @Nullable List<Item> base64(Modifier modifier, Item item) {
        Item.Chars text = chars(item);
        if (text == null) {
            return needText(modifier, item);
        }
        if (SigmaStrings.hasWildcard(text.parts())) {
            return context.fail(
                    modifier,
                    "cannot encode the wildcards in '" + new Glob(text.parts()) + "': escape them as \\* or \\?");
        }
        byte[] bytes = Encodings.bytes(text);
        if (modifier == Modifier.BASE64) {
            return List.of(new Item.Chars(Glob.literal(Encodings.base64(bytes)).parts(), false));
        }
        List<Item> variants = new ArrayList<>(3);
        for (String variant : Encodings.base64Offsets(bytes)) {
            variants.add(new Item.Chars(Glob.literal(variant).parts(), false));
        }
        return variants;
    }

    private @Nullable List<Item> windash(Item item) {
        Item.Chars text = chars(item);
        if (text == null) {
            return needText(Modifier.WINDASH, item);
        }
        int dashes = Encodings.dashPositions(text);
        if (dashes > 6) {
            return context.fail(
                    Modifier.WINDASH, dashes + " dashes would make 5^" + dashes + " variants; at most 6 are expanded");
        }
        return new ArrayList<>(Encodings.windash(text));
    }

    private @Nullable List<ValueTest> finish(List<Item> alternatives) {
        List<ValueTest> tests = new ArrayList<>(alternatives.size());
        for (Item item : alternatives) {
            ValueTest test = finish(item);
            if (test == null) {
                return null;
            }
            tests.add(test);
        }
        return tests;
    }

    private @Nullable ValueTest finish(Item item) {
        return switch (item) {
            case Item.Raw r -> new ValueTest.Text(new Glob(SigmaStrings.parse(r.text())), cased);
            case Item.Chars c -> new ValueTest.Text(new Glob(c.parts()), cased);
            case Item.Num n -> new ValueTest.Text(Glob.literal(n.text()), cased);
            case Item.Bool b -> new ValueTest.Text(Glob.literal(String.valueOf(b.value())), cased);
            case Item.Null n -> new ValueTest.Null();
            case Item.Pattern p -> typed.finishRegex(p, cased);
            case Item.Ref r -> new ValueTest.FieldRef(r.field(), r.position(), cased);
            case Item.Done d -> d.test();
        };
    }
}
