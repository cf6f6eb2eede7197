package vn.lachan.store;

import java.util.Locale;

/** Names how a field is indexed in a partition. */
enum FieldType {
    /** Exact value, with doc values for aggregations. */
    KEYWORD,
    /** Exact value matched case-insensitively: indexed lowercased, doc values as written. */
    KEYWORD_CI,
    /** Analysed words (the message): no doc values. */
    TEXT,
    /** A 64-bit integer: points and doc values. */
    LONG,
    /** A double: points and doc values. */
    DOUBLE,
    /** An IPv4 or IPv6 address: points, and the text in doc values. */
    IP,
    /** An instant in epoch milliseconds: points and doc values. */
    DATE;

    /** Returns the type for its name in the schema files, {@code keyword_ci} for example. */
    static FieldType parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Returns the name in the schema files. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isKeyword() {
        return this == KEYWORD || this == KEYWORD_CI;
    }

    boolean isNumeric() {
        return this == LONG || this == DOUBLE || this == DATE;
    }
}
