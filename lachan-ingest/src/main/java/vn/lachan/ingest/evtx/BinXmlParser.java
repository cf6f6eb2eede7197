package vn.lachan.ingest.evtx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.lachan.ingest.evtx.XmlNode.Attribute;
import vn.lachan.ingest.evtx.XmlNode.Element;
import vn.lachan.ingest.evtx.XmlNode.Substitution;
import vn.lachan.ingest.evtx.XmlNode.Template;
import vn.lachan.ingest.evtx.XmlNode.Text;

/**
 * Parses the Binary XML tokens of one chunk into {@link XmlNode} trees. Names and template
 * definitions are read once per chunk and cached by their offset; template references are
 * followed with a depth bound and cycle detection, so malformed input ends in a {@link
 * MalformedEvtxException}, never in a hang or a stack overflow.
 */
final class BinXmlParser {
    static final int MAX_DEPTH = 64;
    private static final int TEMPLATE_HEADER_SIZE = 24;

    private final byte[] chunk;
    private final int chunkLimit;
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, Template> templates = new HashMap<>();
    private final Map<Integer, String> brokenTemplates = new HashMap<>();
    private final Set<Integer> templatesInProgress = new HashSet<>();

    BinXmlParser(byte[] chunk, int chunkLimit) {
        this.chunk = chunk;
        this.chunkLimit = chunkLimit;
    }

    /** Parses the tokens between two chunk offsets up to an end-of-stream token. */
    List<XmlNode> parseFragment(int from, int to, int depth) {
        return parseNodes(new Cursor(chunk, from, to), depth, true);
    }

    private List<XmlNode> parseNodes(Cursor in, int depth, boolean topLevel) {
        if (depth > MAX_DEPTH) {
            throw new MalformedEvtxException("Binary XML nests deeper than " + MAX_DEPTH + " levels");
        }
        List<XmlNode> nodes = new ArrayList<>(4);
        while (!topLevel || in.remaining() > 0) {
            int token = in.u8();
            int kind = token & 0xbf;
            if (kind == Token.END_OF_STREAM && topLevel || kind == Token.END_ELEMENT && !topLevel) {
                return nodes;
            }
            parseContent(in, token, depth, nodes);
        }
        return nodes;
    }

    private void parseContent(Cursor in, int token, int depth, List<XmlNode> nodes) {
        switch (token & 0xbf) {
            case Token.OPEN_START_ELEMENT -> nodes.add(parseElement(in, token, depth));
            case Token.FRAGMENT_HEADER -> in.skip(3);
            case Token.TEMPLATE_INSTANCE -> nodes.add(parseTemplateInstance(in, depth));
            case Token.PI_TARGET -> readName(in);
            case Token.PI_DATA -> in.utf16(in.u16());
            default -> {
                XmlNode node = parseValueNode(in, token);
                if (node instanceof Text text && text.text().isEmpty()) {
                    return;
                }
                nodes.add(node);
            }
        }
    }

    /** Parses the tokens that may stand in content or in an attribute value: text and substitutions. */
    private XmlNode parseValueNode(Cursor in, int token) {
        return switch (token & 0xbf) {
            case Token.VALUE -> {
                int type = in.u8();
                if (type != ValueDecoder.STRING) {
                    throw malformed(in, "a value token of type 0x%x (only strings are defined)", type);
                }
                yield new Text(in.utf16(in.u16()));
            }
            case Token.CDATA -> new Text(in.utf16(in.u16()));
            case Token.CHAR_REF -> new Text(String.valueOf((char) in.u16()));
            case Token.ENTITY_REF -> new Text(entity(readName(in)));
            case Token.NORMAL_SUBSTITUTION, Token.OPTIONAL_SUBSTITUTION -> {
                int index = in.u16();
                in.u8(); // the declared type; the instance's own value descriptor is what counts
                yield new Substitution(index, (token & 0xbf) == Token.OPTIONAL_SUBSTITUTION);
            }
            default -> throw malformed(in, "an unexpected token 0x%02x", token);
        };
    }

