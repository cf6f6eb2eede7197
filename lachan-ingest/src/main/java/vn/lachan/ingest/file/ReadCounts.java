package vn.lachan.ingest.file;

/**
 * Counts what one reading run saw.
 *
 * @param files files opened (an archive counts once, its members do not)
 * @param events events delivered
 * @param parseErrors malformed events or unreadable file contents, each reported as a problem
 * @param skippedEntries folder entries and archive members that are not event files (for example
 *     {@code __MACOSX/} resource forks or {@code info.yml}), passed over on purpose
 */
public record ReadCounts(long files, long events, long parseErrors, long skippedEntries) {
    public ReadCounts {
        if (files < 0 || events < 0 || parseErrors < 0 || skippedEntries < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }
}
