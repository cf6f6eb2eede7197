package vn.lachan.ingest.evtx;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.lachan.ingest.evtx.ValueDecoder.ArrayValue;
import vn.lachan.ingest.evtx.ValueDecoder.Fragment;
import vn.lachan.ingest.evtx.XmlNode.Attribute;
import vn.lachan.ingest.evtx.XmlNode.Element;
import vn.lachan.ingest.evtx.XmlNode.Substitution;
import vn.lachan.ingest.evtx.XmlNode.TemplateInstance;
import vn.lachan.ingest.evtx.XmlNode.Text;

/**
 * Fills templates with their substitution values into a {@link Resolved} tree. An element holding
 * an array value is repeated once per item (MS-EVEN6 "Array Types"), as {@code evtx_dump} does.
 * A node budget bounds the work a malformed record can cause.
 */
final class Instantiator {
    static final int MAX_NODES = 100_000;
    private static final int MAX_DEPTH = 4 * BinXmlParser.MAX_DEPTH;

    /** An element with its values filled in; content holds {@code Resolved}, String, Long, BigInteger, Boolean. */
    record Resolved(String name, List<ResolvedAttribute> attributes, List<Object> content, boolean hasElementChild) {}

    /** An attribute with its values filled in. */
    record ResolvedAttribute(String name, List<Object> value) {}

    /** Values of array items chosen while repeating an element, looked up before the instance's values. */
    private record Override(
            int index, @Nullable Object value, @Nullable Override next) {}

    private int budget = MAX_NODES;

    /** Resolves a record's parsed fragment into its top-level content. */
    static List<Object> resolve(List<XmlNode> fragment) {
        List<Object> out = new ArrayList<>(1);
        new Instantiator().add(fragment, List.of(), null, out, 0);
        return out;
    }

    private void add(
            List<XmlNode> nodes,
            List<@Nullable Object> values,
            @Nullable Override chosen,
            List<Object> out,
            int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedEvtxException("templates and nested values go deeper than " + MAX_DEPTH + " levels");
        }
        for (XmlNode node : nodes) {
            switch (node) {
                case Element element -> element(element, values, chosen, out, depth);
                case Text text -> out.add(text.text());
                case Substitution substitution -> addValue(value(values, chosen, substitution.index()), out, depth);
                case TemplateInstance instance ->
                    add(instance.template().nodes(), instance.values(), null, out, depth + 1);
            }
        }
    }

    private void addValue(@Nullable Object value, List<Object> out, int depth) {
        spend();
        switch (value) {
            case null -> {}
            case String text when text.isEmpty() -> {}
            case ArrayValue array -> out.add(joined(array));
            case Fragment fragment -> add(fragment.nodes(), List.of(), null, out, depth + 1);
            default -> out.add(value);
        }
    }

    private void element(
            Element element, List<@Nullable Object> values, @Nullable Override chosen, List<Object> out, int depth) {
        spend();
        int arrayIndex = firstArray(element, values, chosen);
        if (arrayIndex < 0) {
            out.add(resolveElement(element, values, chosen, depth));
            return;
        }
        if (!(value(values, chosen, arrayIndex) instanceof ArrayValue array)) {
            throw new IllegalStateException("substitution " + arrayIndex + " was found to hold an array");
        }
        for (Object item : array.items()) {
            Object scalar = item instanceof String text && text.isEmpty() ? null : item;
            element(element, values, new Override(arrayIndex, scalar, chosen), out, depth);
        }
    }

    private Resolved resolveElement(
            Element element, List<@Nullable Object> values, @Nullable Override chosen, int depth) {
        List<ResolvedAttribute> attributes =
                new ArrayList<>(element.attributes().size());
        for (Attribute attribute : element.attributes()) {
            List<Object> value = new ArrayList<>(1);
            add(attribute.value(), values, chosen, value, depth + 1);
            attributes.add(new ResolvedAttribute(attribute.name(), value));
        }
        List<Object> content = new ArrayList<>(element.children().size());
        add(element.children(), values, chosen, content, depth + 1);
        boolean hasElementChild = false;
        for (Object item : content) {
            hasElementChild |= item instanceof Resolved;
        }
        return new Resolved(element.name(), attributes, content, hasElementChild);
    }

    /** Returns the index of the first substitution in the element's own content or attributes that holds an array of 2+ items. */
    private static int firstArray(Element element, List<@Nullable Object> values, @Nullable Override chosen) {
        int index = firstArray(element.children(), values, chosen);
        for (int i = 0; index < 0 && i < element.attributes().size(); i++) {
            index = firstArray(element.attributes().get(i).value(), values, chosen);
        }
        return index;
    }

    private static int firstArray(List<XmlNode> nodes, List<@Nullable Object> values, @Nullable Override chosen) {
        for (XmlNode node : nodes) {
            if (node instanceof Substitution substitution
                    && value(values, chosen, substitution.index()) instanceof ArrayValue array
                    && array.items().size() > 1) {
                return substitution.index();
            }
        }
        return -1;
    }

    private static @Nullable Object value(List<@Nullable Object> values, @Nullable Override chosen, int index) {
        for (Override o = chosen; o != null; o = o.next()) {
            if (o.index() == index) {
                return o.value();
            }
        }
        return index < values.size() ? values.get(index) : null;
    }

    private static String joined(ArrayValue array) {
        StringBuilder text = new StringBuilder();
        boolean first = true;
        for (Object item : array.items()) {
            if (!first) {
                text.append(',');
            }
            first = false;
            text.append(item);
        }
        return text.toString();
    }

    private void spend() {
        if (--budget < 0) {
            throw new MalformedEvtxException("the record expands to more than " + MAX_NODES + " nodes");
        }
    }
}