    private Element parseElement(Cursor in, int token, int depth) {
        in.skip(2 + 4); // dependency identifier, data size
        String name = readName(in);
        if ((token & Token.HAS_MORE) != 0) {
            in.skip(4); // attribute list size
        }
        List<Attribute> attributes = List.of();
        while ((in.peek() & 0xbf) == Token.ATTRIBUTE) {
            in.u8();
            if (attributes.isEmpty()) {
                attributes = new ArrayList<>(4);
            }
            attributes.add(new Attribute(readName(in), parseAttributeValue(in)));
        }
        int close = in.u8();
        return switch (close) {
            case Token.CLOSE_EMPTY_ELEMENT -> new Element(name, attributes, List.of());
            case Token.CLOSE_START_ELEMENT -> new Element(name, attributes, parseNodes(in, depth + 1, false));
            default -> throw malformed(in, "element <%s> ends its start tag with token 0x%02x", name, close);
        };
    }

    private List<XmlNode> parseAttributeValue(Cursor in) {
        List<XmlNode> value = new ArrayList<>(1);
        while (Token.isAttributeValue(in.peek() & 0xbf)) {
            XmlNode node = parseValueNode(in, in.u8());
            if (!(node instanceof Text text && text.text().isEmpty())) {
                value.add(node);
            }
        }
        return value;
    }

    private XmlNode parseTemplateInstance(Cursor in, int depth) {
        in.skip(1 + 4); // version, template identifier
        int definition = in.offset();
        Template template = template(definition, depth);
        if (definition == in.pos) {
            in.skip(TEMPLATE_HEADER_SIZE - 4);
            in.skip(in.u32());
        }
        return SubstitutionValues.read(in, template, this, depth);
    }

    private Template template(int offset, int depth) {
        Template cached = templates.get(offset);
        if (cached != null) {
            return cached;
        }
        String broken = brokenTemplates.get(offset);
        if (broken != null) {
            throw new MalformedEvtxException(broken);
        }
        if (!templatesInProgress.add(offset)) {
            throw new MalformedEvtxException(
                    String.format(Locale.ROOT, "the template at offset 0x%x refers to itself", offset));
        }
        try {
            Template template = parseTemplate(offset, depth);
            templates.put(offset, template);
            return template;
        } catch (MalformedEvtxException e) {
            brokenTemplates.put(offset, "template at offset 0x%x: ".formatted(offset) + e.getMessage());
            throw e;
        } finally {
            templatesInProgress.remove(offset);
        }
    }

    private Template parseTemplate(int offset, int depth) {
        Cursor header = new Cursor(chunk, offset, chunkLimit);
        header.skip(TEMPLATE_HEADER_SIZE - 4);
        long size = header.u32();
        header.require(size);
        return new Template(offset, parseFragment(header.pos, header.pos + (int) size, depth + 1));
    }

    private String readName(Cursor in) {
        int offset = in.offset();
        String cached = names.get(offset);
        if (offset == in.pos) {
            // The name is stored inline, right here: skip over it.
            in.skip(4 + 2);
            int length = in.u16();
            String name = cached != null ? cached : in.utf16(length);
            in.skip(cached != null ? 2L * length + 2 : 2);
            names.putIfAbsent(offset, name);
            return name;
        }
        if (cached != null) {
            return cached;
        }
        Cursor at = new Cursor(chunk, offset, chunkLimit);
        at.skip(4 + 2);
        String name = at.utf16(at.u16());
        names.put(offset, name);
        return name;
    }

    private static String entity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> "&" + name + ";";
        };
    }

    private static MalformedEvtxException malformed(Cursor in, String format, Object... args) {
        return new MalformedEvtxException(
                String.format(Locale.ROOT, format, args) + String.format(Locale.ROOT, " at offset 0x%x", in.pos - 1));
    }
}
