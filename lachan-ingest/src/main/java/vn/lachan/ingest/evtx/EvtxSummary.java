package vn.lachan.ingest.evtx;

/**
 * Counts what one reading of an EVTX file found.
 *
 * @param records events delivered
 * @param corruptRecords records found but skipped as malformed (each reported as a problem)
 * @param chunks chunks with a valid signature that were read (unused, all-zero chunks are not counted)
 * @param corruptChunks chunks that were skipped or read with damage (each reported as a problem)
 * @param problems problems reported, for the file as a whole, its chunks and its records
 */
public record EvtxSummary(long records, long corruptRecords, int chunks, int corruptChunks, long problems) {
    public EvtxSummary {
        if (records < 0 || corruptRecords < 0 || chunks < 0 || corruptChunks < 0 || problems < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }
}
