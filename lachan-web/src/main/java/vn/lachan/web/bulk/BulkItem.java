package vn.lachan.web.bulk;

import org.jspecify.annotations.Nullable;

/**
 * Holds one operation of a bulk request as parsed: what it asks, and either the document to take or why
 * it is refused.
 *
 * @param action {@code index}, {@code create}, {@code update} or {@code delete} (a malformed action line is
 *     reported as {@code index})
 * @param index the target index, empty when the request names none
 * @param id the document id given, or one generated
 * @param source the document's bytes as received, null when refused
 * @param errorType the Elasticsearch error type when refused, such as {@code mapper_parsing_exception}
 * @param reason why it is refused, naming the line; null when taken
 */
record BulkItem(
        String action,
        String index,
        String id,
        byte @Nullable [] source,
        @Nullable String errorType,
        @Nullable String reason) {
    static BulkItem taken(String action, String index, String id, byte[] source) {
        return new BulkItem(action, index, id, source, null, null);
    }

    static BulkItem refused(String action, String index, String id, String errorType, String reason) {
        return new BulkItem(action, index, id, null, errorType, reason);
    }

    boolean failed() {
        return errorType != null;
    }
}
