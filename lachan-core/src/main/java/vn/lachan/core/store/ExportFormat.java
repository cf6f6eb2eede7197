package vn.lachan.core.store;

import java.util.List;

/** Tells how to write an exported result: one JSON event per line, or CSV with chosen columns. */
public sealed interface ExportFormat {
    /** Writes each event's original text as one line (NDJSON). */
    record Ndjson() implements ExportFormat {}

    /**
     * Writes a header and one row per event (RFC 4180 quoting); {@code @timestamp} and {@code _id} are
     * columns like any field.
     *
     * @param columns the field names, at least one
     */
    record Csv(List<String> columns) implements ExportFormat {
        public Csv {
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a CSV export needs at least one column");
            }
        }
    }
}
