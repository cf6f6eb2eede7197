package vn.lachan.store;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** Names the fields of a stored event's Lucene document and the limits on them; see {@link DocumentBuilder}. */
final class EventDocuments {
    static final String ID_HIGH = "_idh";
    static final String ID_LOW = "_idl";
    static final String TIME = "@timestamp";
    static final String ORG = "_org";
    static final String SYSTEM = "_sys";
    static final String RAW = "_raw";
    /** The normalized fields as JSON (layouts 1 to 4, stores that keep the fields). */
    static final String FIELDS = "_fields";
    /** The normalized fields in {@link FieldsEncoder}'s binary form (from layout 5, stores that keep the fields). */
    static final String FIELDS_BINARY = "_fieldsb";

    static final String CONFLICT = "_conflict";
    /** Names, once per document, the non-ECS keyword fields whose value was too long to index. */
    static final String IGNORED = "_ignored";
    /** Longest value (in characters) of a non-ECS keyword field that is indexed, as Elasticsearch's default. */
    static final int IGNORE_ABOVE = 256;
    /** Longest keyword (in characters) kept whole in doc values, for aggregations; longer ones are cut. */
    static final int DOC_VALUES_LIMIT = 1024;
    /** Longest keyword (in UTF-8 bytes) indexed as a term: Lucene's limit. */
    static final int TERM_LIMIT = 32766;
    /** The first code point that NFC may change: below it, text is already composed. */
    private static final char FIRST_COMBINING = '\u0300';

    private EventDocuments() {}

    /** Returns the field that holds values that did not fit {@code field}'s type, as keywords. */
    static String conflictField(String field) {
        return CONFLICT + ":" + field;
    }

    static String text(Object value) {
        return switch (value) {
            case String s -> s;
            case BigInteger b -> b.toString();
            default -> String.valueOf(value);
        };
    }

    static int utf8Length(String s) {
        return s.length() * 3 <= TERM_LIMIT ? s.length() : s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Returns the text in NFC, so that Vietnamese written decomposed (NFD) finds and is found as composed
     * text; text with no character from U+0300 up (most logs) is returned as it is, unscanned by the JDK.
     */
    static String nfc(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= FIRST_COMBINING) {
                return Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }
}
