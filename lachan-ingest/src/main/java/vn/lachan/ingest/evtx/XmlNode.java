package vn.lachan.ingest.evtx;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One node of a parsed Binary XML fragment or template definition. */
sealed interface XmlNode {

    /** An element with its attributes and content. */
    record Element(String name, List<Attribute> attributes, List<XmlNode> children) implements XmlNode {}

    /** An attribute; its value is a list of text and substitution nodes. */
    record Attribute(String name, List<XmlNode> value) {}

    /** Literal text: a value token, CDATA, or a resolved character or entity reference. */
    record Text(String text) implements XmlNode {}

    /** A place in a template that a template instance fills with its value at {@code index}. */
    record Substitution(int index, boolean optional) implements XmlNode {}

    /** A template filled with its substitution values (decoded, see {@link ValueDecoder}). */
    record TemplateInstance(Template template, List<@Nullable Object> values) implements XmlNode {}

    /** A template definition, parsed once per chunk and shared by every record that uses it. */
    record Template(int offset, List<XmlNode> nodes) {}
}
