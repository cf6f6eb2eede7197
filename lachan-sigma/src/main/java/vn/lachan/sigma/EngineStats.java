package vn.lachan.sigma;

/**
 * Counts what the engine did since it was compiled.
 *
 * @param events events processed
 * @param detections detection rule matches (reported or only fed to correlations)
 * @param detectionAlerts detection alerts reported
 * @param correlationAlerts correlation alerts reported
 * @param liveStates correlation group states held now
 * @param evictions correlation group states evicted because the state cap was reached
 * @param expired correlation group states dropped because event time moved on
 * @param late matches dropped because they arrived after their correlation window had moved on
 * @param ungrouped matches a correlation could not use because they lack a group-by field
 * @param untimed matches a correlation could not use because their event has no time
 */
public record EngineStats(
        long events,
        long detections,
        long detectionAlerts,
        long correlationAlerts,
        long liveStates,
        long evictions,
        long expired,
        long late,
        long ungrouped,
        long untimed) {}
