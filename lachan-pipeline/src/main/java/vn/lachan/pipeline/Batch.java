package vn.lachan.pipeline;

import java.util.List;
import vn.lachan.core.alert.Detection;
import vn.lachan.core.store.StoredEvent;

/**
 * Carries one detected batch from the detection stage to the storage stage.
 *
 * @param events the stored form of every record of the batch, in journal order
 * @param detections what the rules found in them
 * @param receivedMillis for each detection, when its record was received (epoch milliseconds)
 * @param eventReceivedMillis for each event, when its record was received (epoch milliseconds)
 * @param end the journal position after the batch's last record
 */
record Batch(
        List<StoredEvent> events,
        List<Detection> detections,
        long[] receivedMillis,
        long[] eventReceivedMillis,
        long end) {
    static final Batch END = new Batch(List.of(), List.of(), new long[0], new long[0], -1);
}
